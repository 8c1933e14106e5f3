// The local Fauna under load, as a separate server process driven by the official driver.
// Figures and ratios measured in this one run; nothing here asserts a time.
//   npm run bench:load -w fauna-emulator
// 1. Catalog page throughput at concurrency 1 and 4, against a bare HTTP/2 server that returns
//    the same pre-encoded response (the ceiling for this machine and driver).
// 2. Catalog latency alone, then while 20 log-ins run concurrently.
// 3. Runaway queries (backtracking regex, huge range) with a 100 ms timeout: time to answer,
//    and /ping latency meanwhile.
// 4. Bad input with a 2 s budget: time to answer, /ping meanwhile, server memory, and whether
//    other queries on the same HTTP/2 connection survive.
// 5. Page N and an index lookup at 1,000 and at 1,000,000 documents (BENCH_SCALE; 0 skips it).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http2 from "node:http2";
import { fileURLToPath } from "node:url";
import { Client, fql, type Query, type QueryValue } from "fauna";
import { applySchema } from "../src/index.js";

const ROOT_SECRET = "bench-secret";
const SHOP_SCHEMA = fileURLToPath(new URL("../test/fixtures/shop", import.meta.url));
const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const PRODUCTS = 2000;

// ---- measuring ------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `concurrency` loops calling `op` for `seconds`; throughput and latency percentiles. */
async function load(concurrency: number, seconds: number, op: () => Promise<unknown>): Promise<Load> {
  const times: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await op();
          times.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / elapsed, p50: percentile(times, 0.5), p99: percentile(times, 0.99), errors };
}

/** GET /ping every `everyMs` until stopped; resolves with the latencies. */
function pingLoop(url: string, everyMs = 10): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        await fetch(`${url}/ping`);
        times.push(performance.now() - t);
      } catch {
        times.push(Infinity);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times.sort((a, b) => a - b);
    },
  };
}

// ---- servers --------------------------------------------------------------------------------

interface Server {
  url: string;
  pid: number;
  rssMb(): number;
  stop(): Promise<void>;
}

