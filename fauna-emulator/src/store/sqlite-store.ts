// The Store contract on SQLite. Every scan is a single index range seek: the bounds are
// folded into one lower and one upper key in JS so SQLite sees exactly one range constraint.
import type Database from "libsql";
import { QueryError, type Value } from "../core/index.js";
import { compareBytes, encodeTuple, prefixSuccessor } from "./key-codec.js";
import {
  LockTimeout,
  WriteConflict,
  type DocScan,
  type IndexDef,
  type IndexEntry,
  type IndexHit,
  type IndexScan,
  type Store,
  type StoredDoc,
  type TransactionOptions,
} from "./types.js";
import { decodeObject, decodeValue, encodeObject, encodeValue } from "./value-codec.js";

/** New index entries per INSERT statement (SQLite allows 32,766 parameters; a row binds 6). */
const INSERT_ROWS = 100;

/** How long a connection waits for the write lock unless a transaction says otherwise. */
export const BUSY_TIMEOUT_MS = 5000;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A decimal id that fits a signed 64-bit integer, as a bigint; null otherwise. */
export function parseId(id: string): bigint | null {
  if (!/^-?\d{1,20}$/.test(id)) return null;
  const n = BigInt(id);
  return n >= INT64_MIN && n <= INT64_MAX ? n : null;
}

function requireId(id: string): bigint {
  const n = parseId(id);
  if (n === null) throw new QueryError("invalid_id", `\`${id}\` is not a valid ID.`);
  return n;
}

interface DocRow {
  coll: string;
  id: bigint;
  ts: bigint;
  ttl: string | null;
  data: string;
}

/** Epoch seconds of a ttl, capped to SQLite's integer range (far-future times never expire here). */
function expirySeconds(ttl: bigint | null): bigint | null {
  if (ttl === null) return null;
  const s = ttl / 1_000_000_000n;
  return s > INT64_MAX ? INT64_MAX : s < INT64_MIN ? INT64_MIN : s;
}

/** A document row read in raw mode (an array: no per-row object for libsql to build). */
type RawDocRow = [id: bigint, ts: bigint, ttl: string | null, data: string];

/** Documents remembered across transactions per connection, at most (see SqliteStore.docReads). */
const READ_CACHE_MAX = 20_000;
const docKey = (coll: string, id: string) => `${coll}\u0000${id}`;

const rawToDoc = (coll: string, r: RawDocRow): StoredDoc => ({
  coll,
  id: r[0].toString(),
  ts: r[1],
  ttl: r[2] === null ? null : BigInt(r[2]),
  data: decodeObject(r[3]),
});

const toDoc = (r: DocRow): StoredDoc => ({
  coll: r.coll,
  id: r.id.toString(),
  ts: r.ts,
  ttl: r.ttl === null ? null : BigInt(r.ttl),
  data: decodeObject(r.data),
});

/**
 * Nested `transaction()` calls use SAVEPOINTs: an inner failure rolls back only the inner
 * writes (the outer call may catch and continue); an inner success becomes durable only when
 * the outermost call commits.
 */
export class SqliteStore implements Store {
  private readonly stmts = new Map<string, Database.Statement>();
  /** Hot reads, prepared in raw mode: rows come back as arrays, which libsql builds faster. */
  private readonly rawStmts = new Map<string, Database.Statement>();
  private readonly defs = new Map<string, boolean[]>();
  private depth = 0;
  /** An optimistic transaction's claim, run once it holds the write lock. */
  private firstWrite: (() => void) | null = null;
  private optimistic = false;
  private writing = false;
  private seenDataVersion = -1;
  /**
   * Decoded documents and meta values read by earlier transactions of this connection, valid
   * while no other connection has committed (PRAGMA data_version, checked as each transaction
   * pins its snapshot) and this one has not written. Used only inside a transaction; a write
   * empties it and turns it off until the transaction ends, so it never holds uncommitted state.
   */
  private readonly docReads = new Map<string, StoredDoc | null>();
  private readonly metaReads = new Map<string, string | null>();
  private readsCacheable = false;

  constructor(private readonly db: Database.Database) {
    db.defaultSafeIntegers(true); // ids and timestamps are 64-bit
    this.loadDefs();
  }

