// The emulator's command line as its own process (`npm run emulator` runs the same file), for
// tests of what only a process shows: flags, signals, kill -9, a public bind.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));

export interface RunningCli {
  proc: ChildProcess;
  /** The URL of its one ready line ("listening on …"). */
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/** Starts the CLI with `args` and waits (20 s at most) for its ready line. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningCli> {
  const proc = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    // Without the test runner's marker, or node would treat the server as a test file.
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const collect = (d: Buffer) => (out += d.toString());
  proc.stdout.on("data", collect);
  proc.stderr.on("data", collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 20_000);
    proc.stdout.on("data", () => {
      const m = /listening on (https?:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!, output: () => out });
      }
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
}

/** Resolves with the process's exit code once it has exited. */
export const exited = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
    else proc.once("exit", (code) => resolve(code));
  });
