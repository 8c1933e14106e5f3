// db: what a Fauna database means. Documents, collections and their indexes, sets and cursors,
// schema documents, child databases, keys/tokens/credentials and who may do what; the host the
// language runs FQL against. The engine runs queries through it.
export { newQueryContext } from "./host.js";
export type { QueryContext, QueryOptions, EngineHooks } from "./context.js";
export { CursorMemory } from "./cursor-memory.js";
export { CompiledSchema, BUILTIN_ROLES, NATIVE_DOC_COLLECTIONS, type StoredIndex } from "./schema.js";
export {
  ROOT_DB,
  childDatabases,
  parentOf,
  databaseByGid,
  databaseOfKey,
  resolveChild,
  type DbInfo,
} from "./databases.js";
export { describeSchema, schemaTypes, type SchemaTypes } from "./type-env.js";
export { docAsObject, docState, indexEntries } from "./documents.js";
export { createDocuments } from "./bulk.js";
export { storageIndexName } from "./indexes.js";
export { namedFields } from "./named.js";
export { page, pageSizeOf, startCursor, CURSOR_LIFETIME_MICROS } from "./sets/sets.js";
export { sourceOf } from "./set-source.js";
export { internalReadAccess, isAdmin, readsAllData, type Access, type BuiltinRole } from "./access.js";
export { evaluatePredicate } from "./auth/predicates.js";
export { parseSecret, secretEquals, verifySecret } from "./auth/secrets.js";
export { SECRET_HASH } from "./hidden.js";
