import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { int } from "../core/index.js";
import { openStore } from "./index.js";

const CHILD = fileURLToPath(new URL("../../test/support/durability-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the child until it has reported `commits` commits, then SIGKILLs it. */
function runAndKill(dir: string, commits: number): Promise<{ lastReported: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, dir], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let lastReported = 0;
    let buf = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000); // never hang the suite
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buf += chunk;
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const l of lines) lastReported = Math.max(lastReported, Number(l));
      if (lastReported >= commits && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") reject(new Error(`child exited on its own (${_code}): ${stderr}`));
      else resolve({ lastReported, signal });
    });
  });
}

test("every committed query survives kill -9 of the process, and no partial transaction is visible", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fauna-durability-"));
  try {
    const { lastReported, signal } = await runAndKill(dir, 150);
    assert.equal(signal, "SIGKILL");
    assert.ok(lastReported >= 150, `child reported ${lastReported} commits`);

    const store = openStore({ dir });
    const last = Number(store.getMeta("last"));
    // Everything reported committed is there; at most the in-flight transaction also landed.
    assert.ok(last >= lastReported && last <= lastReported + 1, `meta last=${last}, reported ${lastReported}`);
    for (let i = 1; i <= lastReported; i++) {
      assert.deepEqual(store.getDoc("C", String(i))?.data.get("n"), int(i), `doc C/${i} lost`);
    }
    // All-or-nothing: each transaction's four writes are either all present or all absent.
    assert.equal(store.countDocs("C"), last);
    assert.equal(store.countDocs("D"), last);
    assert.equal(store.scanIndex("C", "byN", ["t"], { limit: 1_000_000 }).length, last);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
