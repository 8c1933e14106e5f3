// Online backup and restore of a data directory. A backup is one SQLite file written by
// `VACUUM INTO` on a connection of its own: a consistent snapshot (one read transaction) taken
// while the server keeps serving, since WAL readers block nobody.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "libsql";
import { DB_FILE } from "./files.js";
import { migrate } from "./schema.js";

/** Writes a snapshot of the database in `dataDir` to `file` (which must not exist yet). */
export function backupDatabase(dataDir: string, file: string): void {
  const source = join(dataDir, DB_FILE);
  if (!existsSync(source)) throw new Error(`no database in ${dataDir}`);
  if (existsSync(file)) throw new Error(`${file} already exists`);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(source, { readonly: true, timeout: 5000 });
  try {
    db.prepare("VACUUM INTO ?").run(file);
  } finally {
    db.close();
  }
}

/**
 * Makes `dataDir` start from the snapshot in `file`. Refuses a directory that already holds a
 * database (nothing is overwritten) and a file that is not a database of this emulator.
 */
export function restoreDatabase(file: string, dataDir: string): void {
  const target = join(dataDir, DB_FILE);
  if (existsSync(target)) throw new Error(`${dataDir} already holds a database; restore into an empty directory`);
  mkdirSync(dataDir, { recursive: true });
  const partial = `${target}.restoring`;
  copyFileSync(file, partial);
  try {
    const db = new Database(partial, { timeout: 5000 });
    try {
      const tables = db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('docs', 'meta')")
        .get() as { n: number | bigint };
      if (Number(tables.n) !== 2) throw new Error(`${file} is not a backup of this emulator`);
      migrate(db);
    } finally {
      db.close();
    }
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}
