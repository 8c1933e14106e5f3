import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { int, obj, type Value } from "../core/index.js";
import { openStore } from "./index.js";
import { SqliteStore } from "./sqlite-store.js";
import type { IndexScan } from "./types.js";

/** A plan that seeks: every step is a SEARCH, none a full SCAN, and no sort after the fact. */
function assertSeeks(plan: string[], index: RegExp): void {
  assert.ok(plan.length > 0);
  for (const step of plan) {
    assert.match(step, /^SEARCH /, `expected an index SEARCH, got: ${plan.join(" | ")}`);
    assert.doesNotMatch(step, /TEMP B-TREE/, `ORDER BY must come from the index: ${plan.join(" | ")}`);
  }
  assert.match(plan.join(" | "), index);
}

test("scanDocs (Coll.all() pages) seeks the (coll, id) primary key instead of scanning", () => {
  const s = openStore({ dir: null }) as SqliteStore;
  const plan = s.explain(SqliteStore.SCAN_DOCS_SQL, "P", 0n, 10n, 16);
  assertSeeks(plan, /USING PRIMARY KEY \(coll=\? AND id>\? AND id<\?\)/);
});

test("every scanIndex shape (terms, from, to, after, combinations) is one range SEARCH ordered by the key", () => {
  const s = openStore({ dir: null }) as SqliteStore;
  s.defineIndex("O", "byStatus", { desc: [true, false] });
  const after = { values: [int(5), "m"] as Value[], id: "7" };
  const shapes: IndexScan[] = [
    { limit: 16 },
    { limit: 16, from: [int(9)] },
    { limit: 16, to: [int(1)] },
    { limit: 16, from: [int(9)], to: [int(1), "z"] },
    { limit: 16, after },
    { limit: 16, after, to: [int(1)] },
    { limit: 16, after, from: [int(9)] },
  ];
  for (const scan of shapes) {
    const q = s.indexScanQuery("O", "byStatus", ["open"], scan);
    assert.ok(q);
    assertSeeks(
      s.explain(q.sql, ...q.params),
      /SEARCH index_entries USING PRIMARY KEY \(coll=\? AND idx=\? AND terms=\?/,
    );
  }
  // Replacing a document's entries finds them through the by-document index.
  for (const names of [["byStatus"], ["byStatus", "byName", "$unique0", "byStore"]]) {
    assertSeeks(
      s.explain(SqliteStore.entriesOfDocSql(names.length), "O", ...names, 1n),
      /USING INDEX index_entries_by_doc \(coll=\? AND idx=\? AND id=\?\)/,
    );
  }
  assertSeeks(
    s.explain("DELETE FROM index_entries WHERE coll = ? AND idx = ? AND id = ?", "O", "byStatus", 1n),
    /index_entries_by_doc/,
  );
});

test("page fetch times at 1k vs 50k documents are reported (seek cost should not grow; not asserted)", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "fauna-plan-"));
  try {
    const s = openStore({ dir });
    s.defineIndex("P", "byGroup", { desc: [true] });
    const pad = "y".repeat(200);
    const load = (from: number, to: number): void =>
      s.transaction(() => {
        for (let i = from; i <= to; i++) {
          s.putDoc({
            coll: "P",
            id: String(i),
            ts: 1n,
            ttl: null,
            data: obj([
              ["i", int(i)],
              ["pad", pad],
            ]),
          });
          s.setIndexEntries("P", "byGroup", String(i), [{ terms: [int(i % 10)], values: [int(i)] }]);
        }
      });
    const measure = (n: number): { docs: number; index: number } => {
      const rounds = 300;
      let t0 = performance.now();
      for (let r = 0; r < rounds; r++) {
        const page = s.scanDocs("P", { afterId: String(((r * 7919) % n) + 1), limit: 16 });
        assert.ok(page.length > 0 || (r * 7919) % n >= n - 1);
      }
      const docs = (performance.now() - t0) / rounds;
      t0 = performance.now();
      for (let r = 0; r < rounds; r++) {
        const at = ((r * 7919) % n) + 1;
        s.scanIndex("P", "byGroup", [int(r % 10)], { after: { values: [int(at)], id: String(at) }, limit: 16 });
      }
      return { docs, index: (performance.now() - t0) / rounds };
    };
    load(1, 1_000);
    const small = measure(1_000);
    load(1_001, 50_000);
    const large = measure(50_000);
    assert.equal(s.countDocs("P"), 50_000);
    const ms = (x: number): string => `${(x * 1000).toFixed(0)} µs`;
    t.diagnostic(`scanDocs page of 16:  1k docs ${ms(small.docs)}, 50k docs ${ms(large.docs)}`);
    t.diagnostic(`scanIndex page of 16: 1k docs ${ms(small.index)}, 50k docs ${ms(large.index)}`);
    s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
