#!/usr/bin/env -S npx tsx
// `npm run emulator -- [options]` serves; `npm run emulator -- backup <file>` snapshots.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { backupDatabase, restoreDatabase, startEmulator } from "./index.js";

const USAGE = `Usage:
  fauna-emulator [--port 8443] [--host 127.0.0.1] [--data-dir .fauna-data | --memory] [--workers N]
                 [--root-secret-file FILE] [--tls-cert FILE --tls-key FILE] [--log] [--restore FILE]
  fauna-emulator backup FILE [--data-dir .fauna-data]

Queries run on N worker threads (default: one per core; 0 runs them on the main thread).
Root secret: --root-secret-file, else FAUNA_ROOT_SECRET, else "secret" (loopback hosts only).
--tls-cert/--tls-key serve HTTPS (HTTP/2 via ALPN, HTTP/1.1 fallback).
--log prints one JSON line per request (method, route, status, ms; never a secret).
backup writes a consistent snapshot of a data directory while the server keeps serving;
--restore FILE starts an empty --data-dir from such a snapshot.`;

function fail(message: string): never {
  console.error(`fauna-emulator: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: "string", default: "8443" },
      host: { type: "string", default: "127.0.0.1" },
      "data-dir": { type: "string", default: ".fauna-data" },
      memory: { type: "boolean", default: false },
      workers: { type: "string", default: String(availableParallelism()) },
      "root-secret-file": { type: "string" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      log: { type: "boolean", default: false },
      restore: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

if (positionals[0] === "backup") {
  const file = positionals[1];
  if (!file || positionals.length > 2) fail("backup takes one FILE");
  try {
    backupDatabase(values["data-dir"], file);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  console.log(`backed up ${values["data-dir"]} to ${file}`);
  process.exit(0);
}
if (positionals.length > 0) fail(`unknown command ${positionals[0]}`);

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port}`);
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 0 || workers > 64) fail(`invalid --workers ${values.workers}`);
if (Boolean(values["tls-cert"]) !== Boolean(values["tls-key"])) fail("--tls-cert and --tls-key go together");
if (values.restore && values.memory) fail("--restore needs a --data-dir");

const readFile = (flag: string, path: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (e) {
    fail(`cannot read ${flag} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
};

try {
  const rootSecret = values["root-secret-file"]
    ? readFile("--root-secret-file", values["root-secret-file"]).toString("utf8").trim()
    : undefined;
  if (rootSecret === "") fail("--root-secret-file is empty");
  if (values.restore) {
    restoreDatabase(values.restore, values["data-dir"]);
    console.log(`restored ${values["data-dir"]} from ${values.restore}`);
  }
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values.memory ? null : values["data-dir"],
    workers,
    ...(rootSecret ? { rootSecret } : {}),
    ...(values["tls-cert"] && values["tls-key"]
      ? { tls: { cert: readFile("--tls-cert", values["tls-cert"]), key: readFile("--tls-key", values["tls-key"]) } }
      : {}),
    ...(values.log
      ? { onRequest: (entry) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry })) }
      : {}),
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
