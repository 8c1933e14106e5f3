// A second `next start` of the stack's build, for specs that change what the app
// talks to (e.g. a Fauna they can cut) without disturbing the specs sharing the stack.
import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { appEnv } from "./app-env";
import { readStackState } from "./config";

export type ExtraApp = {
  url: string;
  /** Everything the app wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "localhost", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

export async function startExtraApp(overrides: Record<string, string>): Promise<ExtraApp> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(
    resolve("node_modules", ".bin", "next"),
    ["start", "--port", String(port), "--hostname", "localhost"],
    {
      env: appEnv(readStackState(), overrides),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer on ${url}:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { url, output: () => output, stop };
}
