// The schema's part of the typing environment (faunadb fql/env/CollectionTypeInfo and the
// schema typecheck of UDFs, computed fields, check constraints and role predicates): for each
// collection `C`, the document type `C` (an alias of its fields' record), `NullC`, the
// collection object `CCollection` with create/update/replace input types and index methods;
// each UDF becomes a global of its declared or inferred type.
import { NATIVE_RESOURCES } from "../../core/index.js";
import { THIS, type Expr, type Lambda, type Span } from "../ast.js";
import { freeNameSites } from "../check.js";
import { baseEnv, cloneEnv, stripSpans, type Env } from "./env.js";
import { withSource, type SchemaDescription, type TypeDiagnostic } from "./shapes.js";
import { resolveAnnotation, resolveType, type Diag } from "./resolve.js";
import { parseSignature, parseTypeExpr, TypeExprError, type TypeExpr } from "./type-expr.js";
import { Typer, TypingTimeout } from "./typer.js";
import { findProjections, freeze, replaceVars } from "./freeze.js";
import { ANY, BOOLEAN, ID, NULL, TIME, freshVar, named, union, type TVar, type Type } from "./types.js";

type Coll = SchemaDescription["collections"][number];
const RANGE = "{ from: Any } | { to: Any } | { from: Any, to: Any }";

