// npm run db:setup — push schema/, seed the demo catalog, create the unauthenticated key.
import { resolve } from "node:path";
import { faunaSettings } from "./lib/fauna-settings.ts";
import { setupDatabase } from "./lib/setup-database.ts";

async function main() {
  const { endpoint, adminSecret } = faunaSettings();
  try {
    await setupDatabase({
      endpoint,
      adminSecret,
      schemaDir: resolve("schema"),
      envFile: resolve(process.env.ENV_FILE ?? ".env.local"),
      log: (line) => console.log(`[db:setup] ${line}`),
    });
  } catch (error) {
    console.error(`[db:setup] failed against ${endpoint}: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}

void main();
