import assert from "node:assert/strict";
import { test } from "node:test";
import { FairQueue } from "./fair-queue.js";

test("lanes take turns; each lane keeps its own order", () => {
  const q = new FairQueue<string>();
  for (const job of ["a1", "a2", "a3", "a4"]) q.push(job, "a");
  q.push("b1", "b");
  q.push("b2", "b");
  q.push("c1", "c");
  const served: string[] = [];
  for (let job = q.shift(); job !== undefined; job = q.shift()) served.push(job);
  assert.deepEqual(served, ["a1", "b1", "c1", "a2", "b2", "a3", "a4"]);
  assert.equal(q.size, 0);
});

test("a removed job is gone, and an emptied lane leaves the rotation", () => {
  const q = new FairQueue<string>();
  q.push("a1", "a");
  q.push("b1", "b");
  q.push("a2", "a");
  assert.equal(q.remove("b1"), true);
  assert.equal(q.remove("b1"), false);
  assert.equal(q.size, 2);
  assert.deepEqual([q.shift(), q.shift(), q.shift()], ["a1", "a2", undefined]);
  q.push("x", "a");
  assert.deepEqual(q.drain(), ["x"]);
  assert.equal(q.size, 0);
});

test("refused jobs keep their place; acceptable ones are served, even past them in their lane", () => {
  const q = new FairQueue<string>();
  q.push("slow1", "a");
  q.push("fast-a", "a");
  q.push("slow2", "a");
  q.push("fast-b", "b");
  const quick = (job: string) => !job.startsWith("slow");
  assert.equal(q.shift(quick), "fast-a");
  assert.equal(q.shift(quick), "fast-b");
  assert.equal(q.shift(quick), undefined);
  assert.equal(q.size, 2);
  assert.deepEqual([q.shift(), q.shift()], ["slow1", "slow2"]);
});
