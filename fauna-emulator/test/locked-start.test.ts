// Under steady reads an optimistic writer almost never commits at its start time (some read
// took a later time meanwhile), so it runs a second time holding the write lock. A query text
// whose last run wrote starts holding the lock instead: a log-in (bcrypt) is worked once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { int, type Value } from "../src/core/index.js";
import { FaunaEngine } from "../src/engine/engine.js";
import { SharedClock } from "../src/engine/pool/clock.js";
import { openStore } from "../src/store/index.js";
import { queryEngine } from "./support/engine.js";

/** A clock on which some reader has always taken a later time when a writer asks to commit. */
class ReadersEverywhere extends SharedClock {
  claims = 0;
  constructor() {
    super(SharedClock.allocate(0n, 0n), 1);
  }
  override claimWrite(): boolean {
    this.claims++;
    return false;
  }
}

test("a query text whose last run wrote starts holding the write lock; one that stopped writing starts optimistic again", () => {
  const store = openStore({ dir: null });
  try {
    const clock = new ReadersEverywhere();
    const engine = new FaunaEngine(store, { rootSecret: "secret", clock });
    queryEngine(engine, 'Collection.create({ name: "Log" })');
    const maybeWrite = (write: boolean) => {
      const variables: Record<string, Value> = { write };
      const before = clock.claims;
      const answer = queryEngine(engine, "if (write) Log.create({}).id else null", { variables });
      return { claims: clock.claims - before, retries: answer.stats.contention_retries };
    };
    // First run: optimistic, its claim refused, run again holding the lock (one retry).
    assert.deepEqual(maybeWrite(true), { claims: 1, retries: 1 });
    // It wrote: the same text now starts holding the lock — no claim, no retry.
    assert.deepEqual(maybeWrite(true), { claims: 0, retries: 0 });
    // That run did not write; the next starts optimistic again.
    assert.deepEqual(maybeWrite(false), { claims: 0, retries: 0 });
    assert.deepEqual(maybeWrite(true), { claims: 1, retries: 1 });
    assert.deepEqual(queryEngine(engine, "Log.all().count()").data, int(3));
  } finally {
    store.close();
  }
});
