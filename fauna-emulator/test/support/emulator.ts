// Shared set-up for conformance tests: an in-memory emulator with the shop schema, driven
// through the official `fauna` driver exactly as an application would.
import { Client, type Query, type QueryOptions, type QueryValue } from "fauna";
import { applySchema, readSchemaDir, startEmulator, type RunningEmulator } from "../../src/index.js";
import { SHOP_SCHEMA } from "./fixtures.js";

export interface TestDb {
  emu: RunningEmulator;
  url: string;
  admin: Client;
  client(secret: string): Client;
  close(): Promise<void>;
}

/** Pushes inline FSL files (name → text) as one active schema update; throws on refusal. */
export async function pushFiles(url: string, files: Record<string, string>): Promise<void> {
  const form = new FormData();
  for (const [name, text] of Object.entries(files)) form.append(name, new Blob([text]), "blob");
  const res = await fetch(`${url}/schema/1/update?staged=false`, {
    method: "POST",
    headers: { authorization: "Bearer secret" },
    body: form,
  });
  if (res.status !== 200) throw new Error(`schema push failed (${res.status}): ${await res.text()}`);
}

/**
 * An in-memory emulator (or one on `dataDir`) with the shop schema, the schema in `schemaDir`
 * (several folders are pushed as one schema), the inline `files`, or nothing (`schemaDir: null`).
 */
export async function startDb(
  opts: {
    schemaDir?: string | string[] | null;
    dataDir?: string | null;
    files?: Record<string, string>;
    workers?: number;
  } = {},
): Promise<TestDb> {
  const emu = await startEmulator({
    port: 0,
    dataDir: opts.dataDir ?? null,
    rootSecret: "secret",
    workers: opts.workers ?? 0,
  });
  const schemaDir = opts.schemaDir === undefined && !opts.files ? SHOP_SCHEMA : opts.schemaDir;
  try {
    if (typeof schemaDir === "string") await applySchema(schemaDir, { url: emu.url, secret: "secret" });
    else if (schemaDir)
      await pushFiles(emu.url, Object.fromEntries(schemaDir.flatMap((dir) => [...readSchemaDir(dir)])));
    if (opts.files) await pushFiles(emu.url, opts.files);
  } catch (e) {
    await emu.close(); // a refused schema must not leave a server keeping the test process alive
    throw e;
  }
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

/**
 * Run time behaviour of a query a typechecked Fauna refuses before running it: sent with
 * typechecking off, as the core's own specs do (`typecheck = false` in FQL2Spec).
 */
export const UNTYPED: QueryOptions = { typecheck: false };

/** Runs a query and returns its data. */
export async function run<T = QueryValue>(c: Client, q: Query, options?: QueryOptions): Promise<T> {
  return (await c.query(q, options)).data as T;
}

/** Runs a query that must fail; returns the error for assertions. */
export async function fails(
  c: Client,
  q: Query,
  options?: QueryOptions,
): Promise<
  Error & { code?: string; httpStatus?: number; constraint_failures?: unknown; queryInfo?: { summary?: string } }
> {
  try {
    await c.query(q, options);
  } catch (e) {
    return e as Error & { code?: string; httpStatus?: number };
  }
  throw new Error("expected the query to fail, but it succeeded");
}