export function buildSchemaEnv(
  schema: SchemaDescription,
  source: (kind: string, name: string) => string,
): { env: Env; diagnostics: TypeDiagnostic[] } {
  const env = cloneEnv(baseEnv());
  const diagnostics: TypeDiagnostic[] = [];
  const report = (kind: string, name: string, ds: Diag[]) =>
    diagnostics.push(...ds.map((d) => withSource(d, source(kind, name))));

  // Names first: field types may refer to any collection. A collection's derived type names
  // must not clash with existing ones (faunadb CollectionDerivedTypeValidator).
  const counts = new Map<string, number>();
  for (const n of [...env.shapes.keys(), ...env.typeNames]) counts.set(n, 1);
  const derived = (n: string) => [n, `Null${n}`, `${n}Collection`];
  for (const c of schema.collections)
    for (const n of [c.name, ...(c.alias ? [c.alias] : [])])
      for (const d of derived(n)) counts.set(d, (counts.get(d) ?? 0) + 1);
  for (const c of schema.collections)
    for (const [what, n] of [["name", c.name], ...(c.alias ? [["alias", c.alias]] : [])] as [string, string][]) {
      const clash = derived(n).filter((d) => (counts.get(d) ?? 0) > 1);
      if (clash.length)
        report("collection", c.name, [
          {
            message: `The collection ${what} \`${n}\` generates types that conflict with the following existing types: ${clash.join(", ")}`,
            span: NO_SPAN,
          },
        ]);
    }
  for (const c of schema.collections)
    for (const n of [c.name, ...(c.alias ? [c.alias] : [])]) declareCollection(env, n);
  const resolveIn = (text: string, kind: string, name: string, reportErrors = true): Type => {
    const diags: Diag[] = [];
    let t: Type = ANY;
    try {
      t = resolveType(parseTypeExpr(text), {
        isType: (n) => env.shapes.has(n) || env.typeNames.has(n),
        isDoc: (n) => env.shapes.get(n)?.doc !== undefined,
        diags,
      });
    } catch (e) {
      if (!(e instanceof TypeExprError)) throw e;
      diags.push({ message: e.message, span: e.span });
    }
    if (reportErrors) report(kind, name, diags);
    return stripSpans(t);
  };

  // Computed fields without a signature get their type from their body (a variable for now).
  const computedTypes = new Map<string, Map<string, Type>>();
  for (const c of schema.collections) {
    const m = new Map<string, Type>();
    for (const cf of c.computedFields)
      m.set(cf.name, cf.signature ? resolveIn(cf.signature, "collection", c.name) : freshVar(1));
    computedTypes.set(c.name, m);
  }
  for (const c of schema.collections) {
    if (c.wildcard !== null && c.wildcard.trim() !== "Any")
      report("collection", c.name, [{ message: "Top-level wildcard must have type `Any`", span: NO_SPAN }]);
    for (const f of c.hasFieldDefinitions ? c.fields : []) {
      const t = resolveIn(f.type, "collection", c.name);
      if (!persistable(t))
        report("collection", c.name, [
          { message: `Field \`${f.name}\` in collection ${c.name} is not persistable`, span: NO_SPAN },
        ]);
    }
    const info = collectionTypes(c, (t) => resolveIn(t, "collection", c.name, false), computedTypes.get(c.name)!);
    for (const n of [c.name, ...(c.alias ? [c.alias] : [])]) {
      defineCollection(env, n, c, info);
      defineIndexes(env, n, c);
    }
  }

  // UDFs: declared signatures are known up front; the others are inferred (recursively).
  const udfTypes = new Map<string, Type>();
  const signed = new Set<string>();
  for (const f of schema.functions) {
    let t: Type | null = null;
    if (f.signature) {
      // A UDF's signature may be generic (`{ x: a } => { x: a }`, FQL2TypecheckSpec "function
      // signature fix invalid projection"): it is resolved as one annotation.
      t = signatureType(f.signature, (te) => {
        const diags: Diag[] = [];
        const r = resolveAnnotation(te, {
          isType: (n) => env.shapes.has(n) || env.typeNames.has(n),
          isDoc: (n) => env.shapes.get(n)?.doc !== undefined,
          diags,
        });
        report("function", f.name, diags);
        return stripSpans(r);
      });
    }
    const typed = t !== null;
    if (!t) t = freshVar(1);
    udfTypes.set(f.name, t);
    if (typed) signed.add(f.name);
    for (const n of [f.name, ...(f.alias ? [f.alias] : [])]) {
      env.globals.set(n, t);
      if (!typed) env.generalized.add(n);
    }
  }

  const check = (kind: string, name: string, body: Expr, expected: Type | null, inferInto?: Type) => {
    const typer = new Typer(env);
    typer.solver.level = 1;
    try {
      const t =
        body.type === "Lambda"
          ? typer.lambda(body as Lambda, new Map(), expected ?? undefined)
          : typer.expr(body, new Map());
      if (expected) typer.constrain(t, expected, body.span);
      if (inferInto) typer.constrain(t, inferInto, body.span);
      report(kind, name, typer.diags);
      return t;
    } catch (e) {
      const message =
        e instanceof TypingTimeout
          ? "Exceeded static typing time limit"
          : e instanceof RangeError
            ? "Typechecking failed due to query complexity"
            : null;
      if (message === null) throw e;
      report(kind, name, [{ message, span: body.span }]);
      return ANY;
    }
  };

  for (const c of schema.collections) {
    const doc = named(c.name);
    for (const cf of c.computedFields) {
      const ft = computedTypes.get(c.name)!.get(cf.name)!;
      const t = check("collection", c.name, cf.body, {
        t: "fn",
        params: [doc],
        variadic: null,
        ret: cf.signature ? ft : ANY,
      });
      if (!cf.signature && t.t === "fn") new Typer(env).constrain(t.ret, ft, cf.body.span);
    }
    // A field's default must be a value of the field's type (SchemaCollectionSpec "typechecks defaults").
    for (const f of c.hasFieldDefinitions ? c.fields : [])
      if (f.default) check("collection", c.name, f.default, resolveIn(f.type, "collection", c.name, false));
    for (const cc of c.checkConstraints)
      check("collection", c.name, cc.body, { t: "fn", params: [doc], variadic: null, ret: union(BOOLEAN, NULL) });
    // Index terms and values, and unique constraints, must select fields of the document
    // (faunadb SchemaTypeValidator.checkIndexes).
    for (const path of indexedPaths(c)) {
      const body = pathLambda(path);
      if (body) check("collection", c.name, body, { t: "fn", params: [doc], variadic: null, ret: ANY });
    }
    report("collection", c.name, indexedComputedFieldRules(schema, c));
  }
  // Inferred computed field types are kept as inferred (faunadb persists them): their
  // variables are replaced by the types that flowed in.
  const frozen = new Map<TVar, Type>();
  for (const m of computedTypes.values()) for (const t of m.values()) if (t.t === "var") frozen.set(t.v, freeze(t));
  if (frozen.size > 0)
    for (const shape of env.shapes.values()) {
      if (shape.alias) shape.alias = replaceVars(shape.alias, frozen);
      for (const [k, v] of shape.fields) shape.fields.set(k, replaceVars(v, frozen));
    }
  // Index terms again, now that computed fields have their types.
  for (const c of schema.collections) for (const n of [c.name, ...(c.alias ? [c.alias] : [])]) defineIndexes(env, n, c);
  for (const f of schema.functions) {
    const t = udfTypes.get(f.name)!;
    if (signed.has(f.name)) check("function", f.name, f.body, t);
    else {
      check("function", f.name, f.body, null, t);
      const projs = findProjections(t);
      report(
        "function",
        f.name,
        projs.map((p) => ({ message: INVALID_PROJECTION, span: p.span ?? f.body.span })),
      );
    }
  }
  // Roles (faunadb SchemaTypeValidator.validate): checked once everything else holds; their
  // resources must exist; predicates are typed on their own, not against the resource's
  // document type (a FIXME in the core: `(doc) => doc.nope` passes there too).
  if (diagnostics.length === 0) {
    const isColl = (n: string) => schema.collections.some((c) => c.name === n || c.alias === n);
    const isFn = (n: string) => schema.functions.some((f) => f.name === n || f.alias === n);
    for (const r of schema.roles) {
      const checked = new Set<string>();
      const resource = (n: string, allowFunctions: boolean) => {
        if (checked.has(n)) return;
        checked.add(n);
        if (!NATIVE_RESOURCES.has(n) && !isColl(n) && !(allowFunctions && isFn(n)))
          report("role", r.name, [{ message: `Resource \`${n}\` does not exist`, span: NO_SPAN }]);
      };
      for (const m of r.membershipPredicates) {
        resource(m.collection, false);
        check("role", r.name, m.body, null);
      }
      for (const p of r.predicates) {
        resource(p.resource, true);
        check("role", r.name, p.body, null);
      }
    }
  }
  // In queries a UDF is a `UserFunction<Sig>` (schema bodies above saw the bare signature).
  for (const f of schema.functions)
    for (const n of [f.name, ...(f.alias ? [f.alias] : [])])
      env.globals.set(n, named("UserFunction", udfTypes.get(f.name)!));
  return { env, diagnostics };
}

