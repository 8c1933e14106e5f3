// Opening the durable store. One connection per process; the engine serializes queries.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "libsql";
import { DB_FILE } from "./files.js";
import { migrate } from "./schema.js";
import { BUSY_TIMEOUT_MS, SqliteStore } from "./sqlite-store.js";
import type { Store } from "./types.js";

export type {
  DocScan,
  IndexDef,
  IndexEntry,
  IndexHit,
  IndexScan,
  Store,
  StoredDoc,
  TransactionOptions,
} from "./types.js";
export { LockTimeout, WriteConflict } from "./types.js";
export { SqliteStore } from "./sqlite-store.js";
export { NamespacedStore } from "./namespaced.js";
export { encodeKey, encodeTuple, compareBytes } from "./key-codec.js";
export { encodeValue, decodeValue } from "./value-codec.js";

export { DB_FILE } from "./files.js";
export { backupDatabase, restoreDatabase } from "./backup.js";

/**
 * `dir` null = in-memory (lost on exit); otherwise `<dir>/fauna.db`, created if missing.
 * `cacheMb`: this connection's page cache (SQLite's default is 2 MB); a bulk load into big
 * indexes touches pages all over them and runs faster with more.
 */
export function openStore(opts: { dir: string | null; cacheMb?: number }): Store {
  let path = ":memory:";
  if (opts.dir !== null) {
    mkdirSync(opts.dir, { recursive: true });
    path = join(opts.dir, DB_FILE);
  }
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    if (opts.dir !== null) db.exec("PRAGMA journal_mode = WAL"); // in-memory databases cannot use WAL
    // FULL: fsync the WAL on every commit, so an acknowledged query survives a crash.
    db.exec("PRAGMA synchronous = FULL");
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (opts.cacheMb !== undefined) db.exec(`PRAGMA cache_size = ${-Math.max(1, Math.floor(opts.cacheMb)) * 1024}`);
    migrate(db);
    return new SqliteStore(db);
  } catch (e) {
    db.close();
    throw e;
  }
}
