// Test helper for src/store/durability.test.ts (not part of the emulator): commits numbered transactions
// forever and reports each one on stdout only after COMMIT returned, until it is SIGKILLed.
import { writeSync } from "node:fs";
import { int, obj } from "../../src/core/values.js";
import { openStore } from "../../src/store/index.js";

const dir = process.argv[2];
if (!dir) throw new Error("usage: durability-child.ts <dir>");
const store = openStore({ dir });
const filler = "x".repeat(2000); // bigger transactions: more chance to be killed mid-write

for (let i = 1; i <= 1_000_000; i++) {
  store.transaction(() => {
    store.putDoc({
      coll: "C",
      id: String(i),
      ts: BigInt(i),
      ttl: null,
      data: obj([
        ["n", int(i)],
        ["pad", filler],
      ]),
    });
    store.putDoc({ coll: "D", id: String(i), ts: BigInt(i), ttl: null, data: obj([["pad", filler]]) });
    store.setIndexEntries("C", "byN", String(i), [{ terms: ["t"], values: [int(i)] }]);
    store.setMeta("last", String(i));
  });
  writeSync(1, `${i}\n`); // synchronous, so the parent never sees an uncommitted number
}
