// The storage contract the engine relies on. Implemented by store/sqlite-store.ts.
// Everything is synchronous: a connection runs one query at a time inside `transaction()`;
// several connections (worker threads) share one database file in WAL mode.
import type { ObjectValue, Value } from "../core/index.js";

export interface StoredDoc {
  /** Collection name: a user collection, or a native one ("Key", "Token", "Credential"). */
  coll: string;
  /** Numeric id as a decimal string (fits a signed 64-bit integer). */
  id: string;
  /** Transaction timestamp of the last write, microseconds since the epoch. */
  ts: bigint;
  /** Expiry as epoch nanoseconds, or null. The store keeps expired docs; the engine hides them. */
  ttl: bigint | null;
  /** All stored fields (user fields and engine-private ones such as a credential's hash). */
  data: ObjectValue;
}

export interface IndexEntry {
  /** Term values (matched by equality). */
  terms: Value[];
  /** Value columns (ordered; see `IndexDef.desc`). */
  values: Value[];
}

export interface IndexDef {
  /** For each value column, whether it sorts descending. */
  desc: boolean[];
}

export interface IndexHit {
  id: string;
  values: Value[];
}

export interface IndexScan {
  /** Inclusive lower bound over the value columns (prefix allowed), in index order. */
  from?: Value[];
  /** Inclusive upper bound over the value columns (prefix allowed), in index order. */
  to?: Value[];
  /** Resume strictly after this (values, id) position — the cursor seek. */
  after?: { values: Value[]; id: string };
  limit: number;
}

export interface DocScan {
  /** Resume strictly after this id. */
  afterId?: string;
  /** Inclusive id bounds. */
  fromId?: string;
  toId?: string;
  limit: number;
}

/**
 * How a transaction takes the write lock. `optimistic` (BEGIN DEFERRED) reads a snapshot
 * alongside other connections; its first write asks `onFirstWrite` and then SQLite for the
 * lock, and fails with `WriteConflict` if either refuses (someone wrote since the snapshot).
 * `locked` (BEGIN IMMEDIATE) waits up to `waitMs` for the lock and then cannot conflict.
 */
export type TransactionOptions = { mode: "optimistic"; onFirstWrite?: () => void } | { mode: "locked"; waitMs: number };

/** An optimistic transaction lost a race: roll back and run again holding the lock. */
export class WriteConflict extends Error {
  constructor(reason: string) {
    super(`write conflict: ${reason}`);
    this.name = "WriteConflict";
  }
}

/** The write lock was not free within `waitMs`. */
export class LockTimeout extends Error {
  constructor() {
    super("the write lock was busy");
    this.name = "LockTimeout";
  }
}

export interface Store {
  /**
   * Runs `fn` in one SQLite transaction; commits on return, rolls back on throw. Without
   * options: BEGIN IMMEDIATE with the connection's busy timeout.
   */
  transaction<T>(fn: () => T, opts?: TransactionOptions): T;
  close(): void;

  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  /** Removes every meta key starting with `prefix`. */
  deleteMetaPrefix(prefix: string): void;
  /** Removes all data (documents, versions, indexes, meta) of collections and keys starting with `prefix`. */
  dropPrefix(prefix: string): void;

  getDoc(coll: string, id: string): StoredDoc | null;
  /** Insert or overwrite. The version it supersedes (from an earlier `ts`) is kept for `getDocAt`. */
  putDoc(doc: StoredDoc): void;
  /** With `ts`, the deletion is recorded so `getDocAt` before `ts` still finds the document. */
  deleteDoc(coll: string, id: string, ts?: bigint): void;
  /** The version of a document as of transaction time `ts` (null if it did not exist then). */
  getDocAt(coll: string, id: string, ts: bigint): StoredDoc | null;
  /**
   * Like `scanDocs`, but as of transaction time `ts`: documents created later are left out,
   * changed ones come as they were, and ones deleted since are still listed.
   */
  scanDocsAt(coll: string, scan: DocScan, ts: bigint): StoredDoc[];
  /**
   * Removes up to `limit` documents (with their index entries) whose ttl passed before
   * `beforeNanos`; returns which. Expired documents are already invisible; this reclaims space.
   */
  purgeExpired(beforeNanos: bigint, limit: number): { coll: string; id: string }[];
  /** Forgets versions superseded before `before`; returns how many were removed. */
  pruneVersions(before: bigint): number;
  /** Documents of `coll` in ascending numeric id order, seeking (not scanning) to the bound. */
  scanDocs(coll: string, scan: DocScan): StoredDoc[];
  countDocs(coll: string): number;
  /** Drops every document and index entry of a collection. */
  dropCollection(coll: string): void;

  /** (Re)declares an index's column directions. Dropping entries is the caller's job. */
  defineIndex(coll: string, index: string, def: IndexDef): void;
  /** Replaces all entries of document `id` in the index with `entries` (empty = remove). */
  setIndexEntries(coll: string, index: string, id: string, entries: IndexEntry[]): void;
  /** `setIndexEntries` for several indexes of one document at once (index name → entries). */
  setDocumentEntries(coll: string, id: string, byIndex: ReadonlyMap<string, IndexEntry[]>): void;
  /** Entries whose terms equal `terms`, ordered by values (asc/desc per column) then id. */
  scanIndex(coll: string, index: string, terms: Value[], scan: IndexScan): IndexHit[];
  dropIndex(coll: string, index: string): void;
  /** Names of indexes with stored entries for `coll`. */
  listIndexes(coll: string): string[];

  /** The schema files as last applied (filename → FSL text). */
  getSchemaFiles(): Map<string, string>;
  setSchemaFiles(files: Map<string, string>): void;
}
