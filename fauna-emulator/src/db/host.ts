// The database as the language's host: global names (collections, UDFs, native modules),
// members of documents, schema documents, sets and collections, UDF calls, and which
// documents resolve. A query context is created here, wired to it.
import { QueryError, mod, type DocValue, type NamedDocValue, type Value } from "../core/index.js";
import type { Host } from "../fql/index.js";
import { QueryContext, type QueryOptions } from "./context.js";
import { docAsObject, docState, notFound } from "./documents.js";
import { field, method } from "./members.js";
import { namedExists, namedFields } from "./named.js";
import { NAMED_COLLECTIONS, NATIVE_DOC_COLLECTIONS } from "./schema.js";
import { makeSet } from "./set-source.js";
import { callUdf } from "./udf.js";

/** Modules every database has besides the language's: native collections, schema collections, `Set`, `Query`. */
const NATIVE_MODULES = new Set(["Set", "Query", ...NATIVE_DOC_COLLECTIONS, "Credentials", ...NAMED_COLLECTIONS]);

const nativeGlobal = (name: string): Value | undefined =>
  NATIVE_MODULES.has(name) ? mod(name === "Credentials" ? "Credential" : name) : undefined;

function global(ctx: QueryContext, name: string): Value | undefined {
  if (ctx.schema.collections.has(name)) return mod(name);
  if (ctx.schema.functions.has(name)) return { kind: "udf", name: ctx.schema.functions.get(name)!.name };
  return nativeGlobal(name);
}

function exists(ctx: QueryContext, v: DocValue | NamedDocValue): boolean {
  return v.kind === "doc" ? docState(ctx, v).ok : namedExists(ctx, v);
}

function mustExist(ctx: QueryContext, v: DocValue | NamedDocValue): void {
  if (v.kind === "named") {
    if (!namedExists(ctx, v)) throw new QueryError("document_not_found", `${v.coll} \`${v.name}\` not found.`);
    return;
  }
  const st = docState(ctx, v);
  if (st.ok) return;
  if (st.cause === "permission denied") throw new QueryError("null_value", "Null value, due to permission denied");
  throw notFound(v);
}

// Object.assign/keys/... and toString() see documents as their fields (reference §9.10).
const toObject = (ctx: QueryContext, v: DocValue | NamedDocValue) =>
  v.kind === "doc" ? docAsObject(ctx, v) : (namedFields(ctx, v) ?? new Map());

export const dbHost: Host<QueryContext> = {
  global,
  nativeGlobal,
  field,
  method,
  callUdf,
  exists,
  mustExist,
  toObject,
  toSet: (_ctx, items) => makeSet({ t: "items", items }),
};

/** The context of one query: the language wired to this database. */
export const newQueryContext = (opts: QueryOptions): QueryContext => new QueryContext(dbHost, opts);
