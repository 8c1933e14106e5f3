// kill -9 of the server while several workers commit concurrently: every acknowledged write
// is there after a restart, and no transaction is half there.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Client, fql } from "fauna";
import { startCli } from "./support/cli.js";
import { pushFiles } from "./support/emulator.js";

const dir = mkdtempSync(join(tmpdir(), "parallel-durability-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const startServer = () =>
  startCli(["--port", "0", "--data-dir", dir, "--workers", "2"], { FAUNA_ROOT_SECRET: "secret" });

test(
  "kill -9 during concurrent writes loses no acknowledged write and shows no partial transaction",
  { timeout: 120_000 },
  async () => {
    const first = await startServer();
    await pushFiles(first.url, { "main.fsl": "collection Pair {\n  tag: String\n  index byTag { terms [.tag] }\n}\n" });
    const acked: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 6 }, async (_, w) => {
      const client = new Client({ endpoint: new URL(first.url), secret: "secret", max_attempts: 1 });
      for (let i = 0; !stop; i++) {
        const tag = `w${w}-${i}`;
        try {
          // Two documents in one transaction: both or neither may survive.
          await client.query(fql`Pair.create({ tag: ${tag} }); Pair.create({ tag: ${tag} })`);
          acked.push(tag);
        } catch {
          break; // the server is gone
        }
      }
      client.close();
    });
    while (acked.length < 150) {
      await new Promise((r) => setTimeout(r, 10));
    }
    first.proc.kill("SIGKILL");
    stop = true;
    // Not awaited: the driver can leave a query pending forever when its connection dies.
    void writers;

    const second = await startServer();
    const admin = new Client({ endpoint: new URL(second.url), secret: "secret" });
    try {
      const tags = (await admin.query<string[]>(fql`Pair.all().map(.tag).toArray()`)).data;
      const counts: Record<string, number> = {};
      for (const tag of tags) counts[tag] = (counts[tag] ?? 0) + 1;
      for (const tag of acked) assert.equal(counts[tag], 2, `acknowledged ${tag} is there whole`);
      for (const [tag, n] of Object.entries(counts)) assert.equal(n, 2, `${tag} is not half there`);
    } finally {
      admin.close();
      second.proc.kill("SIGTERM");
    }
  },
);
