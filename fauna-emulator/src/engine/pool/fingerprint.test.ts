import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprint } from "./fingerprint.js";

test("a fingerprint is stable, short, and differs for near-identical texts", () => {
  const secret = "fnAFq3kZ7pAAQ0y5m1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwXyZ";
  assert.equal(fingerprint(secret), fingerprint(String(secret)));
  assert.match(fingerprint(secret), /^[0-9a-z]{1,11}$/);
  assert.notEqual(fingerprint(secret), fingerprint(secret.slice(0, -1) + "a"));
  assert.notEqual(fingerprint("ab"), fingerprint("ba"));
  assert.notEqual(fingerprint(""), fingerprint("\0"));
});

test("fingerprints of 200,000 similar texts (query texts, secrets) do not collide", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 100_000; i++) {
    seen.add(fingerprint(`Product.byId("${i}")`));
    seen.add(fingerprint(`fnAFq3kZ7pAAQ0y5${i.toString(36).padStart(8, "0")}`));
  }
  assert.equal(seen.size, 200_000);
});

test("every bit of the input moves about half of the output's bits", () => {
  // Avalanche: flipping one character's low bit changes ~26 of the 53 bits on average.
  const bits = (s: string) => BigInt(parseInt(fingerprint(s), 36));
  let changed = 0;
  let trials = 0;
  for (let i = 0; i < 2_000; i++) {
    const text = `query ${i} with some text`;
    const pos = i % text.length;
    const flipped = text.slice(0, pos) + String.fromCharCode(text.charCodeAt(pos) ^ 1) + text.slice(pos + 1);
    let diff = bits(text) ^ bits(flipped);
    for (; diff > 0n; diff >>= 1n) changed += Number(diff & 1n);
    trials++;
  }
  const mean = changed / trials;
  assert.ok(mean > 22 && mean < 31, `mean bits changed ${mean.toFixed(1)} of 53`);
});