/**
 * A UDF signature, as FSL writes it (`(a: T, b: U): R`) or as a function type (`Int => Int`).
 * Without a return type the function counts as unsigned (Fauna requires all or nothing).
 */
function signatureType(text: string, resolve: (te: TypeExpr) => Type): Type | null {
  let sig: ReturnType<typeof parseSignature>;
  try {
    sig = parseSignature(text);
  } catch (e) {
    if (!(e instanceof TypeExprError)) throw e;
    const te = parseTypeExpr(text);
    if (te.k !== "fn") return resolve(te);
    sig = { params: te.params, variadic: te.variadic, ret: te.ret };
  }
  if (sig.ret === null) return null;
  const span = { start: 0, end: text.length };
  const t = resolve({ k: "fn", params: sig.params, variadic: sig.variadic, ret: sig.ret, span });
  return t.t === "fn" ? { ...t, names: sig.params.map((p) => p.name) } : t;
}

const NO_SPAN: Span = { start: 0, end: 0 };
const INVALID_PROJECTION = "Invalid projection on a unknown type. Use function signatures to fix the issue.";

/** Int, Long, Double and Float as Number, throughout a type. */
function upcastNumeric(t: Type): Type {
  switch (t.t) {
    case "named":
      return ["Int", "Long", "Double", "Float"].includes(t.name)
        ? { ...t, name: "Number" }
        : { ...t, args: t.args.map(upcastNumeric) };
    case "rec":
      return {
        ...t,
        fields: new Map([...t.fields].map(([k, v]) => [k, upcastNumeric(v)])),
        wild: t.wild && upcastNumeric(t.wild),
      };
    case "tup":
      return { ...t, elems: t.elems.map(upcastNumeric) };
    case "union":
    case "inter":
      return { ...t, types: t.types.map(upcastNumeric) };
    default:
      return t;
  }
}

