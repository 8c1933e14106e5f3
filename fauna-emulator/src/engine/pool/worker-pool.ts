// A pool of worker threads, each running one job at a time. A job still running at its
// deadline is not waited for: its worker is terminated (whatever it was doing — a regex, a
// huge range, deep recursion) and replaced, so one runaway query never delays the others.
import { Worker, type Transferable } from "node:worker_threads";
import { SharedClock } from "./clock.js";
import { Lru } from "../lru.js";
import { FairQueue } from "./fair-queue.js";

export type PoolFailure = { failed: "timeout" } | { failed: "crashed"; outOfMemory: boolean; message: string };

export interface PoolOptions {
  /** Worker entry module (an .mjs that can load the TypeScript sources). */
  entry: URL;
  size: number;
  /** Passed to every worker as `workerData.init`. */
  init: unknown;
  /** The shared transaction clock, recovered when a worker dies holding it. */
  clock: SharedArrayBuffer;
  /** Heap limit of each worker (MB): a query that needs more kills only its worker. */
  memoryMb?: number;
  /** How long past its deadline a job may run before its worker is terminated. */
  graceMs?: number;
  /**
   * A kind of job that has taken this long on average (ms) is "slow" (log-ins: bcrypt): with
   * two or more workers, such jobs never take the last idle one, which stays free for quick ones.
   */
  slowJobMs?: number;
}

/** Default `slowJobMs`: a catalog page takes well under 1 ms, a log-in several. */
export const SLOW_JOB_MS = 4;
/** Kinds of job whose run times are remembered (the least recently seen are forgotten first). */
const KINDS_REMEMBERED = 10_000;

interface Job {
  id: number;
  lane: string;
  /** What sort of work it is (e.g. the query's text without its arguments), for its run time. */
  kind: string;
  queuedAt: number;
  /** When a worker took it (performance.now()); 0 while it waits. */
  startedAt: number;
  payload: unknown;
  transfer: Transferable[];
  deadline: number;
  settle(result: unknown): void;
  timer?: NodeJS.Timeout;
  /** A slow job's second chance at the last idle worker (see mayTakeLast). */
  nudge?: NodeJS.Timeout;
  /** Its nudge has fired: half of its time budget has passed. */
  nudged?: boolean;
}

interface Slot {
  worker: Worker;
  /** Read at spawn: a worker's threadId reads -1 once it has exited. */
  ownerId: number;
  ready: boolean;
  /** Terminated at a deadline: gets no more jobs and is replaced once it has exited. */
  retired: boolean;
  job: Job | null;
}

