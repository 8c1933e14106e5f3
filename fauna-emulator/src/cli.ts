#!/usr/bin/env -S npx tsx
// `npm run emulator -- --port 8443 --data-dir .fauna-data [--host 127.0.0.1] [--memory]`
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { startEmulator } from "./index.js";

const USAGE = `Usage: fauna-emulator [--port 8443] [--host 127.0.0.1] [--data-dir .fauna-data | --memory] [--workers N]
Queries run on N worker threads (default: one per core; 0 runs them on the main thread).
Root secret: FAUNA_ROOT_SECRET (default "secret").`;

function fail(message: string): never {
  console.error(`fauna-emulator: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: "8443" },
      host: { type: "string", default: "127.0.0.1" },
      "data-dir": { type: "string", default: ".fauna-data" },
      memory: { type: "boolean", default: false },
      workers: { type: "string", default: String(availableParallelism()) },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port}`);
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 0 || workers > 64) fail(`invalid --workers ${values.workers}`);

try {
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values.memory ? null : values["data-dir"],
    workers,
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (e) => {
        console.error(`fauna-emulator: error while closing on ${signal}:`, e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  // Announce readiness only once the signal handlers are in place.
  console.log(`listening on ${emulator.url}`);
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
