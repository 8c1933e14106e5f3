import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { SharedClock } from "./clock.js";
import { isPoolFailure, WorkerPool } from "./worker-pool.js";

const entry = new URL("../../../test/support/pool-worker.mjs", import.meta.url);
const soon = (ms = 2_000) => Date.now() + ms;

let pool: WorkerPool;
let clock: SharedArrayBuffer;
before(async () => {
  clock = SharedClock.allocate(0n, 0n);
  pool = await WorkerPool.start({ entry, size: 2, init: null, clock, memoryMb: 64, graceMs: 20 });
});
after(() => pool.close());

test("jobs run on separate threads at the same time", async () => {
  const [a, b] = await Promise.all([
    pool.run<{ threadId: number }>({ do: "busy", ms: 300 }, soon()),
    pool.run<{ threadId: number }>({ do: "busy", ms: 300 }, soon()),
  ]);
  assert.ok(!isPoolFailure(a) && !isPoolFailure(b));
  assert.notEqual(a.threadId, b.threadId);
});

test("a job still running at its deadline is cut off on time and its worker replaced", async () => {
  const started = Date.now();
  const result = await pool.run({ do: "spin" }, Date.now() + 100);
  const elapsed = Date.now() - started;
  assert.deepEqual(result, { failed: "timeout" });
  assert.ok(elapsed < 1_000, `answered after ${elapsed} ms`);
  // The pool is back to two workers: two jobs run on two different threads again.
  while (pool.readyWorkers < 2) await new Promise((r) => setTimeout(r, 10));
  assert.ok(pool.restarts >= 1);
  const [a, b] = await Promise.all([
    pool.run({ do: "busy", ms: 200 }, soon(5_000)),
    pool.run({ do: "busy", ms: 200 }, soon(5_000)),
  ]);
  assert.notEqual((a as { threadId: number }).threadId, (b as { threadId: number }).threadId);
});

test("a job waiting in the queue past its deadline times out without running", async () => {
  const blockers = [pool.run({ do: "busy", ms: 400 }, soon()), pool.run({ do: "busy", ms: 400 }, soon())];
  const queued = await pool.run({ do: "echo", value: "late" }, Date.now() + 50);
  assert.deepEqual(queued, { failed: "timeout" });
  await Promise.all(blockers);
});

test("callers take turns: one caller's long queue does not hold up another caller's job", async () => {
  const order: string[] = [];
  const track = (label: string, p: Promise<unknown>) => p.then(() => order.push(label));
  const busy = Array.from({ length: 8 }, (_, i) =>
    track(`busy${i}`, pool.run({ do: "busy", ms: 100 }, soon(10_000), "app-key")),
  );
  await new Promise((r) => setTimeout(r, 20)); // the busy ones fill both workers and the queue
  const quick = track("quick", pool.run({ do: "echo", value: 1 }, soon(10_000), "shopper"));
  await Promise.all([...busy, quick]);
  // FIFO would serve it last (after 6 queued busy jobs); taking turns serves it after at most one.
  assert.ok(order.indexOf("quick") <= 3, order.join(", "));
});

test("a job that runs out of memory kills only its worker", async () => {
  const result = await pool.run({ do: "alloc" }, soon(20_000));
  assert.ok(isPoolFailure(result) && result.failed === "crashed" && result.outOfMemory, JSON.stringify(result));
  assert.deepEqual(
    await pool.run({ do: "echo", value: "still here" }, soon()).then((r) => (r as { value: string }).value),
    "still here",
  );
});

test("a worker terminated while holding the clock's writer slot does not stall the others", async () => {
  assert.deepEqual(await pool.run({ do: "hold-clock" }, Date.now() + 100), { failed: "timeout" });
  while (pool.readyWorkers < 2) await new Promise((r) => setTimeout(r, 10));
  const result = await pool.run<{ ts: string }>({ do: "ts" }, soon());
  assert.ok(!isPoolFailure(result));
  // Not "just before a writer": the dead writer's slot was withdrawn, so a fresh time was issued.
  const probe = new SharedClock(clock, 99);
  assert.ok(probe.snapshotTs() > BigInt(result.ts));
});

test("a worker that cannot set up fails the pool's start", async () => {
  await assert.rejects(
    WorkerPool.start({ entry, size: 1, init: "fail", clock: SharedClock.allocate(0n, 0n) }),
    /setup failed on purpose/,
  );
});
