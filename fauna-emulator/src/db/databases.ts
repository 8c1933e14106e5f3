// Child databases (reference §5.1, §6.1, §8.1): each database has its own collections, keys,
// tokens and schema, stored under a namespace of the one SQLite store. A database is listed in
// its parent's registry; global lookups (database by global id, key by id) live in the root.
import type { Store } from "../store/index.js";

export interface DbInfo {
  /** Names from the root, e.g. ["shop", "staging"]; [] = the root database. */
  path: string[];
  /** Storage namespace ("" for the root). */
  ns: string;
  /** Global id ("0" for the root). */
  gid: string;
}

export const ROOT_DB: DbInfo = { path: [], ns: "", gid: "0" };

export interface DbRecord {
  name: string;
  gid: string;
  /** Creation transaction time (microseconds), as a string. */
  ts: string;
  typechecked: boolean | null;
  protected: boolean | null;
  priority: number | null;
}

const REGISTRY = "databases";

/** The child databases of the database whose (namespaced) store this is. */
export function childDatabases(store: Store): Record<string, DbRecord> {
  return JSON.parse(store.getMeta(REGISTRY) ?? "{}") as Record<string, DbRecord>;
}

export function saveChildDatabases(store: Store, children: Record<string, DbRecord>): void {
  store.setMeta(REGISTRY, JSON.stringify(children));
}

export function childInfo(parent: DbInfo, rec: DbRecord): DbInfo {
  return { path: [...parent.path, rec.name], ns: `${parent.ns}db:${rec.gid}/`, gid: rec.gid };
}

/** The database `db` is a child of (the inverse of childInfo); null for the root. */
export function parentOf(db: DbInfo): DbInfo | null {
  if (db.path.length === 0) return null;
  const ns = db.ns.slice(0, db.ns.lastIndexOf("db:"));
  const gid = /db:([^/]+)\/$/.exec(ns)?.[1] ?? "0";
  return { path: db.path.slice(0, -1), ns, gid };
}

// Global lookups, kept in the root database's meta.
const gidKey = (gid: string) => `$gid:${gid}`;
const keyKey = (id: string) => `$key:${id}`;

export function recordDatabase(root: Store, db: DbInfo): void {
  root.setMeta(gidKey(db.gid), JSON.stringify(db));
}

export function forgetDatabase(root: Store, db: DbInfo): void {
  root.deleteMetaPrefix(gidKey(db.gid));
}

export function databaseByGid(root: Store, gid: string): DbInfo | null {
  if (gid === "0") return ROOT_DB;
  const json = root.getMeta(gidKey(gid));
  return json ? (JSON.parse(json) as DbInfo) : null;
}

/** Remembers which database holds a key, so its secret (which names only the key) resolves. */
export function recordKey(root: Store, keyId: string, db: DbInfo): void {
  if (db.gid !== "0") root.setMeta(keyKey(keyId), db.gid);
}

export function databaseOfKey(root: Store, keyId: string): DbInfo | null {
  const gid = root.getMeta(keyKey(keyId));
  return gid === null ? ROOT_DB : databaseByGid(root, gid);
}

/** Follows `names` down from `from` (a path like "shop/staging" split on "/"). */
export function resolveChild(storeOf: (db: DbInfo) => Store, from: DbInfo, names: string[]): DbInfo | null {
  let db = from;
  for (const name of names) {
    const rec = childDatabases(storeOf(db))[name];
    if (!rec) return null;
    db = childInfo(db, rec);
  }
  return db;
}
