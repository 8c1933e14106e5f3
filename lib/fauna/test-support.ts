// Test-only: a fresh in-memory local Fauna with schema, catalog and app key, wired
// into process.env the way the app reads it. Not imported by the app.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client, fql } from "fauna";
import { readEnvFile } from "../../scripts/lib/env-file.ts";
import { startLocalEmulator } from "../../scripts/lib/local-emulator.ts";
import { setupDatabase } from "../../scripts/lib/setup-database.ts";

export type TestFauna = {
  endpoint: string;
  admin: Client;
  close(): Promise<void>;
};

export async function startTestFauna(): Promise<TestFauna> {
  process.env.FAUNA_ROOT_SECRET ||= "secret";
  const adminSecret = process.env.FAUNA_ROOT_SECRET;
  // Worker threads, as the real server runs: concurrent tests race for real.
  const emulator = await startLocalEmulator({ port: 0, dataDir: null, workers: 2 });
  const dir = mkdtempSync(join(tmpdir(), "storefront-unit-"));
  const envFile = join(dir, ".env.test");
  await setupDatabase({ endpoint: emulator.url, adminSecret, schemaDir: resolve("schema"), envFile });

  process.env.FAUNA_ENDPOINT = emulator.url;
  process.env.FAUNA_SECRET = readEnvFile(envFile).FAUNA_SECRET;
  const admin = new Client({ endpoint: new URL(emulator.url), secret: adminSecret });
  return {
    endpoint: emulator.url,
    admin,
    async close() {
      admin.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
export const uniqueEmail = (label: string) => `${label}-${process.pid}-${Date.now()}-${++counter}@example.com`;

let clientCounter = 0;
/** A client with an address no other call uses, so per-address limits only bite where a test wants them. */
export const testClient = (device = "Test browser") => {
  const n = ++clientCounter;
  return { ip: `10.${process.pid % 256}.${Math.floor(n / 256) % 256}.${n % 256}`, device };
};

/** Deletes every token of a customer behind the app's back, as an operator could. */
export async function deleteTokensOf(admin: Client, email: string) {
  await admin.query(fql`Token.byDocument(Customer.byEmail(${email}).first()!).forEach(.delete())`);
}
