// The on-disk layout, versioned with PRAGMA user_version: migration i upgrades version i to i+1.
// To change the format, append a migration; never edit a released one.
import type Database from "libsql";

const MIGRATIONS: readonly string[] = [
  // v1
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE schema_files (
    name    TEXT PRIMARY KEY,
    content TEXT NOT NULL
  ) WITHOUT ROWID;

  -- ttl is TEXT (epoch nanos) because a far-future Time overflows a 64-bit nanosecond count.
  CREATE TABLE docs (
    coll TEXT    NOT NULL,
    id   INTEGER NOT NULL,
    ts   INTEGER NOT NULL,
    ttl  TEXT,
    data TEXT    NOT NULL,
    PRIMARY KEY (coll, id)
  ) WITHOUT ROWID;

  CREATE TABLE index_defs (
    coll TEXT NOT NULL,
    idx  TEXT NOT NULL,
    def  TEXT NOT NULL,
    PRIMARY KEY (coll, idx)
  ) WITHOUT ROWID;

  -- terms/vals are key-codec bytes (memcmp order = FQL order); vals_json keeps the exact
  -- values (the key collapses Int 1 and Double 1.0).
  CREATE TABLE index_entries (
    coll      TEXT    NOT NULL,
    idx       TEXT    NOT NULL,
    terms     BLOB    NOT NULL,
    vals      BLOB    NOT NULL,
    id        INTEGER NOT NULL,
    vals_json TEXT    NOT NULL,
    PRIMARY KEY (coll, idx, terms, vals, id)
  ) WITHOUT ROWID;

  -- Finds a document's entries when they are replaced.
  CREATE INDEX index_entries_by_doc ON index_entries (coll, idx, id);

  CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
  );
  `,
  // v2: superseded document versions, for reads at an earlier snapshot (cursor pages).
  // A row is the version written at `ts`; `deleted` rows are tombstones.
  `
  CREATE TABLE doc_versions (
    coll    TEXT    NOT NULL,
    id      INTEGER NOT NULL,
    ts      INTEGER NOT NULL,
    ttl     TEXT,
    data    TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (coll, id, ts)
  ) WITHOUT ROWID;
  `,
  // v3: expiry in whole seconds, indexed, so expired documents can be found without a scan.
  `
  ALTER TABLE docs ADD COLUMN expires_s INTEGER;
  UPDATE docs SET expires_s = CAST(substr(ttl, 1, length(ttl) - 9) AS INTEGER) WHERE ttl IS NOT NULL AND length(ttl) > 9;
  UPDATE docs SET expires_s = 0 WHERE ttl IS NOT NULL AND length(ttl) <= 9;
  CREATE INDEX docs_by_expiry ON docs (expires_s) WHERE expires_s IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function userVersion(db: Database.Database): number {
  const row = db.prepare("PRAGMA user_version").get() as { user_version: number | bigint };
  return Number(row.user_version);
}

/** Brings the database to SCHEMA_VERSION; refuses files written by a newer emulator. */
export function migrate(db: Database.Database): void {
  const current = userVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(`database format v${current} is newer than this emulator supports (v${SCHEMA_VERSION})`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(MIGRATIONS[v]!);
      db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(
        v + 1,
        new Date().toISOString(),
      );
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec("COMMIT");
    } catch (e) {
      db.exec("ROLLBACK");
      throw e;
    }
  }
}
