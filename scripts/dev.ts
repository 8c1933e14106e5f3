// npm run dev — local Fauna (unless FAUNA_ENDPOINT is set) + db:setup + a local mail
// catcher (unless SMTP_URL is set) + `next dev`, as one process tree that Ctrl-C stops
// as a whole.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { DEFAULT_LOCAL_PORT, faunaSettings } from "./lib/fauna-settings.ts";
import { startLocalEmulator, waitForFauna, type RunningEmulator } from "./lib/local-emulator.ts";
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher.ts";
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

  let mailCatcher: MailCatcher | undefined;
  const stopEmulator = async () => {
    await emulator?.close();
    emulator = undefined;
    await mailCatcher?.close();
    mailCatcher = undefined;
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

  // Mail (password reset, email verification) goes to SMTP_URL; without one, to a
  // local catcher whose inbox is a web page.
  let smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    log("sending mail through SMTP_URL");
  } else {
    try {
      mailCatcher = await startMailCatcher();
    } catch (error) {
      await stopEmulator();
      throw error;
    }
    smtpUrl = mailCatcher.smtpUrl;
    log(`mail is caught locally: read it at ${mailCatcher.webUrl}`);
  }
  // Links in mails point at APP_URL; by default wherever `next dev` listens.
  const appUrl = process.env.APP_URL || `http://localhost:${devPort(process.argv.slice(2))}`;

  // The app gets the endpoint; never the admin secret (it reads FAUNA_SECRET from .env.local).
  const { FAUNA_ROOT_SECRET: _adminSecret, ...appEnv } = process.env;
  const next = spawn(resolve("node_modules", ".bin", "next"), ["dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...appEnv, FAUNA_ENDPOINT: endpoint, SMTP_URL: smtpUrl, APP_URL: appUrl },
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

/** The port `next dev` will listen on: `--port N`, `-p N`, PORT, or 3000. */
function devPort(args: string[]): string {
  const flag = args.findIndex((arg) => arg === "--port" || arg === "-p");
  const inline = args.find((arg) => arg.startsWith("--port="))?.slice("--port=".length);
  return (flag >= 0 ? args[flag + 1] : inline) || process.env.PORT || "3000";
}

main().catch((error: unknown) => {
  console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
