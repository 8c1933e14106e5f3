// Shared set-up for conformance tests: an in-memory emulator with the shop schema, driven
// through the official `fauna` driver exactly as an application would.
import { Client, type Query, type QueryValue } from "fauna";
import { fileURLToPath } from "node:url";
import { applySchema, startEmulator, type RunningEmulator } from "../src/index.js";

export const SHOP_SCHEMA = fileURLToPath(new URL("./fixtures/shop", import.meta.url));

export interface TestDb {
  emu: RunningEmulator;
  url: string;
  admin: Client;
  client(secret: string): Client;
  close(): Promise<void>;
}

export async function startDb(opts: { schemaDir?: string | null; dataDir?: string | null } = {}): Promise<TestDb> {
  const emu = await startEmulator({ port: 0, dataDir: opts.dataDir ?? null, rootSecret: "secret" });
  const schemaDir = opts.schemaDir === undefined ? SHOP_SCHEMA : opts.schemaDir;
  if (schemaDir) await applySchema(schemaDir, { url: emu.url, secret: "secret" });
  const clients: Client[] = [];
  const client = (secret: string) => {
    const c = new Client({ endpoint: new URL(emu.url), secret, http2_session_idle_ms: 500 });
    clients.push(c);
    return c;
  };
  const admin = client("secret");
  return {
    emu,
    url: emu.url,
    admin,
    client,
    async close() {
      for (const c of clients) c.close();
      await emu.close();
    },
  };
}

/** Runs a query and returns its data. */
export async function run<T = QueryValue>(c: Client, q: Query): Promise<T> {
  return (await c.query(q)).data as T;
}

/** Runs a query that must fail; returns the error for assertions. */
export async function fails(c: Client, q: Query): Promise<Error & { code?: string; httpStatus?: number; constraint_failures?: unknown; queryInfo?: { summary?: string } }> {
  try {
    await c.query(q);
  } catch (e) {
    return e as Error & { code?: string; httpStatus?: number };
  }
  throw new Error("expected the query to fail, but it succeeded");
}
