// A pool worker that answers every request with one recorded response and runs no engine:
// what is left is the cost of the trip from the HTTP thread to a worker and back
// (bench/hop-floor.ts).
import { serveJobs } from "../src/engine/pool/worker-side.js";
import type { ApiResponse } from "../src/wire/index.js";

await serveJobs((init) => {
  const response = init as ApiResponse;
  return () => response;
});
