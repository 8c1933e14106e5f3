// Methods of collection modules: `Product.all()`, `.where`, `.byId`, `.create`, index methods
// (`Customer.byEmail(email)`), and the native Key / Token / Credential collections.
import { QueryError, doc, isDoc, isNumber, named, type DocValue, type ModuleValue, type Value } from "../core/index.js";
import { check, checkArity, checkCallback, idArg, invalidArgumentType, p, truthy } from "../fql/index.js";
import type { QueryContext } from "./context.js";
import { createDocument } from "./documents.js";
import { storageIndexName } from "./indexes.js";
import { createCredential, createKey, createToken } from "./native.js";
import { NATIVE_DOC_COLLECTIONS, type StoredIndex } from "./schema.js";
import { makeSet, type SetSource } from "./set-source.js";
import { iterate } from "./sets/sets.js";

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

/**
 * The `id` parameter of `byId` and `Coll(id)`, typed `ID` in Fauna: a string must parse as a
 * Long and numbers must be integers, else invalid_argument (`ID("x")` stays invalid_id).
 */
function idParam(v: Value | undefined): string {
  const parses =
    typeof v === "string"
      ? /^[+-]?\d+$/.test(v) && BigInt(v) >= LONG_MIN && BigInt(v) <= LONG_MAX
      : v !== undefined && isNumber(v) && v.kind !== "double";
  if (!parses) throw invalidArgumentType("id", "ID", v ?? null);
  return idArg(v);
}

function rangeArg(v: Value | undefined): { from?: Value; to?: Value } {
  if (v === undefined) return {};
  if (!(v instanceof Map)) throw invalidArgumentType("range", "{ from: Any, to: Any }", v);
  return { from: v.get("from") ?? undefined, to: v.get("to") ?? undefined };
}

function allSource(coll: string, args: Value[]): SetSource {
  checkArity(args, 0, 1);
  const { from, to } = rangeArg(args[0]);
  const bound = (v: Value | undefined) => (v === undefined || v === null ? undefined : isDoc(v) ? v.id : idArg(v));
  return { t: "all", coll, fromId: bound(from), toId: bound(to) };
}

