import assert from "node:assert/strict";
import { test } from "node:test";
import { SharedClock } from "./clock.js";

test("times are strictly increasing and start after the persisted last time", () => {
  const future = BigInt(Date.now() + 60_000) * 1000n;
  const clock = new SharedClock(SharedClock.allocate(future, 0n), 1);
  const a = clock.snapshotTs();
  const b = clock.snapshotTs();
  assert.equal(a, future + 1n);
  assert.equal(b, a + 1n);
});

test("while a writer holds the lock, new snapshots read just before its time", () => {
  const buffer = SharedClock.allocate(0n, 0n);
  const writer = new SharedClock(buffer, 1);
  const reader = new SharedClock(buffer, 2);
  const ts = writer.lockedWriteTs();
  assert.equal(reader.snapshotTs(), ts - 1n);
  const before = reader.commitSeq();
  writer.beginCommit();
  assert.equal(reader.commitSeq() % 2n, 1n, "odd while committing");
  assert.equal(SharedClock.isCommitting(buffer, 1), true);
  writer.endWrite();
  assert.equal(reader.commitSeq(), before + 2n);
  assert.equal(SharedClock.isCommitting(buffer, 1), false);
  assert.ok(reader.snapshotTs() > ts);
});

test("an optimistic writer commits at its start time only if nobody took a later time", () => {
  const buffer = SharedClock.allocate(0n, 0n);
  const writer = new SharedClock(buffer, 1);
  const reader = new SharedClock(buffer, 2);
  const ts = writer.snapshotTs();
  assert.equal(writer.claimWrite(ts), true);
  writer.endWrite();
  const late = writer.snapshotTs();
  reader.snapshotTs();
  assert.equal(writer.claimWrite(late), false, "a reader took a later time and cannot see this write");
});

test("ids are unique and increasing, time-based", () => {
  const clock = new SharedClock(SharedClock.allocate(0n, 0n), 1);
  const ts = clock.snapshotTs();
  const ids = [clock.nextId(ts), clock.nextId(ts), clock.nextId(ts)];
  assert.deepEqual(ids, [ts << 8n, (ts << 8n) + 1n, (ts << 8n) + 2n]);
});

test("recovering a dead owner frees the lock and withdraws its write", () => {
  const buffer = SharedClock.allocate(0n, 0n);
  const dead = new SharedClock(buffer, 7);
  const ts = dead.lockedWriteTs();
  dead.beginCommit();
  SharedClock.recover(buffer, 7);
  assert.equal(new SharedClock(buffer, 8).commitSeq() % 2n, 0n);
  assert.ok(new SharedClock(buffer, 8).snapshotTs() > ts);
});

test("awaitCommit returns at once when nobody commits, and waits out a commit in progress", () => {
  const buffer = SharedClock.allocate(0n, 0n);
  const writer = new SharedClock(buffer, 1);
  const reader = new SharedClock(buffer, 2);
  let started = performance.now();
  reader.awaitCommit(200);
  assert.ok(performance.now() - started < 50, "no commit: no wait");
  writer.lockedWriteTs();
  writer.beginCommit();
  started = performance.now();
  reader.awaitCommit(30);
  assert.ok(performance.now() - started >= 25, "an odd sequence is waited on, up to the bound");
  writer.endWrite();
});
