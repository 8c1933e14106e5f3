// The local Fauna under load, as a separate server process driven by the official driver.
// Figures and ratios measured in this one run; nothing here asserts a time.
//   npm run bench:load -w fauna-emulator
// 1. Catalog page throughput at concurrency 1 and 4, against a bare HTTP/2 server that returns
//    the same pre-encoded response (the ceiling for this machine and driver), taking turns in
//    one-second slices; beside it the floors that split the gap: the bare server answering
//    from a worker thread, and the local Fauna's HTTP server and pool with no engine.
// 2. Catalog latency alone and while 20 log-ins run concurrently, taking turns.
// 3. Runaway queries (backtracking regex, huge range) with a 100 ms timeout: time to answer,
//    and /ping latency meanwhile.
// 4. Bad input with a 2 s budget: time to answer, /ping meanwhile, server memory, and whether
//    other queries on the same HTTP/2 connection survive.
// 5. Page 20 of a sorted catalog and Customer.byEmail at 1,000 and at 1,000,000 documents
//    (BENCH_SCALE; 0 skips it), bulk-loaded into a data directory first; BENCH_ONLY=5 runs only this.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client, fql, type Query, type QueryValue } from "fauna";
import { double, doc, int, obj, type ObjectValue } from "../src/core/index.js";
import { applySchema, FaunaEngine, openStore, readSchemaDir } from "../src/index.js";
import { serveBare } from "./bare-server.js";

const ROOT_SECRET = "bench-secret";
const SHOP_SCHEMA = fileURLToPath(new URL("../test/fixtures/shop", import.meta.url));
const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const BARE_SERVER = fileURLToPath(new URL("./bare-server.ts", import.meta.url));
const HOP_FLOOR = fileURLToPath(new URL("./hop-floor.ts", import.meta.url));
const PRODUCTS = 2000;

// ---- measuring ------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

