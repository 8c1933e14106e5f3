// One transaction clock shared by every worker thread (a SharedArrayBuffer), so transaction
// times and document ids stay strictly increasing across workers and restarts.
//
// The ordering rule it keeps: a query whose snapshot does not include a write never gets a
// later time than that write. Readers take a fresh time after pinning their snapshot; a
// writer that holds the write lock publishes its time, and readers starting meanwhile read
// just before it. An optimistic writer may commit at the time it started with only if no
// query took a later time since (otherwise it re-runs holding the lock).

const LOCK = 0; // Int32 slot: 0 = free, else the owner's id (a worker's thread id + 1)
const LAST_ISSUED = 1; // BigInt64 slots from here on (8-byte aligned)
const WRITER_TS = 2;
const COMMIT_SEQ = 3; // odd while a writer is committing

const LAST_ID = 4;
const WRITER_OWNER = 5;
const SLOTS = 6;

/** Microseconds since the epoch, the unit of Fauna transaction times. */
const wallClockMicros = (): bigint => BigInt(Date.now()) * 1000n;

export class SharedClock {
  private readonly lock: Int32Array;
  private readonly slots: BigInt64Array;

  /** A clock over `buffer` (from `SharedClock.allocate`), acting as `ownerId` (> 0). */
  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly ownerId: number,
  ) {
    this.lock = new Int32Array(buffer, 0, 2);
    this.slots = new BigInt64Array(buffer, 0, SLOTS);
  }

  /** A new clock starting after the last persisted transaction time and id. */
  static allocate(lastTxnTs: bigint, lastId: bigint): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(8 * SLOTS);
    const slots = new BigInt64Array(buffer);
    slots[LAST_ISSUED] = lastTxnTs;
    slots[LAST_ID] = lastId;
    return buffer;
  }

  private critical<T>(fn: () => T): T {
    while (Atomics.compareExchange(this.lock, LOCK, 0, this.ownerId) !== 0) {
      Atomics.wait(this.lock, LOCK, Atomics.load(this.lock, LOCK), 5);
    }
    try {
      return fn();
    } finally {
      Atomics.store(this.lock, LOCK, 0);
      Atomics.notify(this.lock, LOCK, 1);
    }
  }

  private issue(): bigint {
    const last = Atomics.load(this.slots, LAST_ISSUED);
    const now = wallClockMicros();
    const ts = now > last ? now : last + 1n;
    Atomics.store(this.slots, LAST_ISSUED, ts);
    return ts;
  }

  /**
   * Odd while a writer is committing; changes with every commit. A query reads it before
   * pinning its snapshot and again after taking its time: if it was odd or changed, a commit
   * may have landed in between and the query starts over (nothing was done yet).
   */
  commitSeq(): bigint {
    return Atomics.load(this.slots, COMMIT_SEQ);
  }

  /**
   * Waits (at most `ms`) while a writer is committing, so a reader that saw an odd sequence
   * retries after the commit instead of spinning through its restarts in microseconds
   * while the other thread's COMMIT (an fsync) takes milliseconds.
   */
  awaitCommit(ms: number): void {
    const seq = Atomics.load(this.slots, COMMIT_SEQ);
    if (seq % 2n === 0n || ms <= 0) return;
    Atomics.wait(this.slots, COMMIT_SEQ, seq, ms);
  }

  /** The writer is about to COMMIT. */
  beginCommit(): void {
    this.critical(() => {
      Atomics.add(this.slots, COMMIT_SEQ, 1n);
    });
  }

  /** The time of a query that just pinned its snapshot (any query starts as a reader). */
  snapshotTs(): bigint {
    return this.critical(() => {
      const writer = Atomics.load(this.slots, WRITER_TS);
      return writer !== 0n ? writer - 1n : this.issue();
    });
  }

  /**
   * An optimistic writer that got the write lock asks to commit at the time it started with:
   * allowed only if no query has taken a later time since. Then readers read just before it.
   */
  claimWrite(ts: bigint): boolean {
    return this.critical(() => {
      if (Atomics.load(this.slots, LAST_ISSUED) !== ts || Atomics.load(this.slots, WRITER_TS) !== 0n) return false;
      this.publishWriter(ts);
      return true;
    });
  }

  /** A writer that already holds the write lock takes a new time and publishes it. */
  lockedWriteTs(): bigint {
    return this.critical(() => {
      const ts = this.issue();
      this.publishWriter(ts);
      return ts;
    });
  }

  private publishWriter(ts: bigint): void {
    Atomics.store(this.slots, WRITER_TS, ts);
    Atomics.store(this.slots, WRITER_OWNER, BigInt(this.ownerId));
  }

  /** The writer released the write lock (committed or rolled back). */
  endWrite(): void {
    this.critical(() => {
      Atomics.store(this.slots, WRITER_TS, 0n);
      Atomics.store(this.slots, WRITER_OWNER, 0n);
      if (Atomics.load(this.slots, COMMIT_SEQ) % 2n === 1n) Atomics.add(this.slots, COMMIT_SEQ, 1n);
    });
    Atomics.notify(this.slots, COMMIT_SEQ);
  }

  /** A Fauna-like 64-bit id for a transaction at `ts`: time-based, unique, increasing. */
  nextId(ts: bigint): bigint {
    return this.critical(() => {
      const base = ts << 8n;
      const last = Atomics.load(this.slots, LAST_ID);
      const id = base > last ? base : last + 1n;
      Atomics.store(this.slots, LAST_ID, id);
      return id;
    });
  }

  /** Whether `ownerId` is committing right now (its transaction may already be durable). */
  static isCommitting(buffer: SharedArrayBuffer, ownerId: number): boolean {
    const slots = new BigInt64Array(buffer, 0, SLOTS);
    return Atomics.load(slots, WRITER_OWNER) === BigInt(ownerId) && Atomics.load(slots, COMMIT_SEQ) % 2n === 1n;
  }

  lastId(): bigint {
    return Atomics.load(this.slots, LAST_ID);
  }

  /**
   * After a worker died (terminated at its deadline, or out of memory): free the lock if it
   * held it, and withdraw its write if it was writing (its transaction never committed).
   */
  static recover(buffer: SharedArrayBuffer, deadOwnerId: number): void {
    const lock = new Int32Array(buffer, 0, 2);
    const slots = new BigInt64Array(buffer, 0, SLOTS);
    if (Atomics.load(slots, WRITER_OWNER) === BigInt(deadOwnerId)) {
      Atomics.store(slots, WRITER_TS, 0n);
      Atomics.store(slots, WRITER_OWNER, 0n);
      if (Atomics.load(slots, COMMIT_SEQ) % 2n === 1n) Atomics.add(slots, COMMIT_SEQ, 1n);
      Atomics.notify(slots, COMMIT_SEQ);
    }
    if (Atomics.compareExchange(lock, LOCK, deadOwnerId, 0) === deadOwnerId) Atomics.notify(lock, LOCK);
  }
}