/** Whether values of a type can be stored in a document (no functions, sets or modules). */
function persistable(t: Type): boolean {
  switch (t.t) {
    case "fn":
    case "inter":
      return false;
    case "named":
      if (["Set", "EventSource", "Page"].includes(t.name) || /(Collection|Module)$/.test(t.name)) return false;
      return t.args.every(persistable);
    case "rec":
      return [...t.fields.values()].every(persistable) && (t.wild === null || persistable(t.wild));
    case "tup":
      return t.elems.every(persistable);
    case "union":
      return t.types.every(persistable);
    default:
      return true;
  }
}

/** `.a.b` / `mva(.tags)` as the selection lambda `(.a.b)` (null if the path is not simple). */
/** Every path an index or unique constraint of `c` reads. */
function indexedPaths(c: Coll): string[] {
  return [...c.indexes.flatMap((i) => [...i.terms, ...i.values.map((v) => v.field)]), ...(c.uniques ?? []).flat()];
}

/**
 * A computed field that an index or unique constraint reads must be a function of its own
 * document alone (faunadb SchemaTypeValidator.postcheckIndexedComputedFields): no UDF calls,
 * no collections, no other computed fields and not the document's `ts`. The last two are
 * checked on the field's parameter itself (the core asks the typer which selects read a
 * document; a parameter not shadowed by a `let` is that document).
 */
function indexedComputedFieldRules(schema: SchemaDescription, c: Coll): Diag[] {
  const first = (path: string) => /^\s*(?:mva\(\s*)?(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[("(?:[^"\\]|\\.)*")\])/.exec(path);
  const names = new Set<string>();
  for (const path of indexedPaths(c)) {
    const m = first(path);
    if (m) names.add(m[1] ?? (JSON.parse(m[2]!) as string));
  }
  const computed = new Set(c.computedFields.map((cf) => cf.name));
  const udfs = schema.functions.flatMap((f) => [f.name, ...(f.alias ? [f.alias] : [])]);
  const colls = schema.collections.flatMap((x) => [x.name, ...(x.alias ? [x.alias] : [])]);
  const diags: Diag[] = [];
  for (const cf of c.computedFields) {
    if (!names.has(cf.name)) continue;
    const sites = freeNameSites(cf.body);
    for (const u of udfs) {
      const at = sites.get(u)?.[0];
      if (at) diags.push({ message: "Computed fields used in indexes or constraints cannot call UDFs", span: at });
    }
    for (const n of colls) {
      const at = sites.get(n)?.[0];
      if (at)
        diags.push({ message: "Computed fields used in indexes or constraints cannot access collections", span: at });
    }
    if (cf.body.type !== "Lambda") continue;
    const param = (cf.body as Lambda).params[0];
    if (!param) continue;
    for (const { name, span } of selectsOn(cf.body.body, param)) {
      if (computed.has(name))
        diags.push({ message: "Computed fields used in indexes or constraints cannot use computed fields", span });
      else if (name === "ts")
        diags.push({ message: "Computed fields used in indexes or constraints cannot use a doc's ts field", span });
    }
  }
  return diags;
}

/** `param.name` selects in `e` where `param` still names the lambda's parameter, with the name's span. */
function selectsOn(e: Expr, param: string): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  const walk = (node: unknown, shadowed: boolean): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, shadowed));
    const n = node as Expr & Record<string, unknown>;
    if (n.type === "Field") {
      const f = n as Extract<Expr, { type: "Field" }>;
      if (!shadowed && f.target.type === "Ident" && (f.target as { name: string }).name === param)
        out.push({ name: f.name, span: { start: f.span.end - f.name.length, end: f.span.end } });
      return walk(f.target, shadowed);
    }
    if (n.type === "Lambda") {
      const l = n as Lambda;
      return walk(l.body, shadowed || l.params.includes(param) || l.variadic === param);
    }
    if (n.type === "Block") {
      let inner = shadowed;
      for (const s of (n as Extract<Expr, { type: "Block" }>).stmts) {
        if (s.type === "Let") {
          walk(s.value, inner);
          if (s.name === param) inner = true;
        } else walk(s.expr, inner);
      }
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== "span" && k !== "type") walk(v, shadowed);
  };
  walk(e, false);
  return out;
}