interface Load {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Latencies (ms) and errors of `concurrency` loops calling `op` for `seconds`, and how long that took. */
async function sample(
  concurrency: number,
  seconds: number,
  op: () => Promise<unknown>,
): Promise<{ times: number[]; errors: number; elapsed: number }> {
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
  return { times, errors, elapsed: (performance.now() - started) / 1000 };
}

function summarize(samples: { times: number[]; errors: number; elapsed: number }[]): Load {
  const times = samples.flatMap((s) => s.times).sort((a, b) => a - b);
  const elapsed = samples.reduce((sum, s) => sum + s.elapsed, 0);
  return {
    count: times.length,
    perSecond: times.length / elapsed,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
  };
}

/** `concurrency` loops calling `op` for `seconds`; throughput and latency percentiles. */
async function load(concurrency: number, seconds: number, op: () => Promise<unknown>): Promise<Load> {
  return summarize([await sample(concurrency, seconds, op)]);
}

/**
 * Like `load` for several ops, taking turns in one-second slices (`seconds` each in all), so a
 * machine whose speed drifts during the run (other tenants of a virtual machine) weighs on
 * every op alike. `during(i)` wraps op i's slices (e.g. to count the server's CPU time).
 */
async function loadInTurns(
  concurrency: number,
  seconds: number,
  ops: (() => Promise<unknown>)[],
  during: (i: number, slice: () => Promise<void>) => Promise<void> = (_, slice) => slice(),
): Promise<Load[]> {
  const samples = ops.map(() => [] as Awaited<ReturnType<typeof sample>>[]);
  for (let round = 0; round < seconds; round++) {
    for (const [i, op] of ops.entries()) {
      await during(i, async () => {
        samples[i]!.push(await sample(concurrency, 1, op));
      });
    }
  }
  return samples.map(summarize);
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

/**
 * Starts `node --import tsx ...args` and resolves once it prints its "listening on URL" line;
 * `stop()` sends SIGTERM and resolves when it has exited.
 */
async function spawnListening(
  what: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ...args], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before listening`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function startLocalFauna(extraArgs: string[] = [], storage = ["--memory"]): Promise<Server> {
  const server = await spawnListening("the local Fauna", [CLI, "--port", "0", ...storage, ...extraArgs], {
    ...process.env,
    FAUNA_ROOT_SECRET: ROOT_SECRET,
  });
  return { ...server, rssMb: () => processTreeRssMb(server.pid) };
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

/** CPU time (user + system, ms) a process has used so far, worker threads included, from /proc. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** A bare HTTP/2 server in this process: it shares the load generator's event loop and thread. */
async function startBareServerHere(body: string, headers: Record<string, string>): Promise<BareServer> {
  const server = serveBare(body, headers);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The same bare server as its own process, as the local Fauna is: requests cross processes.
 * `viaWorker`: each answer comes from a worker thread and back, and nothing else.
 */
async function startBareServerProcess(
  body: string,
  headers: Record<string, string>,
  viaWorker = false,
): Promise<BareServer> {
  const server = await spawnListening("the bare server", [
    BARE_SERVER,
    JSON.stringify([body, headers]),
    ...(viaWorker ? ["--via-worker"] : []),
  ]);
  return { url: server.url, close: () => server.stop() };
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
  const headers = { "content-type": "application/json" };
  // The ceiling is a bare server in its own process, like the local Fauna; the same server
  // inside the load generator's process is shown too (its requests never leave one thread).
  const bare = await startBareServerProcess(recorded, headers);
  const bareHere = await startBareServerHere(recorded, headers);
  // What of the gap is the design, what the server, what the engine: the bare server taking each
  // answer from a worker thread (the least a worker design pays), and the local Fauna's own HTTP
  // server with no engine, answering the recorded page from its worker pool or on its HTTP thread.
  const bareViaWorker = await startBareServerProcess(recorded, headers, true);
  const floors = await Promise.all(
    ["worker", "thread"].map((mode) => spawnListening(`the ${mode} floor`, [HOP_FLOOR, mode, recorded])),
  );
  const servers = [bare, bareHere, bareViaWorker, ...floors];
  const clients = servers.map((s) => client(s.url, "x"));
  const catalog = () => shopper.query(fql([CATALOG]));
  const replays = clients.map((c) => () => c.query(fql`x`));
  // Steady state: every server warms up (JIT in each worker, caches) before it is measured.
  await load(4, 5, catalog);
  for (const replay of replays) await load(4, 3, replay);
  for (const concurrency of [1, 4]) {
    let cpuMs = 0;
    const [ours, ceiling, here, ...others] = await loadInTurns(
      concurrency,
      5,
      [catalog, ...replays],
      async (i, slice) => {
        const cpuBefore = processCpuMs(fauna.pid);
        await slice();
        if (i === 0) cpuMs += processCpuMs(fauna.pid) - cpuBefore;
      },
    );
    // The server's own CPU per page: a figure the load on the machine does not inflate much.
    const cpuPerPage = cpuMs / ours!.count;
    const line = (label: string, l: Load) =>
      `      ${label.padEnd(58)} ${l.perSecond.toFixed(0).padStart(5)}/s   ratio ${(ours!.perSecond / l.perSecond).toFixed(2)}` +
      (l === ceiling ? "" : `   (itself ${(l.perSecond / ceiling!.perSecond).toFixed(2)} of the bare server)`);
    console.log(
      `   concurrency ${concurrency}: local Fauna ${ours!.perSecond.toFixed(0).padStart(5)}/s (p50 ${ms(ours!.p50)}, p99 ${ms(ours!.p99)}, server CPU ${cpuPerPage.toFixed(2)} ms/page)\n` +
        [
          line("bare HTTP/2 server, own process", ceiling!),
          line("bare HTTP/2 server, in this process", here!),
          line("bare HTTP/2 server, each answer from a worker thread", others[0]!),
          line("the local Fauna's HTTP server + worker pool, no engine", others[1]!),
          line("the local Fauna's HTTP server alone, no engine", others[2]!),
        ].join("\n"),
    );
  }
  for (const c of clients) c.close();
  await Promise.all([bare.close(), bareHere.close(), bareViaWorker.close(), ...floors.map((f) => f.stop())]);
}

async function loginInterference(shopper: Client, anon: Client): Promise<void> {
  console.log("\n2. Catalog latency while 20 log-ins run concurrently");
  const catalog = () => shopper.query(fql([CATALOG]));
  // Alone and with log-ins take turns (one-second slices), so drift in the machine's speed
  // weighs on both; log-ins start a moment before their slice and are let finish after it.
  const [alone, during] = await loadInTurns(2, 5, [catalog, catalog], async (i, slice) => {
    if (i === 0) return slice();
    let loggingIn = true;
    const logins = Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        while (loggingIn)
          await anon.query(fql`UserLogin(${`bench${n}@example.com`}, "bench-password")`).catch(() => {});
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await slice();
    loggingIn = false;
    await logins;
  });
  console.log(`   alone:        p50 ${ms(alone!.p50)}  p99 ${ms(alone!.p99)}`);
  console.log(
    `   with logins:  p50 ${ms(during!.p50)}  p99 ${ms(during!.p99)}   p99 ratio ${(during!.p99 / alone!.p99).toFixed(2)}`,
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

// ---- 5. scale ------------------------------------------------------------------------------

const SMALL = 1000;

/** One product / customer of the scale databases: prices spread the sorted index evenly. */
const productRow = (i: number, store: string): ObjectValue =>
  obj([
    ["name", `p${100_000_000 + i}`],
    ["description", "d"],
    ["price", double(((i * 7919) % 100_000) / 100)],
    ["quantity", int(i % 50)],
    ["store", doc("Store", store)],
  ]);
const customerEmail = (i: number) => `c${i}@example.com`;

function* rows(n: number, row: (i: number) => ObjectValue): Generator<ObjectValue> {
  for (let i = 0; i < n; i++) yield row(i);
}

/**
 * Fills child databases `small` (SMALL products and customers) and `large` (`big` of each) of a
 * fresh data directory with the shop schema, through the engine's bulk loader (the create path,
 * 10,000 documents per transaction), before any server opens it. Returns seconds per collection.
 */
function fillScaleDatabases(dir: string, big: number): { products: number; customers: number } {
  const store = openStore({ dir, cacheMb: 256 });
  const seconds = { products: 0, customers: 0 };
  try {
    const engine = new FaunaEngine(store, { rootSecret: ROOT_SECRET });
    const schema = [...readSchemaDir(SHOP_SCHEMA)].map(([filename, content]) => ({ filename, content }));
    const query = (secret: string, source: string) =>
      engine.query({
        secret,
        source,
        variables: new Map(),
        deadline: Date.now() + 60_000,
        timeoutMs: 60_000,
        encode: (d) => d,
      }).data;
    for (const [name, n] of [
      ["small", SMALL],
      ["large", big],
    ] as const) {
      query(ROOT_SECRET, `Database.create({ name: "${name}" })`);
      const secret = `${ROOT_SECRET}:${name}:admin`;
      engine.schemaUpdate(secret, schema, { staged: false, override: true });
      const storeId = query(secret, 'Store.create({ name: "Scale" }).id') as string;
      let t = performance.now();
      engine.bulkCreate(
        secret,
        "Product",
        rows(n, (i) => productRow(i, storeId)),
      );
      if (name === "large") seconds.products = (performance.now() - t) / 1000;
      t = performance.now();
      engine.bulkCreate(
        secret,
        "Customer",
        rows(n, (i) => obj([["email", customerEmail(i)]])),
      );
      if (name === "large") seconds.customers = (performance.now() - t) / 1000;
    }
  } finally {
    store.close();
  }
  return seconds;
}

interface Timings {
  p50: number;
  p99: number;
}

/** `runs` rounds, each timing `small` then `large` once, so both see the same machine load. */
async function interleaved(
  runs: number,
  small: (i: number) => Promise<unknown>,
  large: (i: number) => Promise<unknown>,
): Promise<[Timings, Timings]> {
  const times: [number[], number[]] = [[], []];
  for (let i = -10; i < runs; i++) {
    for (const [k, op] of [small, large].entries()) {
      const t = performance.now();
      await op(i);
      if (i >= 0) times[k]!.push(performance.now() - t); // the first ten warm up
    }
  }
  const stats = (xs: number[]) => {
    xs.sort((a, b) => a - b);
    return { p50: percentile(xs, 0.5), p99: percentile(xs, 0.99) };
  };
  return [stats(times[0]), stats(times[1])];
}

/**
 * 5. Page 20 of a sorted catalog and Customer.byEmail, at 1,000 and at `BENCH_SCALE` documents
 * (default 1,000,000) of the shop schema, through the driver against a server process on disk:
 * index seeks should not grow with the collection.
 */
async function scale(workerArgs: string[]): Promise<void> {
  const big = Number(process.env.BENCH_SCALE ?? 1_000_000);
  const runs = Number(process.env.BENCH_SCALE_RUNS ?? 400);
  console.log(
    `\n5. Page 20 of a sorted catalog and Customer.byEmail, at ${SMALL.toLocaleString("en")} and at ${big.toLocaleString("en")} documents`,
  );
  const dir = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "fauna-scale-"));
  try {
    const loaded = fillScaleDatabases(dir, big);
    const total = loaded.products + loaded.customers;
    console.log(
      `   bulk load of ${big.toLocaleString("en")} products in ${loaded.products.toFixed(0)} s (${(big / loaded.products).toFixed(0)}/s) ` +
        `and ${big.toLocaleString("en")} customers in ${loaded.customers.toFixed(0)} s (${(big / loaded.customers).toFixed(0)}/s), ` +
        `${total.toFixed(0)} s in all; ${(dirBytes(dir) / 2 ** 20).toFixed(0)} MB on disk`,
    );
    const fauna = await startLocalFauna(workerArgs, ["--data-dir", dir]);
    try {
      const small = client(fauna.url, `${ROOT_SECRET}:small:admin`);
      const large = client(fauna.url, `${ROOT_SECRET}:large:admin`);
      // The shop's catalog: first page by index, later pages by cursor, products projected after paging.
      const page20 = async (c: Client) => {
        let after = (await c.query<{ after: string }>(fql`Product.sortedByPrice().paginate(12)`)).data.after;
        for (let i = 2; i < 20; i++) after = (await c.query<{ after: string }>(fql`Set.paginate(${after})`)).data.after;
        return after;
      };
      const [smallAfter, largeAfter] = [await page20(small), await page20(large)];
      const readPage = (c: Client, after: string) => () =>
        c.query(fql`
          let page: Any = Set.paginate(${after})
          { data: page.data.map(p => p { name, price, store { name } }), after: page.after }`);
      const [pageSmall, pageLarge] = await interleaved(runs, readPage(small, smallAfter), readPage(large, largeAfter));
      // Different customers each time, spread over the whole collection.
      const spread = (n: number) => (i: number) => (Math.abs(i) * 7_919 + 13) % n;
      const byEmail = (c: Client, n: number) => (i: number) =>
        c.query(fql`Customer.byEmail(${customerEmail(spread(n)(i))}).first()!.email`);
      const [emailSmall, emailLarge] = await interleaved(runs, byEmail(small, SMALL), byEmail(large, big));
      const line = (label: string, s: Timings, l: Timings) =>
        console.log(
          `   ${label.padEnd(9)} p50 ${ms(s.p50)} / p99 ${ms(s.p99)} at ${SMALL.toLocaleString("en")}   ` +
            `p50 ${ms(l.p50)} / p99 ${ms(l.p99)} at ${big.toLocaleString("en")}   ` +
            `ratio p50 ${(l.p50 / s.p50).toFixed(2)}, p99 ${(l.p99 / s.p99).toFixed(2)}  (${runs} runs each)`,
        );
      line("page 20:", pageSmall, pageLarge);
      line("byEmail:", emailSmall, emailLarge);
      small.close();
      large.close();
    } finally {
      await fauna.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes of the files in `dir` (the database and its WAL). */
function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

// ---- main -----------------------------------------------------------------------------------

const workerArgs = process.argv.slice(2);
if (process.env.BENCH_ONLY === "5") {
  await scale(workerArgs);
  process.exit(0);
}
const fauna = await startLocalFauna(workerArgs);
try {
  console.log(`local Fauna ${fauna.url} ${workerArgs.join(" ")} (in memory, ${PRODUCTS} products)`);
  const { admin, anon, shopper } = await seed(fauna.url);
  const token = (await anon.query<{ secret: string }>(fql`UserLogin("bench1@example.com", "bench-password")`)).data
    .secret;
  // BENCH_ONLY=1,2 runs just those scenarios (all by default; 5 alone exits above).
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
  const runs = (n: number) => !only || only.includes(String(n));
  if (runs(1)) await catalogThroughput(fauna, shopper, token);
  if (runs(2)) await loginInterference(shopper, anon);
  if (runs(3)) await runaways(fauna);
  if (runs(4)) await badInput(fauna);
  if (runs(5) && process.env.BENCH_SCALE !== "0") await scale(workerArgs);
  for (const c of [admin, anon, shopper]) c.close();
} finally {
  await fauna.stop();
}
