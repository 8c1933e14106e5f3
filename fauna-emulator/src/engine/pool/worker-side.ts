// The worker half of WorkerPool: set up once (open the store, build the engine), announce
// readiness, then answer one job at a time. A handler reports failures in its result; a
// throw here would only kill the worker.
import { parentPort, threadId, workerData } from "node:worker_threads";
import { SharedClock } from "./clock.js";

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
  port.on("message", (msg: { id: number; payload: unknown }) => {
    // One job at a time: the pool sends the next only after this answer.
    void Promise.resolve(handle(msg.payload)).then((result) => port.postMessage({ id: msg.id, result }));
  });
  port.postMessage({ ready: true });
}
