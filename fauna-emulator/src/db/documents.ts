// Reading and writing documents: existence, ttl, read checks, field access, and the write
// path (defaults, type validation, permissions, unique/check constraints, index upkeep).
import {
  constraintFailure,
  QueryError,
  doc,
  isDoc,
  isTime,
  obj,
  time,
  type ConstraintFailure,
  type DocValue,
  type NullCause,
  type ObjectValue,
  type Value,
} from "../core/index.js";
import { Scope, callValue, evaluate } from "../fql/index.js";
import { validateDocument, type CollectionDef, type FieldPath } from "../fsl/index.js";
import type { IndexEntry, StoredDoc } from "../store/index.js";
import { internalReadAccess } from "./access.js";
import { canCreate, canDelete, canRead, canWrite, denied } from "./auth/permissions.js";
import type { QueryContext } from "./context.js";
import { HIDDEN } from "./hidden.js";
import { storageIndexName } from "./indexes.js";
import { NATIVE_DOC_COLLECTIONS, type StoredIndex } from "./schema.js";

const RESERVED = new Set(["coll", "ts", "data", "delete", "update", "replace", "updateData", "replaceData", "exists"]);

const cacheKey = (coll: string, id: string) => `${coll}/${id}`;

/** The stored document, or null if missing or past its ttl. */
export function loadDoc(ctx: QueryContext, coll: string, id: string, at: bigint | null = ctx.readTs): StoredDoc | null {
  if (at !== null) {
    // A read at an earlier snapshot (a cursor's page): bypasses this transaction's cache.
    ctx.readOps++;
    const past = ctx.store.getDocAt(coll, id, at);
    return past && (past.ttl === null || past.ttl > ctx.nowNanos) ? past : null;
  }
  const key = cacheKey(coll, id);
  if (ctx.docCache.has(key)) return ctx.docCache.get(key)!;
  const stored = ctx.store.getDoc(coll, id);
  ctx.readOps++;
  const live = stored && (stored.ttl === null || stored.ttl > ctx.nowNanos) ? stored : null;
  ctx.docCache.set(key, live);
  return live;
}

export type DocState = { ok: true; stored: StoredDoc } | { ok: false; cause: NullCause };

/** Resolves a reference under the current access. */
export function docState(ctx: QueryContext, ref: DocValue): DocState {
  if (ref.cause) return { ok: false, cause: ref.cause };
  if (ref.override) return { ok: true, stored: overrideStored(ctx, ref) };
  if (!ctx.schema.isCollection(ref.coll)) return { ok: false, cause: "collection deleted" };
  const stored = loadDoc(ctx, ref.coll, ref.id, ref.at ?? ctx.readTs);
  if (!stored) return { ok: false, cause: "not found" };
  if (!canRead(ctx, stored)) return { ok: false, cause: "permission denied" };
  return { ok: true, stored };
}

function overrideStored(ctx: QueryContext, ref: DocValue): StoredDoc {
  const stored = loadDoc(ctx, ref.coll, ref.id);
  return stored ?? { coll: ref.coll, id: ref.id, ts: ctx.txnTs, ttl: null, data: new Map() };
}

export function notFound(ref: DocValue): QueryError {
  return new QueryError(
    "document_not_found",
    `Collection \`${ref.coll}\` does not contain document with id ${ref.id}.`,
  );
}

/** The stored document for a field/method access, or the error Fauna raises. */
export function requireDoc(ctx: QueryContext, ref: DocValue): StoredDoc {
  const st = docState(ctx, ref);
  if (st.ok) return st.stored;
  if (st.cause === "permission denied") throw denied();
  if (st.cause === "deleted")
    throw new QueryError("document_deleted", `Document in \`${ref.coll}\` with id ${ref.id} was deleted.`);
  throw notFound(ref);
}

/** `doc.field`: metadata, computed fields, then stored fields; private fields read as null. */
export function docField(ctx: QueryContext, ref: DocValue, name: string): Value {
  // A reference answers `id` and `coll` even when its document is missing (FQL2DocsSpec
  // "null allow ref field access"); any other field needs the document.
  if (name === "id") return ref.id;
  if (name === "coll") return { kind: "module", name: ref.coll };
  const stored = requireDoc(ctx, ref);
  switch (name) {
    case "ts":
      return time(stored.ts * 1000n);
    case "ttl":
      return stored.ttl === null ? null : time(stored.ttl);
  }
  if (name.startsWith(HIDDEN)) return null;
  if (ref.override?.has(name)) return ref.override.get(name)!;
  const def = ctx.schema.collections.get(ref.coll);
  const computed = def?.computed.find((c) => c.name === name);
  if (computed) return computeField(ctx, ref, computed.body);
  return stored.data.get(name) ?? null;
}

