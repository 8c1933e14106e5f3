// A query worker: its own SQLite connection and engine on the shared database file, answering
// API requests the main thread forwards (see engine/pool/worker-pool.ts).
import { FaunaEngine } from "./engine/index.js";
import { serveJobs } from "./engine/pool/worker-side.js";
import { openStore } from "./store/index.js";
import { handleApi, type ApiRequest } from "./wire/index.js";

export interface WorkerInit {
  dataDir: string;
  rootSecret: string;
  maxBodyBytes: number;
}

await serveJobs((init, clock) => {
  const { dataDir, rootSecret, maxBodyBytes } = init as WorkerInit;
  const engine = new FaunaEngine(openStore({ dir: dataDir }), { rootSecret, clock });
  return (payload) => handleApi(engine, payload as ApiRequest, maxBodyBytes);
});
