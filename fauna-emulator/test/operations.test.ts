// Running the local Fauna as a small production database: no public bind with the default
// root secret, HTTPS with ALPN, online backup and restore, an access log without secrets.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http2 from "node:http2";
import https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, fql } from "fauna";
import { backupDatabase, restoreDatabase, startEmulator, type RunningEmulator } from "../src/index.js";
import type { AccessLogEntry } from "../src/wire/index.js";
import { startCli } from "./support/cli.js";
import { pushFiles } from "./support/emulator.js";

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const TLS = fileURLToPath(new URL("./fixtures/tls/", import.meta.url));
const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), "fauna-ops-"));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test("a non-loopback host with the default root secret is refused, by the API and the CLI", async () => {
  await assert.rejects(
    startEmulator({ port: 0, host: "0.0.0.0", rootSecret: "secret" }),
    /refusing to listen on 0\.0\.0\.0 with the default root secret/,
  );
  const cli = spawnSync(process.execPath, ["--import", "tsx", CLI, "--port", "0", "--host", "0.0.0.0", "--memory"], {
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, FAUNA_ROOT_SECRET: "" },
    encoding: "utf8",
    timeout: 30_000,
  });
  assert.equal(cli.status, 2);
  assert.match(cli.stderr, /default root secret/);
  // Loopback is fine with the default, and any host is fine with a secret of one's own.
  const local = await startEmulator({ port: 0, host: "127.0.0.1", rootSecret: "secret" });
  await local.close();
  const open = await startEmulator({ port: 0, host: "0.0.0.0", rootSecret: "a-long-random-secret" });
  await open.close();
});

test("--root-secret-file sets the root secret (and so allows a public bind)", { timeout: 60_000 }, async () => {
  const dir = scratch();
  const file = join(dir, "root-secret");
  writeFileSync(file, "from-a-file\n");
  const missing = spawnSync(
    process.execPath,
    ["--import", "tsx", CLI, "--port", "0", "--memory", "--root-secret-file", join(dir, "missing")],
    {
      env: { ...process.env, NODE_TEST_CONTEXT: undefined },
      encoding: "utf8",
      timeout: 30_000,
    },
  );
  assert.equal(missing.status, 2, "an unreadable secret file is refused");
  assert.match(missing.stderr, /cannot read --root-secret-file/);

  const { proc, url } = await startCli(
    ["--port", "0", "--host", "0.0.0.0", "--memory", "--workers", "0", "--root-secret-file", file],
    { FAUNA_ROOT_SECRET: "" },
  );
  try {
    const port = new URL(url).port;
    const client = new Client({ endpoint: new URL(`http://127.0.0.1:${port}`), secret: "from-a-file" });
    assert.equal((await client.query(fql`1 + 1`)).data, 2);
    client.close();
  } finally {
    proc.kill("SIGTERM");
  }
});

function h2Get(url: string, path: string, ca: Buffer): Promise<{ status: number; body: string; alpn: string | false }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(url, { ca });
    session.on("error", reject);
    const req = session.request({ ":path": path });
    let body = "";
    let status = 0;
    req.on("response", (h) => (status = Number(h[":status"])));
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const alpn = (session.socket as unknown as { alpnProtocol: string | false }).alpnProtocol;
      session.close();
      resolve({ status, body, alpn });
    });
    req.end();
  });
}