function computeField(ctx: QueryContext, ref: DocValue, body: Parameters<QueryContext["schema"]["expr"]>[0]): Value {
  const fn = evaluate(ctx, ctx.schema.expr(body), new Scope());
  return callValue(ctx, fn, [ref]);
}

/** A document as a plain object (for Object.assign, projections, rendering): render order. */
export function docAsObject(ctx: QueryContext, ref: DocValue): ObjectValue {
  const stored = requireDoc(ctx, ref);
  const out = obj();
  out.set("id", ref.id);
  out.set("coll", { kind: "module", name: ref.coll });
  out.set("ts", time(stored.ts * 1000n));
  if (stored.ttl !== null) out.set("ttl", time(stored.ttl));
  const def = ctx.schema.collections.get(ref.coll);
  const source = ref.override ?? stored.data;
  const declared = def ? def.fields.map((f) => f.name) : [];
  for (const name of declared) if (source.has(name)) out.set(name, source.get(name)!);
  for (const c of def?.computed ?? []) out.set(c.name, computeField(ctx, ref, c.body));
  for (const [k, v] of source) if (!k.startsWith(HIDDEN) && !out.has(k)) out.set(k, v);
  return out;
}

// ---- writes -------------------------------------------------------------------------------

function failMessage(coll: string, id: string | null): string {
  return id === null
    ? `Failed to create document in collection \`${coll}\`.`
    : `Failed to update document with id ${id} in collection \`${coll}\`.`;
}

function checkReserved(fields: ObjectValue): ConstraintFailure[] {
  const out: ConstraintFailure[] = [];
  for (const k of fields.keys())
    if (RESERVED.has(k)) out.push({ paths: [[k]], message: "Is a reserved field and cannot be used" });
  return out;
}

function validId(id: Value): string {
  const s =
    typeof id === "string"
      ? id
      : id !== null && typeof id === "object" && "kind" in id && (id.kind === "int" || id.kind === "long")
        ? String(id.value)
        : null;
  if (s === null || !/^\d{1,19}$/.test(s) || BigInt(s) > 2n ** 63n - 1n) {
    throw new QueryError("invalid_id", `\`${typeof id === "string" ? id : String(id)}\` is not a valid ID.`);
  }
  return BigInt(s).toString();
}

function splitMeta(input: ObjectValue): { id: Value | undefined; ttl: Value | undefined; fields: ObjectValue } {
  const fields = obj();
  let id: Value | undefined;
  let ttl: Value | undefined;
  for (const [k, v] of input) {
    if (k.startsWith(HIDDEN)) continue; // engine-private fields are never user-writable
    if (k === "id") id = v;
    else if (k === "ttl") ttl = v;
    else fields.set(k, v);
  }
  return { id, ttl, fields };
}

function ttlNanos(ttl: Value | undefined, fallback: bigint | null): bigint | null {
  if (ttl === undefined) return fallback;
  if (ttl === null) return null;
  if (isTime(ttl)) return ttl.nanos;
  throw new QueryError("constraint_failure", "Failed to write document.", {
    constraintFailures: [{ paths: [["ttl"]], message: "Expected Time | Null" }],
  });
}

/** The proposed document as predicates see it: metadata plus fields. */
function proposedObject(coll: string, id: string, ts: bigint, ttl: bigint | null, fields: ObjectValue): ObjectValue {
  const m = obj([
    ["id", id],
    ["coll", { kind: "module", name: coll }],
    ["ts", time(ts * 1000n)],
  ]);
  if (ttl !== null) m.set("ttl", time(ttl));
  for (const [k, v] of fields) if (!k.startsWith(HIDDEN)) m.set(k, v);
  return m;
}

function applyDefaults(ctx: QueryContext, def: CollectionDef, fields: ObjectValue): ObjectValue {
  const out = obj(fields);
  for (const f of def.fields) {
    if (f.default && (!out.has(f.name) || out.get(f.name) === null)) {
      out.set(f.name, evaluate(ctx, ctx.schema.expr(f.default), new Scope()));
    }
  }
  return out;
}

function validateUserFields(ctx: QueryContext, coll: string, fields: ObjectValue, id: string | null): void {
  const def = ctx.schema.collections.get(coll);
  // validateDocument covers reserved names and computed fields for schema collections.
  const failures = def ? validateDocument(def, fields) : checkReserved(fields);
  if (failures.length) throw constraintFailure(failMessage(coll, id), failures);
}

