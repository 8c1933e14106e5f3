import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "libsql";
import { QueryError, bytes, date, doc, double, int, long, obj, time, type Value } from "../core/index.js";
import { openStore } from "./index.js";
import { SCHEMA_VERSION } from "./schema.js";
import type { SqliteStore } from "./sqlite-store.js";
import type { StoredDoc } from "./types.js";

const mem = (): SqliteStore => openStore({ dir: null }) as SqliteStore;
const d = (coll: string, id: string, data: [string, Value][] = [], ts = 1n): StoredDoc => ({
  coll,
  id,
  ts,
  ttl: null,
  data: obj(data),
});
const ids = (docs: { id: string }[]): string[] => docs.map((x) => x.id);

function tempDir(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(join(tmpdir(), "fauna-store-"));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- documents ---------------------------------------------------------------------------

test("documents are created, read back with ts/ttl/data, overwritten and deleted", () => {
  const s = mem();
  assert.equal(s.getDoc("Product", "1"), null);
  s.putDoc({
    coll: "Product",
    id: "1",
    ts: 1_700_000_000_000_000n,
    ttl: 10n ** 25n,
    data: obj([
      ["name", "cup"],
      ["qty", int(3)],
    ]),
  });
  const got = s.getDoc("Product", "1");
  assert.equal(got?.ts, 1_700_000_000_000_000n);
  assert.equal(got?.ttl, 10n ** 25n); // far-future ttl beyond 64-bit nanos survives
  assert.deepEqual(
    got?.data,
    obj([
      ["name", "cup"],
      ["qty", int(3)],
    ]),
  );
  assert.equal(got?.coll, "Product");
  assert.equal(got?.id, "1");

  s.putDoc(d("Product", "1", [["name", "mug"]], 2n));
  assert.deepEqual(s.getDoc("Product", "1")?.data, obj([["name", "mug"]]));
  assert.equal(s.getDoc("Product", "1")?.ts, 2n);
  assert.equal(s.getDoc("Order", "1"), null, "documents are per collection");

  s.deleteDoc("Product", "1");
  assert.equal(s.getDoc("Product", "1"), null);
  s.deleteDoc("Product", "1"); // deleting a missing doc is a no-op
});

test("64-bit ids are exact and invalid ids are rejected with invalid_id", () => {
  const s = mem();
  s.putDoc(d("C", "9223372036854775807"));
  s.putDoc(d("C", "412654807171449088"));
  assert.equal(s.getDoc("C", "9223372036854775807")?.id, "9223372036854775807");
  assert.equal(s.getDoc("C", "412654807171449089"), null);
  assert.equal(s.getDoc("C", "abc"), null);
  assert.throws(
    () => s.putDoc(d("C", "abc")),
    (e: unknown) => e instanceof QueryError && e.code === "invalid_id",
  );
  assert.throws(
    () => s.putDoc(d("C", "9223372036854775808")),
    (e: unknown) => e instanceof QueryError && e.code === "invalid_id",
  );
});

test("a document with a non-persistable value is rejected (invalid_type) and nothing is written", () => {
  const s = mem();
  s.putDoc(d("C", "1", [["a", "old"]]));
  assert.throws(
    () => s.putDoc(d("C", "1", [["f", { kind: "set", source: null }]])),
    (e: unknown) => e instanceof QueryError && e.code === "invalid_type",
  );
  assert.deepEqual(s.getDoc("C", "1")?.data, obj([["a", "old"]]));
});

test("Coll.all() order: scanDocs returns numeric id order (10 after 9), seeks after/from/to and honours limit", () => {
  const s = mem();
  for (const id of ["10", "9", "1", "100", "-5", "412654807171449088", "2"]) s.putDoc(d("P", id));
  s.putDoc(d("Other", "3"));
  assert.deepEqual(ids(s.scanDocs("P", { limit: 100 })), ["-5", "1", "2", "9", "10", "100", "412654807171449088"]);
  assert.deepEqual(ids(s.scanDocs("P", { limit: 3 })), ["-5", "1", "2"]);
  assert.deepEqual(ids(s.scanDocs("P", { afterId: "2", limit: 3 })), ["9", "10", "100"]);
  assert.deepEqual(ids(s.scanDocs("P", { afterId: "3", limit: 2 })), ["9", "10"], "after a missing id");
  assert.deepEqual(ids(s.scanDocs("P", { fromId: "9", toId: "100", limit: 10 })), ["9", "10", "100"]);
  assert.deepEqual(ids(s.scanDocs("P", { fromId: "9", afterId: "9", toId: "100", limit: 10 })), ["10", "100"]);
  assert.deepEqual(ids(s.scanDocs("P", { fromId: "50", afterId: "2", limit: 10 })), ["100", "412654807171449088"]);
  assert.deepEqual(ids(s.scanDocs("P", { afterId: "9223372036854775807", limit: 10 })), []);
  assert.deepEqual(ids(s.scanDocs("P", { fromId: "11", toId: "10", limit: 10 })), []);
  assert.deepEqual(ids(s.scanDocs("P", { limit: 0 })), []);
  assert.equal(s.countDocs("P"), 7);
  assert.equal(s.countDocs("Nope"), 0);
});

test("dropping a collection removes its documents, index entries and index definitions only", () => {
  const s = mem();
  s.putDoc(d("A", "1"));
  s.putDoc(d("B", "1"));
  s.defineIndex("A", "byX", { desc: [true] });
  s.setIndexEntries("A", "byX", "1", [{ terms: [], values: [int(1)] }]);
  s.setIndexEntries("B", "byX", "1", [{ terms: [], values: [int(1)] }]);
  s.dropCollection("A");
  assert.equal(s.countDocs("A"), 0);
  assert.equal(s.countDocs("B"), 1);
  assert.deepEqual(s.listIndexes("A"), []);
  assert.deepEqual(s.scanIndex("A", "byX", [], { limit: 10 }), []);
  assert.equal(s.scanIndex("B", "byX", [], { limit: 10 }).length, 1);
});

// ---- meta & schema files -------------------------------------------------------------------

test("meta values and schema files are stored and replaced", () => {
  const s = mem();
  assert.equal(s.getMeta("schema_version"), null);
  s.setMeta("schema_version", "1");
  s.setMeta("schema_version", "2");
  assert.equal(s.getMeta("schema_version"), "2");
  assert.deepEqual(s.getSchemaFiles(), new Map());
  s.setSchemaFiles(
    new Map([
      ["main.fsl", "collection A {}"],
      ["b.fsl", "role r {}"],
    ]),
  );
  s.setSchemaFiles(new Map([["main.fsl", "collection B {}"]]));
  assert.deepEqual(s.getSchemaFiles(), new Map([["main.fsl", "collection B {}"]]));
});

// ---- indexes -----------------------------------------------------------------------------

test("index sets match terms by equality (Int 1 finds Double 1.0) and order by values then id", () => {
  const s = mem();
  s.defineIndex("P", "byCat", { desc: [false] });
  s.setIndexEntries("P", "byCat", "3", [{ terms: [double(1)], values: ["b"] }]);
  s.setIndexEntries("P", "byCat", "2", [{ terms: [int(1)], values: ["b"] }]);
  s.setIndexEntries("P", "byCat", "1", [{ terms: [long(1n)], values: ["c"] }]);
  s.setIndexEntries("P", "byCat", "10", [{ terms: [int(1)], values: ["a"] }]);
  s.setIndexEntries("P", "byCat", "4", [{ terms: [int(2)], values: ["a"] }]);
  s.setIndexEntries("P", "byCat", "5", [{ terms: ["1"], values: ["a"] }]);
  const hits = s.scanIndex("P", "byCat", [int(1)], { limit: 10 });
  assert.deepEqual(
    hits.map((h) => h.id),
    ["10", "2", "3", "1"],
  );
  assert.deepEqual(hits[0]?.values, ["a"]);
  // Values come back exactly as stored, not as their collapsed key.
  s.setIndexEntries("P", "byNum", "1", [{ terms: [], values: [double(1), long(7n)] }]);
  assert.deepEqual(s.scanIndex("P", "byNum", [], { limit: 1 })[0]?.values, [double(1), long(7n)]);
});

test("index values of mixed types order like FQL: numbers < bytes < strings < arrays < objects < docs < times < dates < booleans < null", () => {
  const s = mem();
  const vals: Value[] = [
    null,
    true,
    false,
    date("2024-01-01"),
    time(5n),
    doc("P", "2"),
    obj([["a", int(1)]]),
    [int(1)],
    "s",
    bytes(Uint8Array.from([1])),
    double(-2.5),
    int(7),
  ];
  vals.forEach((v, i) => s.setIndexEntries("P", "all", String(i), [{ terms: [], values: [v] }]));
  const asc = s.scanIndex("P", "all", [], { limit: 100 }).map((h) => h.values[0]);
  assert.deepEqual(asc, [
    double(-2.5),
    int(7),
    bytes(Uint8Array.from([1])),
    "s",
    [int(1)],
    obj([["a", int(1)]]),
    doc("P", "2"),
    time(5n),
    date("2024-01-01"),
    false,
    true,
    null,
  ]);

  s.defineIndex("P", "allDesc", { desc: [true] });
  vals.forEach((v, i) => s.setIndexEntries("P", "allDesc", String(i), [{ terms: [], values: [v] }]));
  const desc = s.scanIndex("P", "allDesc", [], { limit: 100 }).map((h) => h.values[0]);
  assert.deepEqual(desc, [...asc].reverse());
});

/** byStatus-like index: values [desc(.created), .name], then id. */
function statusIndex(): SqliteStore {
  const s = mem();
  s.defineIndex("O", "byStatus", { desc: [true, false] });
  const rows: [string, number, string][] = [
    ["1", 100, "b"],
    ["2", 100, "a"],
    ["3", 300, "z"],
    ["4", 200, "m"],
    ["5", 200, "m"],
    ["6", 50, "q"],
    ["7", 300, "a"],
  ];
  for (const [id, created, name] of rows)
    s.setIndexEntries("O", "byStatus", id, [{ terms: ["open"], values: [int(created), name] }]);
  s.setIndexEntries("O", "byStatus", "8", [{ terms: ["closed"], values: [int(999), "x"] }]);
  return s;
}

test("desc + asc value columns: order is created desc, then name asc, then id asc", () => {
  const s = statusIndex();
  assert.deepEqual(
    s.scanIndex("O", "byStatus", ["open"], { limit: 100 }).map((h) => h.id),
    ["7", "3", "4", "5", "2", "1", "6"],
  );
  assert.deepEqual(
    s.scanIndex("O", "byStatus", ["closed"], { limit: 100 }).map((h) => h.id),
    ["8"],
  );
  assert.deepEqual(s.scanIndex("O", "byStatus", ["nope"], { limit: 100 }), []);
});

test("cursor seek: `after` resumes strictly after (values, id), including among equal values", () => {
  const s = statusIndex();
  const all = s.scanIndex("O", "byStatus", ["open"], { limit: 100 });
  // Page through two at a time; the pages must concatenate to the full order.
  const paged: string[] = [];
  let after: { values: Value[]; id: string } | undefined;
  for (;;) {
    const page = s.scanIndex("O", "byStatus", ["open"], { limit: 2, ...(after ? { after } : {}) });
    paged.push(...page.map((h) => h.id));
    const last = page.at(-1);
    if (page.length < 2 || !last) break;
    after = { values: last.values, id: last.id };
  }
  assert.deepEqual(
    paged,
    all.map((h) => h.id),
  );
  // Between two entries with equal values (200, "m"), id 4 then 5.
  assert.deepEqual(
    s.scanIndex("O", "byStatus", ["open"], { limit: 1, after: { values: [int(200), "m"], id: "4" } }).map((h) => h.id),
    ["5"],
  );
});

test("range {from, to} over a prefix of the values is inclusive and follows index (desc) order", () => {
  const s = statusIndex();
  const scan = (from?: Value[], to?: Value[], after?: { values: Value[]; id: string }) =>
    s
      .scanIndex("O", "byStatus", ["open"], {
        limit: 100,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(after ? { after } : {}),
      })
      .map((h) => h.id);
  // desc(created): from 300 to 100 covers 300, 200, 100 — every name under each.
  assert.deepEqual(scan([int(300)], [int(100)]), ["7", "3", "4", "5", "2", "1"]);
  assert.deepEqual(scan([int(200)]), ["4", "5", "2", "1", "6"]);
  assert.deepEqual(scan(undefined, [int(200)]), ["7", "3", "4", "5"]);
  assert.deepEqual(scan([int(100)], [int(300)]), [], "from after to in index order is empty");
  // Full-width bounds and a Double bound equal to an Int value.
  assert.deepEqual(scan([double(300), "b"], [int(100), "a"]), ["3", "4", "5", "2"]);
  // after + from: whichever is further along wins.
  assert.deepEqual(scan([int(200)], undefined, { values: [int(300), "z"], id: "3" }), ["4", "5", "2", "1", "6"]);
  assert.deepEqual(scan([int(200)], undefined, { values: [int(100), "a"], id: "2" }), ["1", "6"]);
});

test("setIndexEntries replaces a document's entries; mva duplicates collapse; empty removes", () => {
  const s = mem();
  s.setIndexEntries("P", "byTag", "1", [
    { terms: ["x"], values: [] },
    { terms: ["y"], values: [] },
    { terms: ["x"], values: [] },
  ]);
  assert.deepEqual(
    s.scanIndex("P", "byTag", ["x"], { limit: 10 }).map((h) => h.id),
    ["1"],
  );
  s.setIndexEntries("P", "byTag", "1", [{ terms: ["z"], values: [] }]);
  assert.deepEqual(s.scanIndex("P", "byTag", ["x"], { limit: 10 }), []);
  assert.deepEqual(
    s.scanIndex("P", "byTag", ["z"], { limit: 10 }).map((h) => h.id),
    ["1"],
  );
  s.setIndexEntries("P", "byTag", "1", []);
  assert.deepEqual(s.scanIndex("P", "byTag", ["z"], { limit: 10 }), []);
});

test("listIndexes reports defined indexes and ones with entries; dropIndex removes both", () => {
  const s = mem();
  s.defineIndex("P", "defined", { desc: [] });
  s.setIndexEntries("P", "b", "1", [{ terms: [], values: [] }]);
  s.setIndexEntries("P", "a", "1", [{ terms: [], values: [] }]);
  s.setIndexEntries("Q", "c", "1", [{ terms: [], values: [] }]);
  assert.deepEqual(s.listIndexes("P"), ["a", "b", "defined"]);
  s.dropIndex("P", "b");
  s.dropIndex("P", "defined");
  assert.deepEqual(s.listIndexes("P"), ["a"]);
  assert.deepEqual(s.listIndexes("Q"), ["c"]);
});

// ---- transactions ------------------------------------------------------------------------

test("a failed query's transaction rolls back every write (docs, index entries, meta, index defs)", () => {
  const s = mem();
  s.putDoc(d("P", "1", [["v", "before"]]));
  assert.throws(
    () =>
      s.transaction(() => {
        s.putDoc(d("P", "1", [["v", "after"]]));
        s.putDoc(d("P", "2"));
        s.setIndexEntries("P", "byV", "2", [{ terms: [], values: ["x"] }]);
        s.defineIndex("P", "byV", { desc: [true] });
        s.setMeta("k", "v");
        s.deleteDoc("P", "1");
        throw new QueryError("abort", "Query aborted.");
      }),
    /Query aborted/,
  );
  assert.deepEqual(s.getDoc("P", "1")?.data, obj([["v", "before"]]));
  assert.equal(s.getDoc("P", "2"), null);
  assert.equal(s.getMeta("k"), null);
  assert.deepEqual(s.listIndexes("P"), []);
  // The rolled-back definition must not linger in the in-memory cache either: "byV" is asc again.
  s.setIndexEntries("P", "byV", "1", [{ terms: [], values: [int(1)] }]);
  s.setIndexEntries("P", "byV", "2", [{ terms: [], values: [int(2)] }]);
  assert.deepEqual(
    s.scanIndex("P", "byV", [], { limit: 10 }).map((h) => h.id),
    ["1", "2"],
  );
});

test("a successful transaction commits and returns the callback's value", () => {
  const s = mem();
  const r = s.transaction(() => {
    s.putDoc(d("P", "1"));
    return 42;
  });
  assert.equal(r, 42);
  assert.notEqual(s.getDoc("P", "1"), null);
});

test("nested transactions are savepoints: an inner failure undoes only the inner writes", () => {
  const s = mem();
  s.transaction(() => {
    s.putDoc(d("P", "1"));
    assert.throws(() =>
      s.transaction(() => {
        s.putDoc(d("P", "2"));
        throw new Error("inner");
      }),
    );
    s.transaction(() => s.putDoc(d("P", "3")));
  });
  assert.deepEqual(ids(s.scanDocs("P", { limit: 10 })), ["1", "3"]);

  // An inner success is still undone when the outer transaction fails.
  assert.throws(() =>
    s.transaction(() => {
      s.transaction(() => s.putDoc(d("P", "4")));
      throw new Error("outer");
    }),
  );
  assert.equal(s.getDoc("P", "4"), null);
  // The store is usable afterwards (no transaction left open).
  s.transaction(() => s.putDoc(d("P", "5")));
  assert.notEqual(s.getDoc("P", "5"), null);
});

test("an async transaction callback is refused and rolled back", async () => {
  const s = mem();
  assert.throws(
    () =>
      s.transaction(() => {
        s.putDoc(d("P", "1"));
        return Promise.resolve(1);
      }),
    /must be synchronous/,
  );
  assert.equal(s.getDoc("P", "1"), null);
});

// ---- the file on disk --------------------------------------------------------------------

test("an on-disk store uses WAL + synchronous FULL, records its format version, and reopens with all data", () => {
  using tmp = tempDir();
  const dir = join(tmp.dir, "nested", "data"); // created if missing
  const s = openStore({ dir }) as SqliteStore;
  assert.equal(s.pragma("journal_mode"), "wal");
  assert.equal(Number(s.pragma("synchronous")), 2, "FULL");
  assert.equal(Number(s.pragma("user_version")), SCHEMA_VERSION);
  assert.equal(Number(s.pragma("cache_size")), -2000, "SQLite's default page cache");
  const big = openStore({ dir, cacheMb: 64 }) as SqliteStore;
  assert.equal(Number(big.pragma("cache_size")), -64 * 1024, "a bulk loader's bigger cache");
  big.close();
  s.defineIndex("O", "byStatus", { desc: [true] });
  for (const [id, n] of [
    ["1", 1],
    ["2", 3],
    ["3", 2],
  ] as const) {
    s.putDoc(d("O", id, [["n", int(n)]]));
    s.setIndexEntries("O", "byStatus", id, [{ terms: [], values: [int(n)] }]);
  }
  s.setSchemaFiles(new Map([["main.fsl", "collection O {}"]]));
  s.close();

  const again = openStore({ dir });
  assert.deepEqual(again.getDoc("O", "2")?.data, obj([["n", int(3)]]));
  // The desc definition survived the reopen: highest n first.
  assert.deepEqual(
    again.scanIndex("O", "byStatus", [], { limit: 10 }).map((h) => h.id),
    ["2", "3", "1"],
  );
  assert.deepEqual(again.getSchemaFiles(), new Map([["main.fsl", "collection O {}"]]));
  again.close();

  const raw = new Database(join(dir, "fauna.db"));
  assert.deepEqual(
    raw
      .prepare("SELECT version FROM schema_migrations")
      .all()
      .map((r) => Number((r as { version: number }).version)),
    Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
  );
  raw.close();
});

test("a database written by a newer emulator format is refused instead of misread", () => {
  using tmp = tempDir();
  openStore({ dir: tmp.dir }).close();
  const raw = new Database(join(tmp.dir, "fauna.db"));
  raw.exec("PRAGMA user_version = 99");
  raw.close();
  assert.throws(() => openStore({ dir: tmp.dir }), /newer than this emulator supports/);
});
