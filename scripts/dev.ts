// npm run dev — local Fauna (unless FAUNA_ENDPOINT is set) + db:setup + `next dev`,
// as one process tree that Ctrl-C stops as a whole.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { DEFAULT_LOCAL_PORT, faunaSettings } from "./lib/fauna-settings.ts";
import { startLocalEmulator, waitForFauna, type RunningEmulator } from "./lib/local-emulator.ts";
import { ensureSessionPassword } from "./lib/session-password.ts";
import { setupDatabase } from "./lib/setup-database.ts";
import { availableParallelism } from "node:os";

const log = (line: string) => console.log(`[dev] ${line}`);

async function main() {
  const envFile = resolve(".env.local");
  if (ensureSessionPassword(envFile) === "created") log(`SESSION_PASSWORD generated into ${envFile}`);

  let emulator: RunningEmulator | undefined;
  let endpoint = process.env.FAUNA_ENDPOINT;
  if (endpoint) {
    log(`using the Fauna at ${endpoint}`);
    await waitForFauna(endpoint);
  } else {
    process.env.FAUNA_ROOT_SECRET ||= faunaSettings().adminSecret;
    const port = Number(process.env.FAUNA_PORT ?? DEFAULT_LOCAL_PORT);
    emulator = await startLocalEmulator({ port, dataDir: resolve(".fauna-data"), workers: availableParallelism() });
    endpoint = emulator.url;
    log(`local Fauna on ${endpoint} (data in .fauna-data/)`);
  }

  const stopEmulator = async () => {
    await emulator?.close();
    emulator = undefined;
  };

  try {
    await setupDatabase({
      endpoint,
      adminSecret: faunaSettings().adminSecret,
      schemaDir: resolve("schema"),
      envFile,
      log: (line) => log(`db:setup ${line}`),
    });
  } catch (error) {
    await stopEmulator();
    throw error;
  }

  // The app gets the endpoint; never the admin secret (it reads FAUNA_SECRET from .env.local).
  const { FAUNA_ROOT_SECRET: _adminSecret, ...appEnv } = process.env;
  const next = spawn(resolve("node_modules", ".bin", "next"), ["dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...appEnv, FAUNA_ENDPOINT: endpoint },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    if (next.exitCode === null) next.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  next.on("exit", async (code, signal) => {
    await stopEmulator();
    process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