function h1Get(url: string, path: string, ca: Buffer): Promise<{ status: number; alpn: string | false }> {
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions & { ALPNProtocols: string[] } = { ca, ALPNProtocols: ["http/1.1"] };
    const req = https.request(new URL(path, url), options, (res) => {
      const alpn = (res.socket as unknown as { alpnProtocol: string | false }).alpnProtocol;
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, alpn }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("with --tls-cert/--tls-key it serves HTTPS: HTTP/2 through ALPN, HTTP/1.1 as a fallback", async () => {
  const cert = readFileSync(join(TLS, "localhost-cert.pem"));
  const key = readFileSync(join(TLS, "localhost-key.pem"));
  const emu: RunningEmulator = await startEmulator({ port: 0, rootSecret: "secret", tls: { cert, key } });
  try {
    assert.match(emu.url, /^https:/);
    const h2 = await h2Get(emu.url, "/ping", cert);
    assert.deepEqual([h2.status, h2.alpn, JSON.parse(h2.body)], [200, "h2", { resource: "Scope write is OK" }]);
    assert.deepEqual(await h1Get(emu.url, "/ping", cert), { status: 200, alpn: "http/1.1" });
  } finally {
    await emu.close();
  }
});

test("backup takes a consistent snapshot while the server writes; a server started from it has it all", async () => {
  const dataDir = scratch();
  const emu = await startEmulator({ port: 0, dataDir, rootSecret: "secret", workers: 2 });
  const admin = new Client({ endpoint: new URL(emu.url), secret: "secret" });
  const backupFile = join(scratch(), "snapshot.db");
  let acknowledgedBefore = 0;
  try {
    await pushFiles(emu.url, { "main.fsl": "collection Pair {\n  tag: String\n}\n" });
    let writing = true;
    let acknowledged = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await admin.query(fql`Pair.create({ tag: ${`t${i}`} }); Pair.create({ tag: ${`t${i}`} })`);
        acknowledged++;
      }
    })();
    // Some writes acknowledged first (however slow this machine is), then more go on meanwhile.
    while (acknowledged < 3) await new Promise((r) => setTimeout(r, 10));
    acknowledgedBefore = acknowledged;
    backupDatabase(dataDir, backupFile); // while writes go on
    writing = false;
    await writer;
  } finally {
    admin.close();
    await emu.close();
  }
  assert.throws(() => backupDatabase(dataDir, backupFile), /already exists/);

  const restoredDir = join(scratch(), "restored");
  restoreDatabase(backupFile, restoredDir);
  assert.throws(() => restoreDatabase(backupFile, restoredDir), /already holds a database/);
  const restored = await startEmulator({ port: 0, dataDir: restoredDir, rootSecret: "secret" });
  const client = new Client({ endpoint: new URL(restored.url), secret: "secret" });
  try {
    const tags = (await client.query<string[]>(fql`Pair.all().map(.tag).toArray()`)).data;
    assert.ok(tags.length >= 2 * acknowledgedBefore, "the snapshot holds the writes acknowledged before it");
    const counts = new Map<string, number>();
    for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [tag, n] of counts) assert.equal(n, 2, `${tag}: a transaction is whole in the snapshot`);
  } finally {
    client.close();
    await restored.close();
  }
});

test("a file that is not a backup is refused and leaves the directory without a database", () => {
  const target = join(scratch(), "target");
  assert.throws(() => restoreDatabase(join(TLS, "localhost-cert.pem"), target));
  assert.equal(existsSync(join(target, "fauna.db")), false);
});

test("the access log has method, route, status and time, and never a secret or query text", async () => {
  const entries: AccessLogEntry[] = [];
  const emu = await startEmulator({ port: 0, rootSecret: "log-test-secret", onRequest: (e) => entries.push(e) });
  const client = new Client({ endpoint: new URL(emu.url), secret: "log-test-secret" });
  try {
    await client.query(fql`"very private text".length`);
    await fetch(`${emu.url}/ping?scope=read`);
    await fetch(`${emu.url}/query/1`, {
      method: "POST",
      headers: { authorization: "Bearer wrong-secret" },
      body: '{"query":"1"}',
    });
  } finally {
    client.close();
    await emu.close();
  }
  assert.deepEqual(
    entries.map((e) => [e.method, e.route, e.status]),
    [
      ["POST", "/query/1", 200],
      ["GET", "/ping", 200],
      ["POST", "/query/1", 401],
    ],
  );
  for (const e of entries) assert.equal(typeof e.ms, "number");
  const text = JSON.stringify(entries);
  for (const secret of ["log-test-secret", "wrong-secret", "very private text", "scope=read"])
    assert.ok(!text.includes(secret), secret);
});