  /** The in-memory copy of index_defs; reloaded after a rollback may have undone changes. */
  private loadDefs(): void {
    this.defs.clear();
    for (const r of this.all<{ coll: string; idx: string; def: string }>("SELECT coll, idx, def FROM index_defs")) {
      this.defs.set(defKey(r.coll, r.idx), (JSON.parse(r.def) as IndexDef).desc);
    }
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private rawStmt(sql: string): Database.Statement {
    let s = this.rawStmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql).raw(true);
      this.rawStmts.set(sql, s);
    }
    return s;
  }

  /** Every write statement goes through here, so an optimistic transaction can claim the lock. */
  private run(sql: string, ...params: unknown[]): { changes?: number | bigint } {
    if (this.optimistic && !this.writing) this.claimWriteLock();
    this.forgetReads();
    return this.stmt(sql).run(...params) as { changes?: number | bigint };
  }

  /**
   * Takes the write lock for an optimistic transaction before its first write. A write that
   * does nothing still starts a write transaction, and SQLite refuses it if another connection
   * committed since this snapshot. (exec, not a cached statement: a cached one that failed
   * here would stay "in progress" and pin the stale snapshot.)
   */
  private claimWriteLock(): void {
    try {
      this.db.exec("UPDATE meta SET value = value WHERE 0");
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT") throw new WriteConflict(code);
      throw e;
    }
    this.writing = true;
    this.firstWrite?.();
  }

  private forgetReads(): void {
    this.readsCacheable = false;
    this.docReads.clear();
    this.metaReads.clear();
  }

  /** Remembers a read for later transactions (bounded: a full cache starts over). */
  private rememberDoc(key: string, doc: StoredDoc | null): void {
    if (this.docReads.size >= READ_CACHE_MAX) this.docReads.clear();
    this.docReads.set(key, doc);
  }

  private get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.stmt(sql).get(...params) as R | undefined;
  }

  private all<R>(sql: string, ...params: unknown[]): R[] {
    return this.stmt(sql).all(...params) as R[];
  }

  /** A connection setting (e.g. "synchronous"), for diagnostics and tests. */
  pragma(name: string): unknown {
    const row = this.db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown> | undefined;
    return row?.[name];
  }

  /** EXPLAIN QUERY PLAN details of `sql`, for proving that scans seek. */
  explain(sql: string, ...params: unknown[]): string[] {
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  transaction<T>(fn: () => T, opts?: TransactionOptions): T {
    const outer = this.depth === 0;
    const sp = `sp${this.depth}`;
    if (outer) this.begin(opts);
    else this.db.exec(`SAVEPOINT ${sp}`);
    this.depth++;
    let result: T;
    try {
      result = fn();
      if (result !== null && typeof (result as { then?: unknown })?.then === "function") {
        throw new Error("Store.transaction() callbacks must be synchronous");
      }
    } catch (e) {
      this.depth--;
      this.undo(outer, sp);
      throw e;
    }
    this.depth--;
    if (!outer) {
      this.db.exec(`RELEASE ${sp}`);
      return result;
    }
    try {
      this.db.exec("COMMIT");
    } catch (e) {
      this.undo(true, sp);
      throw e;
    } finally {
      this.endOuter();
    }
    return result;
  }

  private begin(opts: TransactionOptions | undefined): void {
    if (opts?.mode === "optimistic") {
      this.db.exec("BEGIN DEFERRED");
      this.optimistic = true;
      this.firstWrite = opts.onFirstWrite ?? null;
      this.pinSnapshot();
      return;
    }
    if (opts?.mode === "locked") this.db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(opts.waitMs))}`);
    try {
      this.db.exec("BEGIN IMMEDIATE");
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_BUSY") throw new LockTimeout();
      throw e;
    } finally {
      if (opts?.mode === "locked") this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    this.pinSnapshot();
  }

  /**
   * Starts the transaction's read snapshot now (SQLite starts it at the first read), and picks
   * up index definitions other connections changed since this one last looked.
   */
  private pinSnapshot(): void {
    const version = this.dataVersion();
    if (version !== this.seenDataVersion) {
      this.seenDataVersion = version;
      this.loadDefs();
      this.forgetReads();
    }
    this.readsCacheable = true;
  }

  /** Changes whenever another connection commits (PRAGMA data_version); reads pin the snapshot. */
  dataVersion(): number {
    this.get("SELECT 1 FROM meta LIMIT 1");
    return Number(this.get<{ data_version: number | bigint }>("PRAGMA data_version")?.data_version);
  }

  private endOuter(): void {
    this.readsCacheable = false;
    this.optimistic = false;
    this.writing = false;
    this.firstWrite = null;
  }

  private undo(outer: boolean, sp: string): void {
    // SQLite may already have rolled back on its own (e.g. disk full); keep the original error.
    try {
      if (this.db.inTransaction) this.db.exec(outer ? "ROLLBACK" : `ROLLBACK TO ${sp}; RELEASE ${sp}`);
    } catch {
      /* the caller's error is the one worth reporting */
    }
    if (outer) this.endOuter();
    this.loadDefs();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- meta & schema files -----------------------------------------------------------------

  getMeta(key: string): string | null {
    if (this.readsCacheable) {
      const known = this.metaReads.get(key);
      if (known !== undefined) return known;
    }
    const value = this.get<{ value: string }>("SELECT value FROM meta WHERE key = ?", key)?.value ?? null;
    if (this.readsCacheable) this.metaReads.set(key, value);
    return value;
  }

  setMeta(key: string, value: string): void {
    this.run(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      key,
      value,
    );
  }

  deleteMetaPrefix(prefix: string): void {
    this.run("DELETE FROM meta WHERE substr(key, 1, ?) = ?", prefix.length, prefix);
  }

  dropPrefix(prefix: string): void {
    this.transaction(() => {
      for (const table of ["docs", "doc_versions", "index_entries", "index_defs"]) {
        this.run(`DELETE FROM ${table} WHERE substr(coll, 1, ?) = ?`, prefix.length, prefix);
      }
      this.deleteMetaPrefix(prefix);
      this.loadDefs();
    });
  }

  getSchemaFiles(): Map<string, string> {
    const rows = this.all<{ name: string; content: string }>("SELECT name, content FROM schema_files ORDER BY name");
    return new Map(rows.map((r) => [r.name, r.content]));
  }

  setSchemaFiles(files: Map<string, string>): void {
    this.transaction(() => {
      this.run("DELETE FROM schema_files");
      for (const [name, content] of files)
        this.run("INSERT INTO schema_files (name, content) VALUES (?, ?)", name, content);
    });
  }

  // ---- documents ---------------------------------------------------------------------------

  getDoc(coll: string, id: string): StoredDoc | null {
    const key = docKey(coll, id);
    if (this.readsCacheable) {
      const known = this.docReads.get(key);
      if (known !== undefined) return known;
    }
    const n = parseId(id);
    if (n === null) return null;
    const row = this.rawStmt("SELECT id, ts, ttl, data FROM docs WHERE coll = ? AND id = ?").get(coll, n) as
      RawDocRow | undefined;
    const doc = row ? rawToDoc(coll, row) : null;
    if (this.readsCacheable) this.rememberDoc(key, doc);
    return doc;
  }

  putDoc(doc: StoredDoc): void {
    const id = requireId(doc.id);
    const data = encodeObject(doc.data); // throws before anything is written
    // Keep the version this write supersedes (an earlier transaction's) for snapshot reads.
    this.run(SqliteStore.KEEP_VERSION_SQL, doc.coll, id, doc.ts);
    this.run(
      "INSERT INTO docs (coll, id, ts, ttl, data, expires_s) VALUES (?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (coll, id) DO UPDATE SET ts = excluded.ts, ttl = excluded.ttl, data = excluded.data, expires_s = excluded.expires_s",
      doc.coll,
      id,
      doc.ts,
      doc.ttl === null ? null : doc.ttl.toString(),
      data,
      expirySeconds(doc.ttl),
    );
  }

  purgeExpired(beforeNanos: bigint, limit: number): { coll: string; id: string }[] {
    // Whole seconds, rounded down: only documents certainly expired by `beforeNanos` qualify.
    const cutoff = beforeNanos / 1_000_000_000n - 1n;
    const rows = this.all<{ coll: string; id: bigint }>(
      "SELECT coll, id FROM docs WHERE expires_s IS NOT NULL AND expires_s < ? LIMIT ?",
      cutoff,
      limit,
    );
    for (const r of rows) {
      this.run("DELETE FROM index_entries WHERE coll = ? AND id = ?", r.coll, r.id);
      this.run("DELETE FROM docs WHERE coll = ? AND id = ?", r.coll, r.id);
    }
    return rows.map((r) => ({ coll: r.coll, id: r.id.toString() }));
  }

  deleteDoc(coll: string, id: string, ts?: bigint): void {
    const n = parseId(id);
    if (n === null) return;
    if (ts !== undefined) {
      this.run(SqliteStore.KEEP_VERSION_SQL, coll, n, ts);
      this.run(
        "INSERT OR REPLACE INTO doc_versions (coll, id, ts, ttl, data, deleted) VALUES (?, ?, ?, NULL, NULL, 1)",
        coll,
        n,
        ts,
      );
    }
    this.run("DELETE FROM docs WHERE coll = ? AND id = ?", coll, n);
  }

  static readonly KEEP_VERSION_SQL =
    "INSERT OR IGNORE INTO doc_versions (coll, id, ts, ttl, data) SELECT coll, id, ts, ttl, data FROM docs WHERE coll = ? AND id = ? AND ts < ?";

  getDocAt(coll: string, id: string, ts: bigint): StoredDoc | null {
    const current = this.getDoc(coll, id);
    if (current && current.ts <= ts) return current;
    const n = parseId(id);
    if (n === null) return null;
    const row = this.get<Omit<DocRow, "data"> & { data: string | null; deleted: number | bigint }>(
      "SELECT coll, id, ts, ttl, data, deleted FROM doc_versions WHERE coll = ? AND id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1",
      coll,
      n,
      ts,
    );
    return row && !Number(row.deleted) && row.data !== null ? toDoc({ ...row, data: row.data }) : null;
  }

  pruneVersions(before: bigint): number {
    // A version may go once a newer one (or the current document) superseded it before `before`.
    const res = this.run(
      `DELETE FROM doc_versions AS v WHERE v.ts < ?1 AND (
         EXISTS (SELECT 1 FROM doc_versions w WHERE w.coll = v.coll AND w.id = v.id AND w.ts > v.ts AND w.ts <= ?1)
         OR EXISTS (SELECT 1 FROM docs d WHERE d.coll = v.coll AND d.id = v.id AND d.ts > v.ts AND d.ts <= ?1))`,
      before,
    );
    return Number((res as { changes?: number | bigint }).changes ?? 0);
  }

  static readonly SCAN_DOCS_SQL =
    "SELECT id, ts, ttl, data FROM docs WHERE coll = ? AND id >= ? AND id <= ? ORDER BY id LIMIT ?";

  /** Folds afterId/fromId/toId into one inclusive id range; null when it is empty. */
  private static idRange(scan: DocScan): { lo: bigint; hi: bigint } | null {
    let lo = scan.fromId !== undefined ? requireId(scan.fromId) : INT64_MIN;
    if (scan.afterId !== undefined) {
      const after = requireId(scan.afterId);
      if (after === INT64_MAX) return null;
      if (after + 1n > lo) lo = after + 1n;
    }
    const hi = scan.toId !== undefined ? requireId(scan.toId) : INT64_MAX;
    return scan.limit <= 0 || lo > hi ? null : { lo, hi };
  }

  scanDocs(coll: string, scan: DocScan): StoredDoc[] {
    const range = SqliteStore.idRange(scan);
    if (!range) return [];
    const rows = this.rawStmt(SqliteStore.SCAN_DOCS_SQL).all(coll, range.lo, range.hi, scan.limit) as RawDocRow[];
    if (!this.readsCacheable) return rows.map((r) => rawToDoc(coll, r));
    // Rows already decoded by an earlier read of this version are not decoded again.
    return rows.map((r) => {
      const key = docKey(coll, r[0].toString());
      const known = this.docReads.get(key);
      if (known && known.ts === r[1]) return known;
      const doc = rawToDoc(coll, r);
      this.rememberDoc(key, doc);
      return doc;
    });
  }

  scanDocsAt(coll: string, scan: DocScan, ts: bigint): StoredDoc[] {
    const range = SqliteStore.idRange(scan);
    if (!range) return [];
    let { lo } = range;
    const { hi } = range;
    const out: StoredDoc[] = [];
    // Ids that exist now or have history, in id order; a batch may resolve to fewer documents.
    while (out.length < scan.limit && lo <= hi) {
      const ids = this.all<{ id: bigint }>(SqliteStore.SCAN_IDS_AT_SQL, coll, lo, hi, coll, lo, hi, scan.limit);
      for (const { id } of ids) {
        const d = this.getDocAt(coll, String(id), ts);
        if (d && out.length < scan.limit) out.push(d);
      }
      if (ids.length < scan.limit) break;
      lo = BigInt(ids[ids.length - 1]!.id) + 1n;
    }
    return out;
  }

  static readonly SCAN_IDS_AT_SQL =
    "SELECT id FROM docs WHERE coll = ? AND id >= ? AND id <= ? UNION SELECT id FROM doc_versions WHERE coll = ? AND id >= ? AND id <= ? ORDER BY id LIMIT ?";

  countDocs(coll: string): number {
    return Number(this.get<{ n: bigint }>("SELECT count(*) AS n FROM docs WHERE coll = ?", coll)?.n ?? 0n);
  }

  dropCollection(coll: string): void {
    this.transaction(() => {
      this.run("DELETE FROM docs WHERE coll = ?", coll);
      this.run("DELETE FROM doc_versions WHERE coll = ?", coll);
      this.run("DELETE FROM index_entries WHERE coll = ?", coll);
      this.run("DELETE FROM index_defs WHERE coll = ?", coll);
      for (const k of [...this.defs.keys()]) if (k.startsWith(defKey(coll, ""))) this.defs.delete(k);
    });
  }

  // ---- indexes -----------------------------------------------------------------------------

  private desc(coll: string, index: string): boolean[] {
    return this.defs.get(defKey(coll, index)) ?? [];
  }

  defineIndex(coll: string, index: string, def: IndexDef): void {
    this.run(
      "INSERT INTO index_defs (coll, idx, def) VALUES (?, ?, ?) ON CONFLICT (coll, idx) DO UPDATE SET def = excluded.def",
      coll,
      index,
      JSON.stringify({ desc: def.desc }),
    );
    this.defs.set(defKey(coll, index), [...def.desc]);
  }

  setIndexEntries(coll: string, index: string, id: string, entries: IndexEntry[]): void {
    this.setDocumentEntries(coll, id, new Map([[index, entries]]));
  }

  setDocumentEntries(coll: string, id: string, byIndex: ReadonlyMap<string, IndexEntry[]>): void {
    const n = requireId(id);
    if (byIndex.size === 0) return;
    // Encode everything first so a non-persistable value leaves the old entries in place.
    // Stored blobs come back as ArrayBuffers: compare and bind them as Buffers.
    const key = (index: string, terms: Uint8Array | ArrayBuffer, vals: Uint8Array | ArrayBuffer, json: string) =>
      `${index}\u0000${Buffer.from(terms as Uint8Array).toString("hex")}:${Buffer.from(vals as Uint8Array).toString("hex")}:${json}`;
    // mva() can yield the same entry twice; `wanted` keeps one.
    const wanted = new Map<string, readonly [string, Uint8Array, Uint8Array, string]>();
    for (const [index, entries] of byIndex) {
      const desc = this.desc(coll, index);
      for (const e of entries) {
        const row = [index, encodeTuple(e.terms), encodeTuple(e.values, desc), encodeValue(e.values)] as const;
        wanted.set(key(...row), row);
      }
    }
    // Only entries that change are written: an update that leaves an index's terms and values
    // alone (a stock change under a product's search terms) costs one read, no writes.
    const names = [...byIndex.keys()];
    const existing = this.all<{ idx: string; terms: ArrayBuffer; vals: ArrayBuffer; vals_json: string }>(
      SqliteStore.entriesOfDocSql(names.length),
      coll,
      ...names,
      n,
    );
    const stale = existing.filter((e) => !wanted.delete(key(e.idx, e.terms, e.vals, e.vals_json)));
    const added = [...wanted.values()];
    const statements = stale.length + Math.ceil(added.length / INSERT_ROWS);
    if (statements === 0) return;
    const write = () => {
      for (const e of stale) {
        this.run(
          "DELETE FROM index_entries WHERE coll = ? AND idx = ? AND terms = ? AND vals = ? AND id = ?",
          coll,
          e.idx,
          Buffer.from(e.terms),
          Buffer.from(e.vals),
          n,
        );
      }
      // A document's new entries, many rows to a statement (each statement has a fixed cost).
      for (let i = 0; i < added.length; i += INSERT_ROWS) {
        const rows = added.slice(i, i + INSERT_ROWS);
        this.run(
          "INSERT OR IGNORE INTO index_entries (coll, idx, terms, vals, id, vals_json) VALUES " +
            rows.map(() => "(?, ?, ?, ?, ?, ?)").join(", "),
          ...rows.flatMap(([index, terms, vals, json]) => [coll, index, terms, vals, n, json]),
        );
      }
    };
    // One statement is atomic by itself (a new document's entries); more share a savepoint.
    if (statements === 1) write();
    else this.transaction(write);
  }

  /**
   * A document's entries in `indexes` indexes: one seek per index. INDEXED BY: without it
   * SQLite picks the primary key on (coll, idx) — every entry of the index, so each write cost
   * grew with the collection.
   */
  static entriesOfDocSql(indexes: number): string {
    const list = Array.from({ length: indexes }, () => "?").join(", ");
    return `SELECT idx, terms, vals, vals_json FROM index_entries INDEXED BY index_entries_by_doc WHERE coll = ? AND idx IN (${list}) AND id = ?`;
  }

  /** SQL + params of an index scan: exactly one lower and at most one upper range constraint. */
  indexScanQuery(
    coll: string,
    index: string,
    terms: Value[],
    scan: IndexScan,
  ): { sql: string; params: unknown[] } | null {
    const desc = this.desc(coll, index);
    const where = ["coll = ?", "idx = ?", "terms = ?"];
    const params: unknown[] = [coll, index, encodeTuple(terms)];

    const from = scan.from ? encodeTuple(scan.from, desc) : null;
    const after = scan.after ? { vals: encodeTuple(scan.after.values, desc), id: requireId(scan.after.id) } : null;
    if (after && (!from || compareBytes(after.vals, from) >= 0)) {
      // (vals, id) > after implies vals >= from here, so `from` is redundant.
      where.push("(vals, id) > (?, ?)");
      params.push(after.vals, after.id);
    } else if (from && from.length > 0) {
      where.push("vals >= ?");
      params.push(from);
    }

    if (scan.to) {
      const to = encodeTuple(scan.to, desc);
      const end = prefixSuccessor(to); // inclusive prefix bound → exclusive successor
      if (end) {
        where.push("vals < ?");
        params.push(end);
      } else if (to.length > 0) {
        return null; // unreachable for real encodings (they never are all FF); be safe
      }
    }
    params.push(scan.limit);
    const sql = `SELECT id, vals_json FROM index_entries WHERE ${where.join(" AND ")} ORDER BY vals, id LIMIT ?`;
    return { sql, params };
  }

  scanIndex(coll: string, index: string, terms: Value[], scan: IndexScan): IndexHit[] {
    if (scan.limit <= 0) return [];
    const q = this.indexScanQuery(coll, index, terms, scan);
    if (!q) return [];
    return (this.rawStmt(q.sql).all(...q.params) as [id: bigint, valsJson: string][]).map((r) => ({
      id: r[0].toString(),
      values: decodeValue(r[1]) as Value[],
    }));
  }

  dropIndex(coll: string, index: string): void {
    this.transaction(() => {
      this.run("DELETE FROM index_entries WHERE coll = ? AND idx = ?", coll, index);
      this.run("DELETE FROM index_defs WHERE coll = ? AND idx = ?", coll, index);
      this.defs.delete(defKey(coll, index));
    });
  }

  listIndexes(coll: string): string[] {
    // Defined indexes plus any with leftover entries, found by skip-seeking the entries key.
    const names = new Set(
      this.all<{ idx: string }>("SELECT idx FROM index_defs WHERE coll = ?", coll).map((r) => r.idx),
    );
    let last = "";
    let first = true;
    for (;;) {
      const row = first
        ? this.get<{ idx: string }>("SELECT idx FROM index_entries WHERE coll = ? ORDER BY idx LIMIT 1", coll)
        : this.get<{ idx: string }>(
            "SELECT idx FROM index_entries WHERE coll = ? AND idx > ? ORDER BY idx LIMIT 1",
            coll,
            last,
          );
      if (!row) break;
      names.add(row.idx);
      last = row.idx;
      first = false;
    }
    return [...names].sort();
  }
}

const defKey = (coll: string, index: string): string => `${coll}\u0000${index}`;