type FromWorker = { ready: true } | { ready: false; error: string } | { id: number; result: unknown };

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue = new FairQueue<Job>();
  private nextId = 1;
  private closed = false;
  /** Moving average of run times, per kind of job, and how many runs it has seen. */
  private readonly kinds = new Lru<string, { avgMs: number; runs: number }>(KINDS_REMEMBERED);
  private replacements = 0;

  private constructor(private readonly opts: PoolOptions) {}

  /** Starts `size` workers and resolves once every one of them is ready. */
  static async start(opts: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(opts);
    try {
      await Promise.all(Array.from({ length: Math.max(1, opts.size) }, () => pool.spawn()));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  /** Workers replaced so far (terminated at a deadline or crashed). */
  get restarts(): number {
    return this.replacements;
  }

  /** Workers ready for jobs now. */
  get readyWorkers(): number {
    return [...this.slots].filter((s) => s.ready && !s.retired).length;
  }

  /**
   * Runs a job on the next free worker; resolves with its result or how it failed. Waiting jobs
   * of different `lane`s (callers) take turns.
   */
  run<T>(
    payload: unknown,
    deadline: number,
    lane = "",
    kind = "",
    transfer: Transferable[] = [],
  ): Promise<T | PoolFailure> {
    if (this.closed)
      return Promise.resolve({ failed: "crashed", outOfMemory: false, message: "the server is shutting down" });
    return new Promise((resolve) => {
      const job: Job = {
        id: this.nextId++,
        lane,
        kind,
        queuedAt: Date.now(),
        startedAt: 0,
        payload,
        transfer,
        deadline,
        settle: resolve as (r: unknown) => void,
      };
      this.queue.push(job, lane);
      this.arm(job);
      if (this.isSlow(kind))
        job.nudge = setTimeout(
          () => {
            // The timer, not a clock reading, says half the budget has passed: a timer may fire a
            // few ms early by Date.now() (its start was the event loop's cached time).
            job.nudged = true;
            this.dispatch();
          },
          (deadline - job.queuedAt) / 2 + 1,
        );
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.drain())
      this.finish(job, { failed: "crashed", outOfMemory: false, message: "the server is shutting down" });
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): Promise<void> {
    const worker = new Worker(this.opts.entry, {
      workerData: { init: this.opts.init, clock: this.opts.clock },
      ...(this.opts.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb } } : {}),
    });
    const slot: Slot = { worker, ownerId: worker.threadId + 1, ready: false, retired: false, job: null };
    this.slots.add(slot);
    return new Promise((resolve, reject) => {
      worker.on("message", (msg: FromWorker) => {
        if ("ready" in msg) {
          if (!msg.ready) return reject(new Error(msg.error));
          slot.ready = true;
          resolve();
          this.dispatch();
        } else if (slot.job?.id === msg.id) {
          const job = slot.job;
          slot.job = null;
          this.finish(job, msg.result);
          this.dispatch();
        }
      });
      worker.on("error", (e: Error & { code?: string }) => {
        if (!slot.ready) return reject(e);
        const job = slot.job;
        slot.job = null;
        if (job)
          this.finish(job, {
            failed: "crashed",
            outOfMemory: e.code === "ERR_WORKER_OUT_OF_MEMORY",
            message: e.message,
          });
      });
      worker.on("exit", () => {
        this.slots.delete(slot);
        SharedClock.recover(this.opts.clock, slot.ownerId);
        if (!slot.ready) return reject(new Error("a query worker exited while starting"));
        const job = slot.job;
        slot.job = null;
        if (job) this.finish(job, { failed: "crashed", outOfMemory: false, message: "the query worker exited" });
        this.replace();
      });
    });
  }

  private replace(): void {
    if (this.closed) return;
    this.replacements++;
    this.spawn().catch(() => {
      // A worker that cannot start now may start later; keep serving with the others.
      if (this.slots.size === 0) setTimeout(() => this.replace(), 500).unref();
    });
  }

  /** Times a job out at its deadline (plus grace), queued or running. */
  private arm(job: Job): void {
    const delay = Math.max(0, job.deadline - Date.now()) + (this.opts.graceMs ?? 50);
    job.timer = setTimeout(() => this.expire(job), delay);
  }

  private expire(job: Job): void {
    if (this.queue.remove(job)) return this.finish(job, { failed: "timeout" });
    for (const slot of this.slots) {
      if (slot.job !== job) continue;
      // A worker in the middle of COMMIT is let finish: its answer tells what happened.
      if (SharedClock.isCommitting(this.opts.clock, slot.ownerId)) {
        job.timer = setTimeout(() => this.expire(job), 10);
        return;
      }
      slot.job = null;
      slot.retired = true;
      this.finish(job, { failed: "timeout" });
      // Its transaction never commits: a terminated thread's connection rolls it back.
      void slot.worker.terminate();
    }
  }

  private finish(job: Job, result: unknown): void {
    clearTimeout(job.timer);
    clearTimeout(job.nudge);
    if (job.startedAt > 0) {
      const ms = performance.now() - job.startedAt;
      const seen = this.kinds.get(job.kind);
      this.kinds.set(
        job.kind,
        seen ? { avgMs: seen.avgMs + 0.3 * (ms - seen.avgMs), runs: seen.runs + 1 } : { avgMs: ms, runs: 1 },
      );
    }
    job.settle(result);
  }

  /**
   * Whether this kind of job has been slow lately (see PoolOptions.slowJobMs). First runs
   * (cold code and caches) do not decide it alone.
   */
  isSlow(kind: string): boolean {
    const seen = this.kinds.get(kind);
    return seen !== undefined && seen.runs >= 3 && seen.avgMs >= (this.opts.slowJobMs ?? SLOW_JOB_MS);
  }

  /**
   * Whether `job` may take the last idle worker: quick kinds always; slow ones only once they
   * have waited half of their time budget (so a slow job is delayed, never starved).
   */
  private mayTakeLast(job: Job, now: number): boolean {
    return !this.isSlow(job.kind) || job.nudged === true || now - job.queuedAt >= (job.deadline - job.queuedAt) / 2;
  }

  private dispatch(): void {
    const usable = (slot: Slot) => slot.ready && !slot.retired;
    for (const slot of this.slots) {
      if (this.queue.size === 0) return;
      if (!usable(slot) || slot.job) continue;
      let idle = 0;
      let workers = 0;
      for (const s of this.slots) {
        if (!usable(s)) continue;
        workers++;
        if (!s.job) idle++;
      }
      // The last idle worker is kept for callers whose jobs are quick.
      const reserve = workers >= 2 && idle === 1;
      const now = Date.now();
      const job = this.queue.shift((next) => !reserve || this.mayTakeLast(next, now));
      if (!job) return;
      slot.job = job;
      job.startedAt = performance.now();
      slot.worker.postMessage({ id: job.id, payload: job.payload, slow: this.isSlow(job.kind) }, job.transfer);
    }
  }
}

export const isPoolFailure = (r: unknown): r is PoolFailure =>
  typeof r === "object" &&
  r !== null &&
  "failed" in r &&
  ((r as PoolFailure).failed === "timeout" || (r as PoolFailure).failed === "crashed");