function pathLambda(term: string): Lambda | null {
  const m = /^\s*mva\((.*)\)\s*$/.exec(term);
  const path = (m ? m[1]! : term).trim();
  if (!/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path)) return null;
  let body: Expr = { type: "Ident", name: THIS, span: NO_SPAN };
  for (const name of path.split(".").filter(Boolean))
    body = { type: "Field", target: body, name, optional: false, span: NO_SPAN };
  return { type: "Lambda", params: [THIS], variadic: null, body, span: NO_SPAN };
}

function declareCollection(env: Env, name: string): void {
  // Placeholders so that `Ref<Other>` resolves; filled in by defineCollection.
  env.shapes.set(name, { params: [], fields: new Map(), doc: name });
  env.shapes.set(`Null${name}`, { params: [], fields: new Map(), nullDoc: name });
  env.shapes.set(`${name}Collection`, { params: [], fields: new Map() });
}

interface CollTypes {
  docImpl: Type;
  create: Type;
  createData: Type;
  update: Type;
  updateData: Type;
  replace: Type;
  replaceData: Type;
}

/** Input and document types of a collection (faunadb CollectionTypeInfo). */
function collectionTypes(c: Coll, resolve: (t: string) => Type, computed: Map<string, Type>): CollTypes {
  const defined = c.hasFieldDefinitions ? c.fields : [];
  const wildcard: Type | null =
    !c.hasFieldDefinitions && c.wildcard === null ? ANY : c.wildcard !== null ? resolve(c.wildcard) : null;
  const fieldTypes = new Map(defined.map((f) => [f.name, resolve(f.type)]));
  // Inputs accept any number where a field holds Int/Long/Double (faunadb upcastNumericParam).
  const inputTypes = new Map([...fieldTypes].map(([n, t]) => [n, upcastNumeric(t)]));
  const hasDocTTL = c.documentTtls ?? defined.length === 0;
  const docImpl: Type = {
    t: "rec",
    fields: new Map<string, Type>([["id", ID], ["ts", TIME], ["ttl", union(TIME, NULL)], ...fieldTypes, ...computed]),
    wild: wildcard,
  };
  const opt = (t: Type) => union(t, NULL);
  const maybeTTL: [string, Type][] = hasDocTTL ? [["ttl", opt(TIME)]] : wildcard ? [["ttl", NULL]] : [];
  const nullData: [string, Type][] = wildcard ? [["data", NULL]] : [];
  const createUser: [string, Type][] = defined.map((f) => [
    f.name,
    f.hasDefault ? opt(inputTypes.get(f.name)!) : inputTypes.get(f.name)!,
  ]);
  const updateUser: [string, Type][] = defined.map((f) => [f.name, opt(inputTypes.get(f.name)!)]);
  const record = (fs: [string, Type][]): Type => ({ t: "rec", fields: new Map(fs), wild: wildcard });
  return {
    docImpl,
    create: record([["id", opt(ID)], ...maybeTTL, ...nullData, ...createUser]),
    createData: record(createUser),
    update: record([...maybeTTL, ...nullData, ...updateUser]),
    updateData: record(updateUser),
    replace: record([...maybeTTL, ...nullData, ...createUser]),
    replaceData: record(createUser),
  };
}

