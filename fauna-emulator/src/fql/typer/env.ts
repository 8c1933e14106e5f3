// The typing environment: shapes of named types (stdlib, collections, documents), global
// values and operators. `baseEnv()` holds the standard library; buildTypeEnv adds a schema.
import type { Span } from "../ast.js";
import { resolveType, type Diag } from "./resolve.js";
import type { Shape } from "./solver.js";
import { GLOBALS, NATIVE_COLLECTIONS, OPS, SHAPES, type ShapeSpec } from "./stdlib.js";
import { parseTypeExpr } from "./type-expr.js";
import { named, type Type } from "./types.js";

export interface Env {
  shapes: Map<string, Shape>;
  globals: Map<string, Type>;
  ops: Map<string, Type>;
  /** Types usable in annotations that are not shapes (scalars are shapes too). */
  typeNames: Set<string>;
  /** Globals whose variables are instantiated afresh at each use (inferred UDF types). */
  generalized: Set<string>;
}

const PARAMS = new Set(["A", "B", "C", "D", "E", "F", "G"]);
const SCALARS = [
  "Any",
  "Never",
  "Null",
  "Boolean",
  "Number",
  "Int",
  "Long",
  "Double",
  "Float",
  "String",
  "ID",
  "Time",
  "Date",
  "Bytes",
  "UUID",
  "TransactionTime",
  "SetCursor",
];

export function sigType(env: Env, sig: string | string[], diags: Diag[] = []): Type {
  const one = (s: string): Type => {
    const t = resolveType(parseTypeExpr(s), {
      isType: (n) => env.shapes.has(n) || env.typeNames.has(n),
      isDoc: (n) => env.shapes.get(n)?.doc !== undefined,
      params: PARAMS,
      diags,
    });
    return stripSpans(t);
  };
  if (Array.isArray(sig)) return sig.length === 1 ? one(sig[0]!) : { t: "inter", types: sig.map(one) };
  return one(sig);
}

/** Stdlib and schema types carry no source spans (errors then point at the use site). */
export function stripSpans(t: Type): Type {
  const { span: _span, ...rest } = t as Type & { span?: Span };
  const s = rest as Type;
  switch (s.t) {
    case "named":
      return { ...s, args: s.args.map(stripSpans) };
    case "rec":
      return {
        ...s,
        fields: new Map([...s.fields].map(([k, v]) => [k, stripSpans(v)])),
        wild: s.wild && stripSpans(s.wild),
      };
    case "tup":
      return { ...s, elems: s.elems.map(stripSpans) };
    case "fn":
      return {
        ...s,
        params: s.params.map(stripSpans),
        variadic: s.variadic && stripSpans(s.variadic),
        ret: stripSpans(s.ret),
      };
    case "union":
    case "inter":
      return { ...s, types: s.types.map(stripSpans) };
    default:
      return s;
  }
}

/** Names first, signatures once every name exists (shapes refer to each other): `later` runs them. */
type Later = (() => void)[];

function addShape(env: Env, name: string, spec: ShapeSpec, later: Later): void {
  const shape: Shape = { params: spec.params ?? [], fields: new Map() };
  env.shapes.set(name, shape);
  later.push(() => {
    for (const [f, s] of Object.entries(spec.fields)) shape.fields.set(f, sigType(env, s));
    if (spec.apply) shape.apply = sigType(env, spec.apply);
    if (spec.access) shape.access = sigType(env, spec.access);
    if (spec.alias) shape.alias = sigType(env, spec.alias);
  });
}

/** Shapes and globals of a native collection and its documents. */
function addNativeCollection(env: Env, spec: (typeof NATIVE_COLLECTIONS)[number], later: Later): void {
  const coll = `${spec.global}Collection`;
  const doc = spec.doc;
  const nullDoc = `Null${doc}`;
  const ref = spec.named ? `NamedRef<${doc}>` : `Ref<${doc}>`;
  const fields: Record<string, string | string[]> = {
    all: ["() => Set<" + doc + ">", `(range: { from: Any } | { to: Any } | { from: Any, to: Any }) => Set<${doc}>`],
    where: `(pred: (${doc} => Boolean | Null)) => Set<${doc}>`,
    firstWhere: `(pred: (${doc} => Boolean | Null)) => ${doc} | Null`,
    create: `(data: { *: Any }) => ${doc}`,
    toString: "() => String",
    ...(spec.named ? { byName: `(name: String) => ${ref}` } : { byId: `(id: ID) => ${ref}` }),
    ...spec.extra,
  };
  addShape(env, coll, { fields }, later);
  addShape(
    env,
    doc,
    {
      fields: {
        update: `(data: { *: Any }) => ${doc}`,
        replace: `(data: { *: Any }) => ${doc}`,
        delete: `() => ${nullDoc}`,
        exists: "() => true",
        toString: "() => String",
        coll: coll,
        ...spec.docExtra,
      },
      alias: "{ *: Any }",
    },
    later,
  );
  env.shapes.get(doc)!.doc = doc;
  addShape(env, nullDoc, { fields: { exists: "() => false", toString: "() => String", coll }, alias: "Null" }, later);
  env.shapes.get(nullDoc)!.nullDoc = doc;
  env.globals.set(spec.global, named(coll));
}

export function baseEnv(): Env {
  const env: Env = {
    shapes: new Map(),
    globals: new Map(),
    ops: new Map(),
    typeNames: new Set(SCALARS),
    generalized: new Set(),
  };
  const later: Later = [];
  for (const [name, spec] of Object.entries(SHAPES)) addShape(env, name, spec, later);
  for (const spec of NATIVE_COLLECTIONS) addNativeCollection(env, spec, later);
  later.forEach((f) => f());
  for (const [name, sig] of Object.entries(GLOBALS)) {
    env.globals.set(name, typeof sig === "string" && env.shapes.has(sig) ? named(sig) : sigType(env, sig));
  }
  // `FQL` holds every static global but itself (faunadb GlobalResolvers.FQL): the stdlib's and
  // native collections' modules and the global functions, never a user's collection or UDF.
  const fql = env.shapes.get("FQLModule")!;
  for (const [name, t] of env.globals) if (name !== "FQL") fql.fields.set(name, t);
  for (const [op, sig] of Object.entries(OPS)) env.ops.set(op, sigType(env, sig));
  return env;
}

export function cloneEnv(env: Env): Env {
  return {
    shapes: new Map(env.shapes),
    globals: new Map(env.globals),
    ops: env.ops,
    typeNames: new Set(env.typeNames),
    generalized: new Set(env.generalized),
  };
}
