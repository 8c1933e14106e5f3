// Public API of the emulator package: start a Fauna-compatible server in-process.
import { FaunaEngine } from "./engine/index.js";
import { openStore } from "./store/index.js";
import { createHttpServer } from "./wire/index.js";

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 8443. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Data directory (created if missing); null keeps everything in memory. */
  dataDir?: string | null;
  /** The root (admin) secret. Default `FAUNA_ROOT_SECRET` or "secret". */
  rootSecret?: string;
}

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:8443 */
  url: string;
  port: number;
  rootSecret: string;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? "127.0.0.1";
  const rootSecret = opts.rootSecret ?? process.env.FAUNA_ROOT_SECRET ?? "secret";
  const store = openStore({ dir: opts.dataDir ?? null });
  const engine = new FaunaEngine(store, { rootSecret });
  const server = createHttpServer(engine);
  let port: number;
  try {
    port = await server.listen(opts.port ?? 8443, host);
  } catch (e) {
    store.close();
    throw e;
  }
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    rootSecret,
    close() {
      closed ??= server.close().finally(() => store.close());
      return closed;
    },
  };
}

export { FaunaEngine } from "./engine/index.js";
export { openStore } from "./store/index.js";
export { applySchema, readSchemaDir } from "./schema-push.js";