/** The type of an index term (`.a.b`, `mva(.tags)`) read from the document type. */
function termType(doc: Type, term: string): Type {
  const m = /^\s*mva\((.*)\)\s*$/.exec(term);
  const path = (m ? m[1]! : term).trim().split(".").filter(Boolean);
  let t: Type = doc;
  for (const seg of path) {
    const key = seg.replace(/^\[?["']?|["']?\]?$/g, "");
    // A wildcard field may be missing (faunadb widenWildcard): `T | Null`, but `Any` stays `Any`.
    if (t.t === "rec") t = t.fields.get(key) ?? (t.wild ? (t.wild.t === "any" ? ANY : union(t.wild, NULL)) : ANY);
    else if (t.t === "union") {
      const recs = t.types.filter((x): x is Type & { t: "rec" } => x.t === "rec");
      t = recs.length
        ? union(...recs.map((r) => r.fields.get(key) ?? ANY), ...(recs.length < t.types.length ? [NULL] : []))
        : ANY;
    } else t = ANY;
  }
  if (!m) return t;
  const elems = (x: Type): Type[] =>
    x.t === "named" && x.name === "Array"
      ? [x.args[0] ?? ANY]
      : x.t === "tup"
        ? x.elems
        : x.t === "union"
          ? x.types.flatMap(elems)
          : [x];
  const es = elems(t);
  return es.length === 1 ? es[0]! : union(...es);
}

function defineCollection(env: Env, name: string, _c: Coll, info: CollTypes): void {
  const doc = named(name);
  const nullDoc = named(`Null${name}`);
  const coll = named(`${name}Collection`);
  const fn = (params: [string, Type][], ret: Type): Type => ({
    t: "fn",
    params: params.map(([, t]) => t),
    names: params.map(([n]) => n),
    variadic: null,
    ret,
  });
  const range = sigOf(env, RANGE);
  const set = named("Set", doc);
  const docShape = env.shapes.get(name)!;
  docShape.alias = info.docImpl;
  docShape.fields = new Map<string, Type>([
    ["coll", coll],
    ["update", fn([["data", info.update]], doc)],
    ["replace", fn([["data", info.replace]], doc)],
    ["updateData", fn([["data", info.updateData]], doc)],
    ["replaceData", fn([["data", info.replaceData]], doc)],
    ["exists", fn([], { t: "lit", lit: { kind: "bool", value: true } })],
    ["delete", fn([], nullDoc)],
    ["toString", fn([], named("String"))],
  ]);
  const nullShape = env.shapes.get(`Null${name}`)!;
  nullShape.alias = NULL;
  nullShape.fields = new Map<string, Type>([
    ["id", ID],
    ["coll", coll],
    ["exists", fn([], { t: "lit", lit: { kind: "bool", value: false } })],
    ["toString", fn([], named("String"))],
  ]);
  const collShape = env.shapes.get(`${name}Collection`)!;
  collShape.apply = fn([["id", ID]], named("Ref", doc));
  const pred = fn([["", doc]], union(BOOLEAN, NULL));
  (pred as Type & { t: "fn" }).names = [null];
  collShape.fields = new Map<string, Type>([
    ["byId", fn([["id", ID]], named("Ref", doc))],
    ["create", fn([["data", info.create]], doc)],
    ["createData", fn([["data", info.createData]], doc)],
    ["definition", named("CollectionDef")],
    ["all", { t: "inter", types: [fn([], set), fn([["range", range]], set)] }],
    ["where", fn([["pred", pred]], set)],
    ["firstWhere", fn([["pred", pred]], union(doc, NULL))],
    ["toString", fn([], named("String"))],
  ]);
  env.globals.set(name, coll);
}

/**
 * A collection's index methods, their terms typed from the document type. Set once computed
 * fields have their inferred types, which terms may select (FQL2ComputedFieldsSpec "index
 * types use computed field types").
 */
function defineIndexes(env: Env, name: string, c: Coll): void {
  const docImpl = env.shapes.get(name)!.alias!;
  const set = named("Set", named(name));
  const range = sigOf(env, RANGE);
  const fn = (params: [string, Type][]): Type => ({
    t: "fn",
    params: params.map(([, t]) => t),
    names: params.map(([n]) => n),
    variadic: null,
    ret: set,
  });
  const collShape = env.shapes.get(`${name}Collection`)!;
  for (const idx of c.indexes) {
    const ps: [string, Type][] = idx.terms.map((term, i) => [`term${i + 1}`, termType(docImpl, term)]);
    collShape.fields.set(idx.name, { t: "inter", types: [fn(ps), fn([...ps, ["range", range]])] });
  }
}

function sigOf(env: Env, text: string): Type {
  return stripSpans(
    resolveType(parseTypeExpr(text), {
      isType: (n) => env.shapes.has(n) || env.typeNames.has(n),
      isDoc: () => false,
      diags: [],
    }),
  );
}
