// Public API of the emulator package: start a Fauna-compatible server, its queries running on
// this thread or on a pool of worker threads.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FaunaEngine } from "./engine/index.js";
import { SharedClock } from "./engine/pool/clock.js";
import { fingerprint } from "./engine/pool/fingerprint.js";
import { isPoolFailure, WorkerPool } from "./engine/pool/worker-pool.js";
import { openStore } from "./store/index.js";
import {
  createHttpServer,
  DEFAULT_MAX_BODY_BYTES,
  deadlineOf,
  failureResponse,
  type AccessLogEntry,
  type ApiRequest,
  type ApiResponse,
  type Dispatch,
} from "./wire/index.js";

/** Heap per worker thread (MB): a query that needs more fails alone. */
export const DEFAULT_WORKER_MEMORY_MB = 384;

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 8443. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Data directory (created if missing); null keeps everything in memory. */
  dataDir?: string | null;
  /** The root (admin) secret. Default `FAUNA_ROOT_SECRET` or "secret". */
  rootSecret?: string;
  /**
   * Worker threads running queries; 0 (the default here) runs them on this thread. With
   * workers, a query past its deadline is cut off and `dataDir: null` uses a temporary file.
   */
  workers?: number;
  /** Heap limit per worker thread, MB. */
  workerMemoryMb?: number;
  /** Serve HTTPS (HTTP/2 via ALPN, HTTP/1.1 fallback) with this PEM certificate and key. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Called once per finished request (method, route, status, ms: never a secret). */
  onRequest?: (entry: AccessLogEntry) => void;
}

/** The root secret everyone knows: only ever acceptable on this machine's loopback. */
export const DEFAULT_ROOT_SECRET = "secret";

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:8443 */
  url: string;
  port: number;
  rootSecret: string;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? "127.0.0.1";
  // An empty FAUNA_ROOT_SECRET counts as unset: an empty secret is no secret.
  const rootSecret = opts.rootSecret || process.env.FAUNA_ROOT_SECRET || DEFAULT_ROOT_SECRET;
  if (!isLoopback(host) && rootSecret === DEFAULT_ROOT_SECRET) {
    throw new Error(
      `refusing to listen on ${host} with the default root secret "${DEFAULT_ROOT_SECRET}": anyone who can reach it would be admin. ` +
        "Set FAUNA_ROOT_SECRET or --root-secret-file, or bind 127.0.0.1.",
    );
  }
  const workers = opts.workers ?? 0;
  const backend =
    workers > 0
      ? await startPool(opts.dataDir ?? null, rootSecret, workers, opts.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB)
      : startInProcess(opts.dataDir ?? null, rootSecret);
  const server = createHttpServer(backend.target, {
    ...(opts.tls ? { tls: opts.tls } : {}),
    ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
  });
  let port: number;
  try {
    port = await server.listen(opts.port ?? 8443, host);
  } catch (e) {
    await backend.close();
    throw e;
  }
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closed: Promise<void> | null = null;
  return {
    url: `${opts.tls ? "https" : "http"}://${shownHost}:${port}`,
    port,
    rootSecret,
    close() {
      closed ??= server.close().finally(() => backend.close());
      return closed;
    },
  };
}

interface Backend {
  target: FaunaEngine | Dispatch;
  close(): Promise<void>;
}

function startInProcess(dataDir: string | null, rootSecret: string): Backend {
  const store = openStore({ dir: dataDir });
  return { target: new FaunaEngine(store, { rootSecret }), close: async () => store.close() };
}

/** Callers take turns for the workers: one lane per secret (fingerprinted: no secret kept as a key). */
function laneOf(authorization: string | undefined): string {
  const secret = (authorization ?? "").replace(/^Bearer\s+/i, "").split(":")[0] ?? "";
  return fingerprint(secret);
}

/** Request bodies up to this size are read on the main thread to tell what kind of query they hold. */
const KIND_BODY_MAX = 16 * 1024;

/**
 * What kind of work a request is, for the pool's run-time statistics: a query's text with its
 * arguments left out (a log-in is a log-in whoever logs in), fingerprinted. Big bodies are not parsed here.
 */
export function kindOf(req: ApiRequest): string {
  if (!req.url.startsWith("/query/1")) return `schema ${req.url.split("?")[0]}`;
  if (req.body.length > KIND_BODY_MAX) return "query (large)";
  let shape: string;
  try {
    const query = (JSON.parse(Buffer.from(req.body).toString("utf8")) as { query?: unknown }).query;
    shape = typeof query === "string" ? query : JSON.stringify(query, (k, v: unknown) => (k === "value" ? "?" : v));
  } catch {
    return "query (unreadable)";
  }
  return fingerprint(shape);
}

/** A scratch database for `--memory` with workers (threads cannot share an in-memory SQLite). */
function scratchDir(): string {
  return mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "fauna-emulator-"));
}

async function startPool(
  dataDir: string | null,
  rootSecret: string,
  workers: number,
  memoryMb: number,
): Promise<Backend> {
  const dir = dataDir ?? scratchDir();
  const removeScratch = () => (dataDir === null ? rmSync(dir, { recursive: true, force: true }) : undefined);
  // Create or migrate the file once, before any worker opens it; start the clock after it.
  const store = openStore({ dir });
  const clock = SharedClock.allocate(
    BigInt(store.getMeta("last_txn_ts") ?? "0"),
    BigInt(store.getMeta("last_id") ?? "0"),
  );
  store.close();
  let pool: WorkerPool;
  try {
    pool = await WorkerPool.start({
      entry: new URL("./worker.mjs", import.meta.url),
      size: workers,
      init: { dataDir: dir, rootSecret, maxBodyBytes: DEFAULT_MAX_BODY_BYTES },
      clock,
      memoryMb,
    });
  } catch (e) {
    removeScratch();
    throw e;
  }
  return {
    target: poolDispatch(pool, memoryMb),
    close: async () => {
      await pool.close();
      removeScratch();
    },
  };
}

/**
 * Sends each request to a worker of `pool` and maps a worker's failure (deadline, out of
 * memory, crash) to Fauna's answer. Exported for the bench, which measures this path with a
 * worker that answers without an engine.
 */
export function poolDispatch(pool: WorkerPool, memoryMb: number): Dispatch {
  return async (req) => {
    const result = await pool.run<ApiResponse>(req, deadlineOf(req), laneOf(req.headers.authorization), kindOf(req));
    if (!isPoolFailure(result)) return result;
    if (result.failed === "timeout") return failureResponse(req, "timeout");
    return failureResponse(req, result.outOfMemory ? "out_of_memory" : "crashed", memoryMb);
  };
}

export { FaunaEngine } from "./engine/index.js";
export { backupDatabase, openStore, restoreDatabase } from "./store/index.js";
export { applySchema, readSchemaDir } from "./schema-push.js";
