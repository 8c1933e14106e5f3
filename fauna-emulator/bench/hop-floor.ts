// The local Fauna's own HTTP server with the engine taken out, as its own process: every query
// is answered with one recorded response, either from a worker of the same pool the local Fauna
// uses (`worker`: the HTTP layer and the trip to a worker and back) or on the HTTP thread
// (`thread`: the HTTP layer alone). bench/load.ts compares both with the bare server, which
// tells what of the gap is the engine and what is the design.
//   tsx bench/hop-floor.ts worker|thread '<response body>'
import { availableParallelism } from "node:os";
import { argv } from "node:process";
import { SharedClock } from "../src/engine/pool/clock.js";
import { WorkerPool } from "../src/engine/pool/worker-pool.js";
import { DEFAULT_WORKER_MEMORY_MB, poolDispatch } from "../src/index.js";
import { createHttpServer, type ApiResponse, type Dispatch } from "../src/wire/index.js";

const [mode, body = ""] = argv.slice(2);
const response: ApiResponse = {
  status: 200,
  headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  body,
};
let dispatch: Dispatch;
if (mode === "worker") {
  const pool = await WorkerPool.start({
    entry: new URL("./canned-worker.mjs", import.meta.url),
    size: availableParallelism(),
    init: response,
    clock: SharedClock.allocate(0n, 0n),
    memoryMb: DEFAULT_WORKER_MEMORY_MB,
  });
  dispatch = poolDispatch(pool, DEFAULT_WORKER_MEMORY_MB);
} else if (mode === "thread") {
  dispatch = async () => response;
} else {
  throw new Error("usage: hop-floor.ts worker|thread '<response body>'");
}
const server = createHttpServer(dispatch);
const port = await server.listen(0, "127.0.0.1");
console.log(`listening on http://127.0.0.1:${port}`);
// Ctrl-C exits through process.exit, so a `node --cpu-prof` run of this file writes its profile.
process.on("SIGINT", () => process.exit(0));