/** `plainData`: `createData`, whose input is all user data (faunadb DataMode.PlainData: no `id`/`ttl`). */
export function createDocument(ctx: QueryContext, collName: string, input: ObjectValue, plainData = false): DocValue {
  ctx.assertWritable();
  const coll = ctx.schema.canonical(collName);
  const {
    id: rawId,
    ttl,
    fields: raw,
  } = plainData
    ? { id: undefined, ttl: undefined, fields: obj([...input].filter(([k]) => !k.startsWith(HIDDEN))) }
    : splitMeta(input);
  const withId = rawId !== undefined && rawId !== null;
  const id = withId ? validId(rawId) : ctx.newId();
  if (withId && loadDoc(ctx, coll, id)) {
    throw new QueryError("document_id_exists", `Collection \`${coll}\` already contains document with id ${id}.`);
  }
  const def = ctx.schema.collections.get(coll);
  const fields = def ? applyDefaults(ctx, def, raw) : raw;
  validateUserFields(ctx, coll, fields, null);
  const ttlN = ttlNanos(ttl, null);
  if (!canCreate(ctx, coll, proposedObject(coll, id, ctx.txnTs, ttlN, fields), withId)) throw denied();
  const stored: StoredDoc = { coll, id, ts: ctx.txnTs, ttl: ttlN, data: dropNullsDeep(fields) };
  writeStored(ctx, stored, null);
  return doc(coll, id);
}

/** Writes a native-collection document after its own validation (Credential/Token/Key). */
export function createNativeDocument(
  ctx: QueryContext,
  coll: string,
  data: ObjectValue,
  ttl: bigint | null,
  id = ctx.newId(),
): StoredDoc {
  ctx.assertWritable();
  if (!canCreate(ctx, coll, proposedObject(coll, id, ctx.txnTs, ttl, data), false)) throw denied();
  const stored: StoredDoc = { coll, id, ts: ctx.txnTs, ttl, data };
  writeStored(ctx, stored, null);
  return stored;
}

/** Deep merge for `update`: nested objects merge key-by-key; null removes a field. */
function deepMerge(base: ObjectValue, patch: ObjectValue): ObjectValue {
  const out = obj(base);
  for (const [k, v] of patch) {
    const cur = out.get(k);
    if (v === null) out.delete(k);
    else if (v instanceof Map && cur instanceof Map) out.set(k, deepMerge(cur, v));
    else out.set(k, v instanceof Map ? dropNullsDeep(v) : v);
  }
  return out;
}

function dropNullsDeep(m: ObjectValue): ObjectValue {
  const out = obj();
  for (const [k, v] of m) if (v !== null) out.set(k, v instanceof Map ? dropNullsDeep(v) : v);
  return out;
}

export function updateDocument(
  ctx: QueryContext,
  ref: DocValue,
  patch: ObjectValue,
  mode: "update" | "replace",
  /** Engine-private fields to set (e.g. a credential's new password hash). */
  hiddenPatch?: ObjectValue,
): DocValue {
  ctx.assertWritable();
  const old = requireDoc(ctx, ref);
  const { id, ttl, fields: raw } = splitMeta(patch);
  if (id !== undefined && id !== null && validId(id) !== ref.id) {
    throw constraintFailure(failMessage(ref.coll, ref.id), [
      { paths: [["id"]], message: "Failed to update field because it is readonly" },
    ]);
  }
  const hidden = obj([...old.data].filter(([k]) => k.startsWith(HIDDEN)));
  const visible = obj([...old.data].filter(([k]) => !k.startsWith(HIDDEN)));
  let fields = mode === "update" ? deepMerge(visible, raw) : dropNullsDeep(raw);
  const def = ctx.schema.collections.get(ref.coll);
  if (def && mode === "replace") fields = applyDefaults(ctx, def, fields);
  if (!NATIVE_DOC_COLLECTIONS.has(ref.coll)) validateUserFields(ctx, ref.coll, fields, ref.id);
  const ttlN = ttlNanos(ttl, mode === "update" ? old.ttl : null);
  if (!canWrite(ctx, old, proposedObject(ref.coll, ref.id, ctx.txnTs, ttlN, fields))) throw denied();
  for (const [k, v] of hiddenPatch ?? hidden) fields.set(k, v);
  if (hiddenPatch) for (const [k, v] of hidden) if (!fields.has(k)) fields.set(k, v);
  const stored: StoredDoc = { coll: ref.coll, id: ref.id, ts: ctx.txnTs, ttl: ttlN, data: fields };
  writeStored(ctx, stored, old);
  return doc(ref.coll, ref.id);
}

