// The worker half of WorkerPool: set up once (open the store, build the engine), announce
// readiness, then answer one job at a time. A handler reports failures in its result; a
// throw here would only kill the worker.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, threadId, workerData } from "node:worker_threads";
import { SharedClock } from "./clock.js";

/** Scheduler niceness of a worker while it runs a slow kind of job (a log-in's bcrypt). */
const SLOW_JOB_NICENESS = 19;

/**
 * Lowers (or restores) this thread's CPU priority. On a machine with fewer cores than busy
 * threads, a worker hashing passwords would otherwise take its full share from the quick
 * reads beside it. Linux only (a thread id from /proc), and only where this thread may raise
 * its priority again (root, or a nice limit that allows it; probed once): a worker that could
 * only lower it would run every later job at the lowest priority. Anywhere else jobs simply
 * run at the process's priority (one step lower where the probe could not raise it back).
 */
function prioritizer(): (slow: boolean) => void {
  let tid: number;
  try {
    tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid)) return () => {};
    setPriority(tid, 1);
    setPriority(tid, 0);
  } catch {
    return () => {};
  }
  let niced = false;
  return (slow) => {
    if (slow === niced) return;
    try {
      setPriority(tid, slow ? SLOW_JOB_NICENESS : 0);
      niced = slow;
    } catch {
      // Refused after all (the limit changed): this job runs at the priority the thread has.
    }
  };
}

export type JobHandler = (payload: unknown) => unknown;

/** Runs inside a pool worker: `setup` gets the pool's `init` and this thread's clock. */
export async function serveJobs(
  setup: (init: unknown, clock: SharedClock) => JobHandler | Promise<JobHandler>,
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("serveJobs() runs inside a worker thread");
  const data = workerData as { init: unknown; clock: SharedArrayBuffer };
  let handle: JobHandler;
  try {
    handle = await setup(data.init, new SharedClock(data.clock, threadId + 1));
  } catch (e) {
    port.postMessage({ ready: false, error: e instanceof Error ? e.message : String(e) });
    return;
  }
  const prioritize = prioritizer();
  port.on("message", (msg: { id: number; payload: unknown; slow?: boolean }) => {
    prioritize(msg.slow === true);
    // One job at a time: the pool sends the next only after this answer.
    void Promise.resolve(handle(msg.payload)).then((result) => port.postMessage({ id: msg.id, result }));
  });
  port.postMessage({ ready: true });
}
