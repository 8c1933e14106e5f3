// A query that starts while another worker is committing restarts its snapshot. Commits take
// milliseconds (an fsync), restarts microseconds: the restarts must wait the commit out, and a
// stream of commits must end in the locked attempt — never in an internal error. (CI once saw
// `Internal error: ` from a read racing sign-ups: the restart signal escaped after 100 spins.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { FaunaEngine } from "../src/engine/engine.js";
import { SharedClock } from "../src/engine/pool/clock.js";
import { openStore } from "../src/store/index.js";
import { queryEngine } from "./support/engine.js";

/** A clock on which another worker seems to be committing for the first `busyReads` looks. */
class BusyClock extends SharedClock {
  constructor(private busyReads: number) {
    super(SharedClock.allocate(0n, 0n), 1);
  }
  override commitSeq(): bigint {
    return this.busyReads-- > 0 ? 1n : super.commitSeq();
  }
}

for (const busyReads of [3, 500]) {
  test(`a read while commits keep landing (${busyReads} busy looks) answers`, () => {
    const store = openStore({ dir: null });
    try {
      const engine = new FaunaEngine(store, { rootSecret: "secret", clock: new BusyClock(busyReads) });
      assert.deepEqual(queryEngine(engine, "1 + 1").data, { kind: "int", value: 2 });
    } finally {
      store.close();
    }
  });
}
