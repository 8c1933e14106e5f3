// Several connections on one database file (one per worker thread): optimistic transactions
// detect writes made since their snapshot, locked ones wait for the lock, and index
// definitions changed by one connection are seen by the others.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { int } from "../core/index.js";
import { openStore } from "./index.js";
import { LockTimeout, WriteConflict, type Store } from "./types.js";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function twoConnections(): [Store, Store] {
  const dir = mkdtempSync(join(tmpdir(), "store-conn-"));
  dirs.push(dir);
  return [openStore({ dir }), openStore({ dir })];
}

const doc = (id: string, n: number) => ({ coll: "C", id, ts: BigInt(n), ttl: null, data: new Map([["n", int(n)]]) });

test("an optimistic writer whose snapshot went stale gets a WriteConflict and writes nothing", () => {
  const [a, b] = twoConnections();
  assert.throws(
    () =>
      a.transaction(
        () => {
          assert.equal(a.getDoc("C", "1"), null); // the snapshot: before b's write
          b.transaction(() => b.putDoc(doc("1", 1)));
          a.putDoc(doc("2", 2));
        },
        { mode: "optimistic" },
      ),
    WriteConflict,
  );
  assert.equal(b.getDoc("C", "2"), null);
  assert.ok(b.getDoc("C", "1"));
  // Run again, it succeeds.
  a.transaction(() => a.putDoc(doc("2", 2)), { mode: "optimistic" });
  assert.ok(b.getDoc("C", "2"));
});

test("onFirstWrite runs once before the first write, and its refusal rolls back", () => {
  const [a, b] = twoConnections();
  let claims = 0;
  a.transaction(
    () => {
      a.putDoc(doc("1", 1));
      a.putDoc(doc("2", 2));
    },
    { mode: "optimistic", onFirstWrite: () => claims++ },
  );
  assert.equal(claims, 1);
  assert.throws(
    () =>
      a.transaction(() => a.putDoc(doc("3", 3)), {
        mode: "optimistic",
        onFirstWrite: () => {
          throw new WriteConflict("claim refused");
        },
      }),
    WriteConflict,
  );
  assert.equal(b.getDoc("C", "3"), null);
  // A read-only optimistic transaction never claims.
  a.transaction(() => a.getDoc("C", "1"), {
    mode: "optimistic",
    onFirstWrite: () => assert.fail("claimed without writing"),
  });
});

test("a locked transaction waits for the lock no longer than asked", () => {
  const [a, b] = twoConnections();
  b.transaction(() => {
    b.putDoc(doc("1", 1));
    const started = Date.now();
    assert.throws(() => a.transaction(() => a.putDoc(doc("2", 2)), { mode: "locked", waitMs: 100 }), LockTimeout);
    assert.ok(Date.now() - started < 2_000);
  });
  a.transaction(() => a.putDoc(doc("2", 2)), { mode: "locked", waitMs: 100 });
  assert.ok(b.getDoc("C", "2"));
});

test("an index defined by one connection is seen by another", () => {
  const [a, b] = twoConnections();
  b.transaction(() => b.getDoc("C", "1")); // b caches the (empty) definitions
  a.transaction(() => {
    a.defineIndex("C", "byN", { desc: [true] });
    a.setIndexEntries("C", "byN", "1", [{ terms: [], values: [int(1)] }]);
    a.setIndexEntries("C", "byN", "2", [{ terms: [], values: [int(2)] }]);
  });
  const ids = b.transaction(() => b.scanIndex("C", "byN", [], { limit: 10 }).map((h) => h.id), { mode: "optimistic" });
  assert.deepEqual(ids, ["2", "1"], "descending, as a just-defined index says");
});

test("rewriting a document's index entries unchanged writes nothing; a change writes only the difference", () => {
  const [a] = twoConnections();
  const entries = [
    { terms: [int(1)], values: [int(10)] },
    { terms: [int(2)], values: [int(20)] },
  ];
  a.transaction(() => a.setIndexEntries("C", "byN", "7", entries));
  // No write may happen: the claim refuses any.
  a.transaction(() => a.setIndexEntries("C", "byN", "7", [...entries].reverse()), {
    mode: "optimistic",
    onFirstWrite: () => assert.fail("unchanged entries were written again"),
  });
  a.transaction(() => a.setIndexEntries("C", "byN", "7", [entries[0]!, { terms: [int(3)], values: [int(30)] }]));
  assert.deepEqual(
    [1, 2, 3].map((t) => a.scanIndex("C", "byN", [int(t)], { limit: 5 }).map((h) => h.id)),
    [["7"], [], ["7"]],
  );
});

const read = (s: Store, id: string) =>
  s.transaction(() => s.getDoc("C", id)?.data.get("n") ?? null, { mode: "optimistic" });
const scan = (s: Store) =>
  s.transaction(() => s.scanDocs("C", { limit: 10 }).map((d) => d.data.get("n")), { mode: "optimistic" });

test("documents a connection remembers between transactions never hide another connection's commit", () => {
  const [a, b] = twoConnections();
  b.transaction(() => b.putDoc(doc("1", 1)));
  assert.deepEqual(read(a, "1"), int(1));
  assert.deepEqual(scan(a), [int(1)]);
  b.transaction(() => b.putDoc(doc("1", 2)));
  assert.deepEqual(read(a, "1"), int(2), "a point read after b's commit");
  b.transaction(() => b.putDoc(doc("2", 3)));
  assert.deepEqual(scan(a), [int(2), int(3)], "a scan after b's commit");
  b.transaction(() => b.deleteDoc("C", "1"));
  assert.equal(read(a, "1"), null, "a deletion");
  b.transaction(() => b.setMeta("k", "v2"));
  assert.equal(
    a.transaction(() => a.getMeta("k"), { mode: "optimistic" }),
    "v2",
  );
});

test("a rolled-back write leaves nothing remembered: the next transaction reads what is committed", () => {
  const [a] = twoConnections();
  a.transaction(() => a.putDoc(doc("1", 1)));
  assert.deepEqual(read(a, "1"), int(1));
  let seenInside: unknown;
  assert.throws(
    () =>
      a.transaction(() => {
        a.putDoc(doc("1", 9));
        seenInside = a.getDoc("C", "1")?.data.get("n");
        throw new Error("roll back");
      }),
    /roll back/,
  );
  assert.deepEqual(seenInside, int(9), "the transaction saw its own write");
  assert.deepEqual(read(a, "1"), int(1));
  assert.deepEqual(scan(a), [int(1)]);
});