export function deleteDocument(ctx: QueryContext, ref: DocValue): DocValue {
  ctx.assertWritable();
  const old = requireDoc(ctx, ref);
  if (!canDelete(ctx, old)) throw denied();
  const indexes = ctx.schema.storedIndexes(ref.coll);
  ctx.store.setDocumentEntries(ref.coll, ref.id, new Map(indexes.map((ix) => [storageIndexName(ix), []])));
  ctx.store.deleteDoc(ref.coll, ref.id, ctx.txnTs);
  ctx.docCache.set(cacheKey(ref.coll, ref.id), null);
  ctx.writeOps++;
  return doc(ref.coll, ref.id, { cause: "deleted" });
}

/** Stores a version, keeps every index current, then enforces unique and check constraints. */
export function writeStored(ctx: QueryContext, stored: StoredDoc, old: StoredDoc | null): void {
  ctx.store.putDoc(stored);
  ctx.docCache.set(cacheKey(stored.coll, stored.id), stored);
  ctx.writeOps++;
  const ref = doc(stored.coll, stored.id);
  // Every index's entries from this one version, then written together (one read, one write).
  const indexes = ctx.schema.storedIndexes(stored.coll).map((ix) => ({
    ix,
    name: storageIndexName(ix),
    entries: indexEntries(ctx, ref, ix),
  }));
  ctx.store.setDocumentEntries(stored.coll, stored.id, new Map(indexes.map((i) => [i.name, i.entries])));
  const uniqueFailures: ConstraintFailure[] = [];
  for (const { ix, name, entries } of indexes) {
    if (ix.unique && violatesUnique(ctx, stored, name, entries)) {
      uniqueFailures.push({ paths: ix.terms.map((t) => t.path), message: "Failed unique constraint" });
    }
  }
  if (uniqueFailures.length) throw constraintFailure("Failed unique constraint.", uniqueFailures);
  const def = ctx.schema.collections.get(stored.coll);
  for (const check of def?.checks ?? []) {
    const ok = ctx.withAccess(internalReadAccess(ctx.access), () => {
      const fn = evaluate(ctx, ctx.schema.expr(check.body), new Scope());
      return callValue(ctx, fn, [ref]);
    });
    if (ok !== true) {
      throw constraintFailure(failMessage(stored.coll, old ? stored.id : null), [
        { paths: [], message: `Document failed check constraint \`${check.name}\`` },
      ]);
    }
  }
}

/** Whether another document already holds one of these unique terms. */
function violatesUnique(ctx: QueryContext, stored: StoredDoc, name: string, entries: IndexEntry[]): boolean {
  return entries.some((e) => {
    if (e.terms.every((t) => t === null)) return false; // absent values do not collide
    return ctx.store.scanIndex(stored.coll, name, e.terms, { limit: 2 }).some((h) => h.id !== stored.id);
  });
}

/** Reads a field path from a document for indexing (computed fields allowed). */
function readPath(ctx: QueryContext, ref: DocValue, path: FieldPath): Value {
  let cur: Value = null;
  path.forEach((seg, i) => {
    if (i === 0) {
      cur = ctx.withAccess(internalReadAccess(ctx.access), () => docField(ctx, ref, String(seg)));
      return;
    }
    if (cur instanceof Map) cur = cur.get(String(seg)) ?? null;
    else if (Array.isArray(cur) && typeof seg === "number") cur = cur[seg] ?? null;
    else if (isDoc(cur))
      cur = null; // references are indexed as references, not followed
    else cur = null;
  });
  return cur;
}

/** Index entries of a document: the cross product of mva-expanded terms and values. */
export function indexEntries(ctx: QueryContext, ref: DocValue, ix: StoredIndex): IndexEntry[] {
  const expand = (cols: { path: FieldPath; mva: boolean }[]): Value[][] => {
    let rows: Value[][] = [[]];
    for (const c of cols) {
      const v = readPath(ctx, ref, c.path);
      const options = c.mva && Array.isArray(v) ? (v.length ? v : [null]) : [v];
      rows = rows.flatMap((r) => options.map((o) => [...r, o]));
    }
    return rows;
  };
  const terms = expand(ix.terms);
  const values = expand(ix.values);
  const out: IndexEntry[] = [];
  for (const t of terms) for (const v of values) out.push({ terms: t, values: v });
  return out;
}
