// The server as a process and a database: CLI start/stop, durability across restarts and
// kill -9, serializable concurrent writes, seek-based pagination, and bad input that must
// never crash or hang it.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, ConstraintFailureError, QueryTimeoutError, fql, type QueryValue } from "fauna";
import { applySchema, startEmulator } from "../src/index.js";
import { exited, startCli } from "./support/cli.js";
import { fails, run, startDb } from "./support/emulator.js";
import { AUTH_EXTRAS, SHOP_SCHEMA } from "./support/fixtures.js";

const PKG = fileURLToPath(new URL("..", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "fauna-server-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe("command line", () => {
  test("prints one ready line, answers /ping, creates --data-dir and closes on SIGTERM", async () => {
    const dir = join(tmp, "cli-data");
    const { proc, url, output } = await startCli(["--port", "0", "--data-dir", dir]);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(output().trim().split("\n").length, 1);
    const ping = await fetch(`${url}/ping`);
    assert.equal(ping.status, 200);
    assert.equal(ping.headers.get("content-type"), "application/json");
    assert.deepEqual(await ping.json(), { resource: "Scope write is OK" });
    assert.ok(existsSync(dir));
    const exit = exited(proc);
    proc.kill("SIGTERM");
    assert.equal(await exit, 0);
  });

  test("--memory keeps nothing on disk; bad flags exit 2 with usage", async () => {
    const { proc } = await startCli(["--port", "0", "--memory"]);
    const exit = exited(proc);
    proc.kill("SIGINT");
    assert.equal(await exit, 0);
    const bad = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "--port", "nope"], {
      cwd: PKG,
      stdio: "ignore",
    });
    assert.equal(await exited(bad), 2);
  });
});