function indexSource(coll: string, ix: StoredIndex, args: Value[]): SetSource {
  const n = ix.terms.length;
  if (args.length !== n && args.length !== n + 1) {
    throw new QueryError(
      "invalid_function_invocation",
      `callee function expects ${n === 0 ? "" : `exactly ${n} argument${n === 1 ? "" : "s"} or `}${n + 1} argument${n + 1 === 1 ? "" : "s"}, but ${args.length} ${args.length === 1 ? "was" : "were"} provided.`,
    );
  }
  const terms = args.slice(0, n);
  for (const t of terms) {
    if (
      t !== null &&
      typeof t === "object" &&
      !Array.isArray(t) &&
      !(t instanceof Map) &&
      (t.kind === "set" || t.kind === "lambda" || t.kind === "native" || t.kind === "udf")
    ) {
      throw new QueryError("invalid_argument", "Argument cannot be used as lookup term");
    }
  }
  const { from, to } = rangeArg(args[n]);
  const asTuple = (v: Value | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  return { t: "index", coll, index: ix, terms, from: asTuple(from), to: asTuple(to) };
}

/** Looks up the id of the single document indexed under `terms` (native byDocument indexes). */
function lookupOne(ctx: QueryContext, coll: string, identity: DocValue): string | null {
  const ix = ctx.schema.storedIndexes(coll).find((i) => i.name === "byDocument")!;
  const hits = ctx.store.scanIndex(coll, storageIndexName(ix), [doc(identity.coll, identity.id)], { limit: 1 });
  return hits[0]?.id ?? null;
}

type Static = (ctx: QueryContext, coll: string, args: Value[]) => Value;

const common: Record<string, Static> = {
  all: (_ctx, coll, args) => makeSet(allSource(coll, args)),
  where(_ctx, coll, args) {
    checkArity(args, 1);
    checkCallback("predicate", 1, args[0]!);
    return makeSet({ t: "where", src: allSource(coll, []), pred: args[0]! });
  },
  firstWhere(ctx, coll, args) {
    checkArity(args, 1);
    checkCallback("predicate", 1, args[0]!);
    for (const it of iterate(ctx, allSource(coll, []))) if (truthy(ctx.call(args[0]!, [it.v]))) return it.v;
    return null;
  },
  byId(_ctx, coll, args) {
    checkArity(args, 1);
    return doc(coll, idParam(args[0]));
  },
  $call(_ctx, coll, args) {
    checkArity(args, 1);
    return doc(coll, idParam(args[0]));
  },
  toString: (_ctx: QueryContext, coll: string) => coll,
};

const creators: Record<string, (ctx: QueryContext, input: Map<string, Value>) => Value> = {
  Key: createKey,
  Token: createToken,
  Credential: createCredential,
};

export function collectionMethod(ctx: QueryContext, mod: ModuleValue, name: string, args: Value[]): Value {
  const coll = ctx.schema.canonical(mod.name);
  if (name === "create") {
    const [input] = check("create", [p("data", "Struct")], args);
    const create = creators[coll];
    return create ? create(ctx, input as Map<string, Value>) : createDocument(ctx, coll, input as Map<string, Value>);
  }
  // A user collection's `createData` (faunadb Collections.scala StaticResolvers).
  if (name === "createData" && !NATIVE_DOC_COLLECTIONS.has(coll)) {
    const [input] = check("createData", [p("data", "Struct")], args);
    return createDocument(ctx, coll, input as Map<string, Value>, true);
  }
  if (name === "byDocument" && NATIVE_DOC_COLLECTIONS.has(coll) && coll !== "Key") {
    checkArity(args, 1);
    const identity = args[0]!;
    if (!isDoc(identity)) throw invalidArgumentType("document", "AnyDoc", identity);
    if (coll === "Credential") {
      // The credential, or a reference that does not exist (`== null`, `.exists()` is false).
      const id = lookupOne(ctx, coll, identity);
      return id ? doc(coll, id) : doc(coll, "0", { cause: "not found" });
    }
    const ix = ctx.schema.storedIndexes(coll).find((i) => i.name === "byDocument")!;
    return makeSet({ t: "index", coll, index: ix, terms: [doc(identity.coll, identity.id)] });
  }
  const fn = common[name];
  if (fn) return fn(ctx, coll, args);
  const def = ctx.schema.collections.get(coll);
  const ix = def?.indexes.find((i) => i.name === name);
  if (ix) {
    const stored = ctx.schema.storedIndexes(coll).find((s) => s.name === ix.name)!;
    return makeSet(indexSource(coll, stored, args));
  }
  throw new QueryError("invalid_query", `The function \`${name}\` does not exist on collection \`${coll}\`.`);
}

/** Whether `Coll.name(...)` is a method of this collection (its own, shared, or an index). */
function hasCollectionMethod(ctx: QueryContext, coll: string, name: string): boolean {
  if (name === "create" || Object.hasOwn(common, name)) return true;
  if (name === "createData") return !NATIVE_DOC_COLLECTIONS.has(coll);
  if (name === "byDocument") return NATIVE_DOC_COLLECTIONS.has(coll) && coll !== "Key";
  return ctx.schema.collections.get(coll)?.indexes.some((i) => i.name === name) ?? false;
}

/**
 * Property access on a collection module: `Product.definition`, or a method read as a value
 * (`[{ name: "D" }].map(Store.create)`), callable later like any function.
 */
export function collectionField(ctx: QueryContext, mod: ModuleValue, name: string): Value {
  const coll = ctx.schema.canonical(mod.name);
  if (name === "definition") return named("Collection", coll);
  if (hasCollectionMethod(ctx, coll, name)) {
    return { kind: "native", name, call: (c, args) => collectionMethod(c as QueryContext, mod, name, args) };
  }
  throw new QueryError("invalid_query", `Type \`${coll}\` does not have field \`${name}\``);
}
