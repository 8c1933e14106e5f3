// Playwright's webServer: a local Fauna on a temporary data dir and a free port,
// db:setup against it, a mail catcher on free ports, `next build`, then `next start`.
// SIGTERM tears it all down.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readEnvFile } from "../../scripts/lib/env-file.ts";
import { startLocalEmulator, type RunningEmulator } from "../../scripts/lib/local-emulator.ts";
import { startMailCatcher, type MailCatcher } from "../../scripts/lib/mail-catcher.ts";
import { setupDatabase } from "../../scripts/lib/setup-database.ts";
import { appEnv } from "./app-env.ts";
import { appPort, stateFile, type StackState } from "./config.ts";

const log = (line: string) => console.log(`[e2e stack] ${line}`);
const nextBin = resolve("node_modules", ".bin", "next");

let emulator: RunningEmulator | undefined;
let mailCatcher: MailCatcher | undefined;
let app: ChildProcess | undefined;
const tempDirs: string[] = [];

async function main() {
  // A random admin secret, so the secret scan cannot pass by accident.
  const rootSecret = `e2e-root-${randomBytes(12).toString("hex")}`;
  process.env.FAUNA_ROOT_SECRET = rootSecret;

  const dataDir = mkdtempSync(join(tmpdir(), "storefront-e2e-fauna-"));
  const workDir = mkdtempSync(join(tmpdir(), "storefront-e2e-env-"));
  tempDirs.push(dataDir, workDir);
  emulator = await startLocalEmulator({ port: 0, dataDir, workers: availableParallelism() });
  log(`local Fauna on ${emulator.url} (data in ${dataDir})`);

  const envFile = join(workDir, ".env.e2e");
  await setupDatabase({ endpoint: emulator.url, adminSecret: rootSecret, schemaDir: resolve("schema"), envFile, log });
  const faunaSecret = readEnvFile(envFile).FAUNA_SECRET;
  if (!faunaSecret) throw new Error("db:setup wrote no FAUNA_SECRET");
  mailCatcher = await startMailCatcher();
  log(`mail catcher: SMTP ${mailCatcher.smtpUrl}, inbox ${mailCatcher.webUrl}`);

  const state: StackState = {
    faunaEndpoint: emulator.url,
    rootSecret,
    faunaSecret,
    sessionPassword: randomBytes(32).toString("base64url"),
    serverLog: join(workDir, "next-start.log"),
    smtpUrl: mailCatcher.smtpUrl,
    mailWebUrl: mailCatcher.webUrl,
    appUrl: `http://localhost:${appPort()}`,
  };
  writeFileSync(stateFile(), JSON.stringify(state), { mode: 0o600 });

  const env = appEnv(state);

  if (process.env.E2E_SKIP_BUILD) log("E2E_SKIP_BUILD set: using the existing .next build");
  else await run(nextBin, ["build"], env);

  const server = spawn(nextBin, ["start", "--port", String(appPort()), "--hostname", "localhost"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  app = server;
  // Everything the app logs goes to the terminal and to a file the specs scan for secrets.
  const serverLog = createWriteStream(state.serverLog, { flags: "a" });
  server.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    serverLog.write(chunk);
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    serverLog.write(chunk);
  });
  server.on("exit", (code) => {
    log(`next start exited (${code})`);
    void shutdown(code ?? 1);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    app = child;
    child.on("exit", (code) => {
      app = undefined;
      if (code === 0) resolvePromise();
      else reject(new Error(`${args.join(" ")} failed (${code})`));
    });
  });
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (app && app.exitCode === null) app.kill("SIGTERM");
  await emulator?.close();
  await mailCatcher?.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  rmSync(stateFile(), { force: true });
  process.exit(code);
}

process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));

main().catch((error: unknown) => {
  console.error(`[e2e stack] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
