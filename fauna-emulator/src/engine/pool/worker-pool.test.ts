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
    pool.run<{ threadId: number }>({ do: "busy", ms: 300 }, soon(), "parallel-a", "parallel-a"),
    pool.run<{ threadId: number }>({ do: "busy", ms: 300 }, soon(), "parallel-b", "parallel-b"),
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
    pool.run({ do: "busy", ms: 200 }, soon(5_000), "replaced-a", "replaced-a"),
    pool.run({ do: "busy", ms: 200 }, soon(5_000), "replaced-b", "replaced-b"),
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

test("a slow kind of job never takes the last idle worker: quick ones find it free", async () => {
  // A few runs teach the pool that this kind of job is slow (like log-ins running bcrypt).
  await pool.run({ do: "busy", ms: 30 }, soon(), "app", "login");
  assert.ok(!pool.isSlow("login"), "one run (cold code) does not decide it");
  for (let i = 0; i < 2; i++) await pool.run({ do: "busy", ms: 30 }, soon(), "app", "login");
  assert.ok(pool.isSlow("login"));
  assert.ok(!pool.isSlow("catalog"));
  const started = performance.now();
  const ended: Record<string, number> = {};
  const slow = ["s1", "s2"].map((label) =>
    pool
      .run({ do: "busy", ms: 200 }, soon(10_000), "app", "login")
      .then(() => (ended[label] = performance.now() - started)),
  );
  await new Promise((r) => setTimeout(r, 20));
  // Same caller even: what counts is the kind of job.
  const quick = await pool.run<{ value: number }>({ do: "echo", value: 7 }, soon(), "app", "catalog");
  const quickMs = performance.now() - started;
  await Promise.all(slow);
  assert.equal((quick as { value: number }).value, 7);
  // The quick job did not wait for a slow one to end...
  assert.ok(quickMs < Math.min(ended.s1!, ended.s2!), `quick ${quickMs} ms, slow ${JSON.stringify(ended)}`);
  // ...because the second slow job waited for the first instead of taking the other worker.
  assert.ok(Math.max(ended.s1!, ended.s2!) >= 390, JSON.stringify(ended));
});

test("a worker runs a slow kind of job at a lower CPU priority, and a quick one at the normal priority", async () => {
  for (let i = 0; i < 3; i++) await pool.run({ do: "busy", ms: 30 }, soon(), "app", "hashing");
  assert.ok(pool.isSlow("hashing"));
  // The job reports the niceness its thread ran it at.
  const asSlow = await pool.run<{ nice: number }>({ do: "nice" }, soon(), "app", "hashing");
  const asQuick = await pool.run<{ nice: number }>({ do: "nice" }, soon(), "app", "reading");
  assert.ok(!isPoolFailure(asSlow) && !isPoolFailure(asQuick));
  assert.equal(asSlow.nice, 19);
  assert.equal(asQuick.nice, 0);
});

test("a slow job kept off the last idle worker gets it after half its time budget: delayed, never starved", async () => {
  for (let i = 0; i < 3; i++) await pool.run({ do: "busy", ms: 30 }, soon(), "x", "slow-kind");
  assert.ok(pool.isSlow("slow-kind"));
  // A runaway holds one worker for 1.5 s; the slow job may not take the other one at once...
  const runaway = pool.run({ do: "busy", ms: 1_500 }, soon(10_000), "y", "runaway");
  await new Promise((r) => setTimeout(r, 20));
  const started = Date.now();
  const result = await pool.run({ do: "busy", ms: 10 }, Date.now() + 600, "x", "slow-kind");
  const waited = Date.now() - started;
  // ...but it does after half of its 600 ms budget, well before the runaway ends.
  assert.ok(!isPoolFailure(result), JSON.stringify(result));
  assert.ok(waited >= 290 && waited < 1_000, `waited ${waited} ms`);
  await runaway;
});
