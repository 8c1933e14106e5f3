// A pool of worker threads, each running one job at a time. A job still running at its
// deadline is not waited for: its worker is terminated (whatever it was doing — a regex, a
// huge range, deep recursion) and replaced, so one runaway query never delays the others.
import { Worker, type Transferable } from "node:worker_threads";
import { SharedClock } from "./clock.js";
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
}

interface Job {
  id: number;
  payload: unknown;
  transfer: Transferable[];
  deadline: number;
  settle(result: unknown): void;
  timer?: NodeJS.Timeout;
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
  run<T>(payload: unknown, deadline: number, lane = "", transfer: Transferable[] = []): Promise<T | PoolFailure> {
    if (this.closed)
      return Promise.resolve({ failed: "crashed", outOfMemory: false, message: "the server is shutting down" });
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, payload, transfer, deadline, settle: resolve as (r: unknown) => void };
      this.queue.push(job, lane);
      this.arm(job);
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
    job.settle(result);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.size === 0) return;
      if (!slot.ready || slot.retired || slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, payload: job.payload }, job.transfer);
    }
  }
}

export const isPoolFailure = (r: unknown): r is PoolFailure =>
  typeof r === "object" &&
  r !== null &&
  "failed" in r &&
  ((r as PoolFailure).failed === "timeout" || (r as PoolFailure).failed === "crashed");
