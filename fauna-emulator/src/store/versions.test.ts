// Superseded versions: what a cursor's earlier snapshot reads.
import assert from "node:assert/strict";
import { test } from "node:test";
import { obj, int, type Value } from "../core/index.js";
import { openStore } from "./index.js";
import type { StoredDoc } from "./types.js";

const d = (id: string, ts: bigint, n: number): StoredDoc => ({
  coll: "C",
  id,
  ts,
  ttl: null,
  data: obj([["n", int(n)] as [string, Value]]),
});
const n = (doc: StoredDoc | null) => (doc ? (doc.data.get("n") as { value: number }).value : null);

test("getDocAt returns the version current at a snapshot, and null before creation", () => {
  const s = openStore({ dir: null });
  s.putDoc(d("1", 10n, 1));
  s.putDoc(d("1", 20n, 2));
  s.putDoc(d("1", 30n, 3));
  assert.equal(n(s.getDocAt("C", "1", 5n)), null, "did not exist yet");
  assert.equal(n(s.getDocAt("C", "1", 10n)), 1);
  assert.equal(n(s.getDocAt("C", "1", 25n)), 2);
  assert.equal(n(s.getDocAt("C", "1", 99n)), 3);
  s.close();
});

test("rewrites within one transaction time keep no intermediate version", () => {
  const s = openStore({ dir: null });
  s.putDoc(d("1", 10n, 1));
  s.putDoc(d("1", 20n, 2));
  s.putDoc(d("1", 20n, 3));
  assert.equal(n(s.getDocAt("C", "1", 15n)), 1);
  assert.equal(n(s.getDocAt("C", "1", 20n)), 3);
  s.close();
});

test("a recorded deletion hides the document from that time on, but not before", () => {
  const s = openStore({ dir: null });
  s.putDoc(d("1", 10n, 1));
  s.deleteDoc("C", "1", 20n);
  assert.equal(s.getDoc("C", "1"), null);
  assert.equal(n(s.getDocAt("C", "1", 15n)), 1);
  assert.equal(s.getDocAt("C", "1", 25n), null);
  s.close();
});

test("pruneVersions drops only versions superseded before the cutoff", () => {
  const s = openStore({ dir: null });
  s.putDoc(d("1", 10n, 1));
  s.putDoc(d("1", 20n, 2));
  s.putDoc(d("1", 30n, 3));
  assert.equal(s.pruneVersions(25n), 1, "the version at 10 was superseded at 20 < 25");
  assert.equal(n(s.getDocAt("C", "1", 22n)), 2, "the version valid at the cutoff stays");
  assert.equal(n(s.getDocAt("C", "1", 12n)), null, "older history is gone");
  s.close();
});

test("scanDocsAt lists documents as of a snapshot: later ones left out, deleted ones kept, in id order", () => {
  const s = openStore({ dir: null });
  s.putDoc(d("1", 10n, 1));
  s.putDoc(d("2", 10n, 2));
  s.putDoc(d("3", 10n, 3));
  s.putDoc(d("2", 30n, 20)); // changed after the snapshot
  s.deleteDoc("C", "3", 30n); // deleted after it
  s.putDoc(d("4", 30n, 4)); // created after it
  const at20 = s.scanDocsAt("C", { limit: 10 }, 20n);
  assert.deepEqual(
    at20.map((x) => [x.id, n(x)]),
    [
      ["1", 1],
      ["2", 2],
      ["3", 3],
    ],
  );
  assert.deepEqual(
    s.scanDocsAt("C", { afterId: "1", limit: 1 }, 20n).map((x) => x.id),
    ["2"],
    "seeks after an id and honours the limit",
  );
  assert.deepEqual(
    s.scanDocs("C", { limit: 10 }).map((x) => x.id),
    ["1", "2", "4"],
    "the current view is unchanged",
  );
  s.close();
});

test("purgeExpired reclaims documents (and index entries) whose ttl passed, and nothing else", () => {
  const s = openStore({ dir: null });
  const sec = 1_000_000_000n;
  s.defineIndex("C", "all", { desc: [] });
  const put = (id: string, ttl: bigint | null) => {
    s.putDoc({ ...d(id, 1n, 1), ttl });
    s.setIndexEntries("C", "all", id, [{ terms: [], values: [] }]);
  };
  put("1", 100n * sec); // expired at t=100s
  put("2", 500n * sec); // expires later
  put("3", null); // never expires
  const purged = s.purgeExpired(200n * sec, 10);
  assert.deepEqual(purged, [{ coll: "C", id: "1" }]);
  assert.equal(s.getDoc("C", "1"), null);
  assert.deepEqual(
    s.scanIndex("C", "all", [], { limit: 10 }).map((h) => h.id),
    ["2", "3"],
  );
  assert.deepEqual(s.purgeExpired(200n * sec, 10), [], "nothing left to purge");
  s.close();
});