async function startLocalFauna(extraArgs: string[] = []): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", CLI, "--port", "0", "--memory", ...extraArgs],
    {
      env: { ...process.env, FAUNA_ROOT_SECRET: ROOT_SECRET },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the local Fauna exited (${code}) before listening`)));
  });
  return {
    url,
    pid: child.pid!,
    rssMb: () => processTreeRssMb(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Resident memory of a process (worker threads included), from /proc. */
function processTreeRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** A bare HTTP/2 server answering every request with one recorded response. */
async function startBareServer(
  body: string,
  headers: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http2.createServer();
  server.on("stream", (stream) => {
    stream.on("error", () => {});
    stream.resume();
    stream.on("end", () => stream.respond({ ":status": 200, ...headers }));
    stream.on("end", () => stream.end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The exact response body the local Fauna gives to one query (to replay from the bare server). */
async function recordResponse(url: string, secret: string, query: string): Promise<string> {
  const res = await fetch(`${url}/query/1`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "x-format": "tagged" },
    body: JSON.stringify({ query }),
  });
  return res.text();
}

// ---- scenarios ------------------------------------------------------------------------------

const client = (url: string, secret: string, extra: Partial<ConstructorParameters<typeof Client>[0]> = {}) =>
  new Client({ endpoint: new URL(url), secret, ...extra });

async function seed(url: string): Promise<{ admin: Client; shopper: Client; anon: Client }> {
  await applySchema(SHOP_SCHEMA, { url, secret: ROOT_SECRET });
  const admin = client(url, ROOT_SECRET);
  const storeId = (await admin.query<string>(fql`Store.create({ name: "Bench" }).id`)).data;
  for (let i = 0; i < PRODUCTS; i += 500) {
    await admin.query(
      fql`Set.sequence(${i}, ${i + 500}).forEach(i => Product.create({ name: "p" + i.toString(), description: "d", price: i * 1.0, quantity: i, store: Store.byId(${storeId})! }))`,
    );
  }
  const key = (await admin.query<{ secret: string }>(fql`Key.create({ role: "unauthenticated" })`)).data;
  const anon = client(url, key.secret);
  for (let i = 0; i < 20; i++) await anon.query(fql`UserSignup(${`bench${i}@example.com`}, "bench-password")`);
  const token = (await anon.query<{ secret: string }>(fql`UserLogin("bench0@example.com", "bench-password")`)).data;
  return { admin, anon, shopper: client(url, token.secret) };
}

const CATALOG = "Product.all().map(p => p { name, price, store { name } }).paginate(12)";

async function catalogThroughput(fauna: Server, shopper: Client, secret: string): Promise<void> {
  console.log("\n1. Catalog page (12 products with store names), through the driver");
  const recorded = await recordResponse(fauna.url, secret, CATALOG);
  const bare = await startBareServer(recorded, { "content-type": "application/json" });
  const bareClient = client(bare.url, "x");
  const catalog = () => shopper.query(fql`Product.all().map(p => p { name, price, store { name } }).paginate(12)`);
  const replay = () => bareClient.query(fql`x`);
  for (const concurrency of [1, 4]) {
    const ours = await load(concurrency, 5, catalog);
    const ceiling = await load(concurrency, 5, replay);
    console.log(
      `   concurrency ${concurrency}: local Fauna ${ours.perSecond.toFixed(0).padStart(5)}/s (p50 ${ms(ours.p50)}, p99 ${ms(ours.p99)})` +
        `   bare HTTP/2 ${ceiling.perSecond.toFixed(0).padStart(5)}/s   ratio ${(ours.perSecond / ceiling.perSecond).toFixed(2)}`,
    );
  }
  bareClient.close();
  await bare.close();
}

async function loginInterference(shopper: Client, anon: Client): Promise<void> {
  console.log("\n2. Catalog latency while 20 log-ins run concurrently");
  const catalog = () => shopper.query(fql`Product.all().map(p => p { name, price, store { name } }).paginate(12)`);
  const alone = await load(2, 5, catalog);
  let loggingIn = true;
  const logins = Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      while (loggingIn) await anon.query(fql`UserLogin(${`bench${i}@example.com`}, "bench-password")`).catch(() => {});
    }),
  );
  const during = await load(2, 5, catalog);
  loggingIn = false;
  await logins;
  console.log(`   alone:        p50 ${ms(alone.p50)}  p99 ${ms(alone.p99)}`);
  console.log(
    `   with logins:  p50 ${ms(during.p50)}  p99 ${ms(during.p99)}   p99 ratio ${(during.p99 / alone.p99).toFixed(2)}`,
  );
}

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; outcome: string }> {
  const t = performance.now();
  let outcome = "ok";
  try {
    await run();
  } catch (e) {
    const err = e as { httpStatus?: number; code?: string };
    outcome = `${err.httpStatus ?? "?"} ${err.code ?? String(e)}`;
  }
  return { ms: performance.now() - t, outcome };
}

const RUNAWAY: [string, Query<QueryValue>][] = [
  ["backtracking regex (backreference: no RE2)", fql`${"a".repeat(32) + "!"}.includesRegex("^(a|a)+\\\\1$")`],
  ["huge range", fql`Set.sequence(0, 1000000000).count()`],
  [
    "deep recursion-free spin",
    fql`Array.sequence(0, 16000).map(x => Array.sequence(0, 200).fold(0, (a, b) => a + b)).length`,
  ],
];

async function runaways(fauna: Server): Promise<void> {
  console.log("\n3. Runaway queries with a 100 ms timeout; /ping meanwhile");
  const hasty = client(fauna.url, ROOT_SECRET, { query_timeout_ms: 100 });
  for (const [label, query] of RUNAWAY) {
    const pings = pingLoop(fauna.url);
    const r = await timed(() => hasty.query(query));
    const p = await pings.stop();
    console.log(
      `   ${label.padEnd(44)} answered ${r.outcome.padEnd(16)} in ${ms(r.ms)}   /ping p99 ${ms(percentile(p, 0.99))}`,
    );
  }
  hasty.close();
}

/** A query whose source text is `source` (not an argument): the parser has to read it all. */
const rawQuery = (source: string) => fql(Object.assign([source], { raw: [source] }) as unknown as TemplateStringsArray);

const BAD_INPUT: [string, () => Query<QueryValue>][] = [
  ["emoji empty-match loop", () => fql`"😀".matchIndexes("")`],
  ["16000 × 16000 array", () => fql`Array.sequence(0, 16000).map(x => Array.sequence(0, 16000)).length`],
  ["quadratic matchIndexes", () => fql`${"ab".repeat(24000)}.matchIndexes("a").length`],
  ["6 MB query text", () => rawQuery(`[${"1,".repeat(3 * 1024 * 1024)}1].length`)],
];

async function badInput(fauna: Server): Promise<void> {
  console.log("\n4. Bad input with a 2 s budget; /ping, memory and other streams meanwhile");
  const careful = client(fauna.url, ROOT_SECRET, { query_timeout_ms: 2000 });
  const baseline = fauna.rssMb();
  for (const [label, query] of BAD_INPUT) {
    const pings = pingLoop(fauna.url, 20);
    let peak = fauna.rssMb();
    const sampler = setInterval(() => (peak = Math.max(peak, fauna.rssMb())), 50);
    // Ordinary queries on the same HTTP/2 connection as the bad one: none may fail.
    let others = 0;
    let othersFailed = 0;
    let going = true;
    const neighbours = (async () => {
      while (going) {
        try {
          await careful.query(fql`1 + 1`);
          others++;
        } catch (e) {
          if (process.env.BENCH_DEBUG) console.error("neighbour failed:", e);
          othersFailed++;
        }
      }
    })();
    const r = await timed(() => careful.query(query()));
    going = false;
    await neighbours;
    clearInterval(sampler);
    const p = await pings.stop();
    await new Promise((res) => setTimeout(res, 1000));
    console.log(
      `   ${label.padEnd(24)} ${r.outcome.padEnd(22)} in ${ms(r.ms)}  /ping p99 ${ms(percentile(p, 0.99))}  ` +
        `RSS ${baseline.toFixed(0)} → peak ${peak.toFixed(0)} → ${fauna.rssMb().toFixed(0)} MB  other queries ${others} ok, ${othersFailed} failed`,
    );
  }
  careful.close();
}

/** p50 of `runs` sequential calls. */
async function p50(runs: number, op: () => Promise<unknown>): Promise<number> {
  await op();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await op();
    times.push(performance.now() - t);
  }
  return percentile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

/**
 * 5. Page N of the catalog and Customer.byEmail at 1,000 and at SCALE documents (default
 * 1,000,000; BENCH_SCALE to change): index seeks should not grow with the collection.
 */
async function scale(admin: Client): Promise<void> {
  const big = Number(process.env.BENCH_SCALE ?? 1_000_000);
  console.log(`\n5. Page 20 of a sorted catalog and byEmail, at 1,000 and at ${big.toLocaleString("en")} documents`);
  await admin.query(
    fql`Collection.create({ name: "Small", indexes: { byEmail: { terms: [{ field: ".email" }] }, byName: { values: [{ field: ".name" }] } } })`,
  );
  await admin.query(
    fql`Collection.create({ name: "Large", indexes: { byEmail: { terms: [{ field: ".email" }] }, byName: { values: [{ field: ".name" }] } } })`,
  );
  const fill = async (coll: "Small" | "Large", n: number) => {
    const started = performance.now();
    for (let i = 0; i < n; i += 10_000) {
      const to = Math.min(n, i + 10_000);
      const q =
        coll === "Small"
          ? fql`Set.sequence(${i}, ${to}).forEach(i => Small.create({ name: "n" + (100000000 + i).toString(), email: "c" + i.toString() + "@example.com" }))`
          : fql`Set.sequence(${i}, ${to}).forEach(i => Large.create({ name: "n" + (100000000 + i).toString(), email: "c" + i.toString() + "@example.com" }))`;
      await admin.query(q, { query_timeout_ms: 600_000 });
    }
    return (performance.now() - started) / 1000;
  };
  await fill("Small", 1000);
  const seconds = await fill("Large", big);
  console.log(`   (${big.toLocaleString("en")} documents written in ${seconds.toFixed(0)} s)`);
  const pageN = async (coll: "Small" | "Large") => {
    // Walk to page 20 once, then time reading that page by its cursor.
    let after = (
      await admin.query<{ after: string }>(
        coll === "Small" ? fql`Small.byName().paginate(16)` : fql`Large.byName().paginate(16)`,
      )
    ).data.after;
    for (let i = 2; i < 20; i++) after = (await admin.query<{ after: string }>(fql`Set.paginate(${after})`)).data.after;
    return p50(100, () => admin.query(fql`Set.paginate(${after})`));
  };
  const byEmail = (coll: "Small" | "Large") =>
    p50(200, () =>
      admin.query(
        coll === "Small"
          ? fql`Small.byEmail("c777@example.com").first()`
          : fql`Large.byEmail("c777@example.com").first()`,
      ),
    );
  const [pageSmall, pageLarge] = [await pageN("Small"), await pageN("Large")];
  const [emailSmall, emailLarge] = [await byEmail("Small"), await byEmail("Large")];
  console.log(
    `   page 20:  ${ms(pageSmall)} at 1,000   ${ms(pageLarge)} at ${big.toLocaleString("en")}   ratio ${(pageLarge / pageSmall).toFixed(2)}`,
  );
  console.log(
    `   byEmail:  ${ms(emailSmall)} at 1,000   ${ms(emailLarge)} at ${big.toLocaleString("en")}   ratio ${(emailLarge / emailSmall).toFixed(2)}`,
  );
}

// ---- main -----------------------------------------------------------------------------------

const workerArgs = process.argv.slice(2);
const fauna = await startLocalFauna(workerArgs);
try {
  console.log(`local Fauna ${fauna.url} ${workerArgs.join(" ")} (in memory, ${PRODUCTS} products)`);
  const { admin, anon, shopper } = await seed(fauna.url);
  const token = (await anon.query<{ secret: string }>(fql`UserLogin("bench1@example.com", "bench-password")`)).data
    .secret;
  // BENCH_ONLY=1,2 runs just those scenarios (all by default).
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
  const runs = (n: number) => !only || only.includes(String(n));
  if (runs(1)) await catalogThroughput(fauna, shopper, token);
  if (runs(2)) await loginInterference(shopper, anon);
  if (runs(3)) await runaways(fauna);
  if (runs(4)) await badInput(fauna);
  if (runs(5) && process.env.BENCH_SCALE !== "0") await scale(admin);
  for (const c of [admin, anon, shopper]) c.close();
} finally {
  await fauna.stop();
}