describe("durability", () => {
  test("committed writes survive a clean restart", async () => {
    const dir = join(tmp, "restart");
    const a = await startDb({ dataDir: dir });
    const storeId = await run<string>(a.admin, fql`Store.create({ name: "Durable" }).id`);
    const key = await run<{ secret: string }>(a.admin, fql`Key.create({ role: "server" })`);
    await a.close();
    const b = await startDb({ dataDir: dir, schemaDir: null });
    assert.equal(await run(b.admin, fql`Store.byId(${storeId})!.name`), "Durable");
    assert.equal(await run(b.admin, fql`Store.byName("Durable").count()`), 1, "indexes and schema persist");
    assert.equal(await run(b.client(key.secret), fql`1`), 1, "keys persist");
    await b.close();
  });

  test("committed writes survive kill -9", async () => {
    const dir = join(tmp, "kill9");
    const { proc, url } = await startCli(["--port", "0", "--data-dir", dir]);
    await applySchema(SHOP_SCHEMA, { url, secret: "secret" });
    const c = new Client({ endpoint: new URL(url), secret: "secret" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await run<string>(c, fql`Store.create({ name: ${`s${i}`} }).id`));
    c.close();
    const exit = exited(proc);
    proc.kill("SIGKILL");
    await exit;
    const emu = await startEmulator({ port: 0, dataDir: dir });
    const d = new Client({ endpoint: new URL(emu.url), secret: "secret" });
    assert.deepEqual(await run(d, fql`Store.all().map(.id).toArray()`), ids);
    d.close();
    await emu.close();
  });

  test("a failed query writes nothing (all-or-nothing)", async () => {
    const db = await startDb();
    const err = await fails(db.admin, fql`Store.create({ name: "a" }); Store.create({ name: "b" }); abort("stop")`);
    assert.equal(err.code, "abort");
    assert.equal(await run(db.admin, fql`Store.all().count()`), 0);
    await db.close();
  });
});

describe("concurrency", () => {
  test("racing signups with one email: exactly one wins", async () => {
    const db = await startDb();
    const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "unauthenticated" })`);
    const clients = Array.from({ length: 8 }, () => db.client(key.secret));
    const results = await Promise.allSettled(
      clients.map((c) => c.query(fql`UserSignup("race@example.com", "pw-123456")`)),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(won.length, 1);
    assert.ok(lost.every((r) => r.reason instanceof ConstraintFailureError));
    assert.equal(await run(db.admin, fql`Customer.all().count()`), 1);
    assert.equal(await run(db.admin, fql`Credential.all().count()`), 1);
    await db.close();
  });

  test("txn_ts strictly increases across write transactions", async () => {
    const db = await startDb();
    const a = await db.admin.query(fql`Store.create({ name: "t1" })`);
    const b = await db.admin.query(fql`Store.create({ name: "t2" })`);
    assert.ok(b.txn_ts! > a.txn_ts!);
    await db.close();
  });
});

describe("pagination cost", () => {
  test("read ops per page stay flat as the collection grows and as pages advance", async () => {
    const db = await startDb();
    try {
      const storeId = await run<string>(db.admin, fql`Store.create({ name: "Big" }).id`);
      const readOpsForPage = async (n: number, set: "all" | "index") => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const first = await db.admin.query<any>(
          set === "all"
            ? fql`Product.all().pageSize(10).paginate()`
            : fql`Product.sortedByPrice().pageSize(10).paginate()`,
        );
        let after = first.data.after!;
        let stats = first.stats!;
        for (let i = 1; i < n; i++) {
          const next = await db.admin.query<{ after?: string }>(fql`Set.paginate(${after})`);
          after = next.data.after!;
          stats = next.stats!;
        }
        return stats.read_ops;
      };
      const addProducts = (from: number, to: number) =>
        run(
          db.admin,
          fql`Set.sequence(${from}, ${to}).forEach(i => Product.create({ name: "p" + i.toString(), description: "d", price: i * 1.0, store: Store.byId(${storeId})! }))`,
        );
      await addProducts(0, 300);
      const small = {
        all1: await readOpsForPage(1, "all"),
        all20: await readOpsForPage(20, "all"),
        ix1: await readOpsForPage(1, "index"),
        ix20: await readOpsForPage(20, "index"),
      };
      for (let i = 300; i < 3000; i += 1000) await addProducts(i, Math.min(i + 1000, 3000));
      const big = { all20: await readOpsForPage(20, "all"), ix20: await readOpsForPage(20, "index") };
      // A full scan would read ~3000 documents; seeks read about a page (plus a batch).
      for (const [k, v] of Object.entries({ ...small, ...big })) assert.ok(v < 200, `${k}: ${v} read ops`);
      assert.ok(
        big.all20 <= small.all1 * 2 + 10,
        `page 20 of 3000 (${big.all20}) costs about page 1 of 300 (${small.all1})`,
      );
      assert.ok(big.ix20 <= small.ix1 * 2 + 10, `index page 20 of 3000 (${big.ix20}) vs page 1 of 300 (${small.ix1})`);
    } finally {
      await db.close();
    }
  });

  test("a page reads the documents it returns and one to know there is more, not a whole storage batch", async () => {
    const db = await startDb({ files: { "main.fsl": "collection C {\n  n: Int\n  index byN { values [.n] }\n}\n" } });
    try {
      await run(db.admin, fql`Set.sequence(0, 200).forEach(n => C.create({ n: n }))`);
      for (const set of [fql`C.all()`, fql`C.byN()`, fql`C.all().map(c => c.n)`]) {
        const page = await db.admin.query<{ data: QueryValue[]; after?: string }>(fql`${set}.paginate(12)`);
        assert.equal(page.data.data.length, 12);
        assert.ok(page.stats!.read_ops <= 13, `${page.stats!.read_ops} read ops for a page of 12`);
        assert.ok(page.data.after, "more pages");
      }
      const first = await db.admin.query<QueryValue>(fql`C.all().first()`);
      assert.ok(first.stats!.read_ops <= 1, `${first.stats!.read_ops} read ops for first()`);
    } finally {
      await db.close();
    }
  });
});

describe("bad input never crashes or hangs the server", () => {
  test("each bad request gets its documented error and the server keeps serving", async () => {
    const db = await startDb({ schemaDir: [SHOP_SCHEMA, AUTH_EXTRAS] });
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${db.url}/query/1`, { method: "POST", body, headers: { authorization: "Bearer secret", ...headers } });
    const malformed = await post("{nope");
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as { error: { code: string } }).error.code, "invalid_request");
    const unknown = await fetch(`${db.url}/nowhere`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get("content-type"), "application/json");
    const huge = await post(JSON.stringify({ query: "1", arguments: { x: "a".repeat(9 * 1024 * 1024) } }));
    assert.equal(huge.status, 413);
    const deepJson = await post(`{"query":"1","arguments":{"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`);
    assert.equal(deepJson.status, 400);
    const deepFql = await post(JSON.stringify({ query: "(".repeat(50_000) + "1" + ")".repeat(50_000) }));
    assert.equal(deepFql.status, 400);
    assert.equal(((await deepFql.json()) as { error: { code: string } }).error.code, "invalid_query");
    const syntax = await post(JSON.stringify({ query: "let x = " }));
    assert.equal(((await syntax.json()) as { error: { code: string } }).error.code, "invalid_query");
    const bogus = await fetch(`${db.url}/query/1`, {
      method: "POST",
      body: JSON.stringify({ query: "1" }),
      headers: { authorization: "Bearer fnAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    });
    assert.equal(bogus.status, 401);
    const recursion = await post(JSON.stringify({ query: "Forever(1)" }));
    assert.equal(((await recursion.json()) as { error: { code: string } }).error.code, "stack_overflow");
    assert.equal(await run(db.admin, fql`1 + 1`), 2);
    await db.close();
  });

  test("a runaway query times out per x-query-timeout-ms with 440 time_out", async () => {
    const db = await startDb({ schemaDir: null });
    const c = new Client({ endpoint: new URL(db.url), secret: "secret", query_timeout_ms: 300 });
    const started = Date.now();
    const err = await fails(c, fql`Set.sequence(0, 1000000000).count()`);
    assert.ok(err instanceof QueryTimeoutError);
    assert.equal(err.httpStatus, 440);
    assert.ok(Date.now() - started < 5000, "stopped near its deadline");
    c.close();
    assert.equal(await run(db.admin, fql`"still serving"`), "still serving");
    await db.close();
  });
});
