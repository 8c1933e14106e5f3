// Reports per-query latency of typical storefront operations through the official driver
// over h2c (in-memory and on-disk). Figures only — nothing here asserts a time.
//   npm run bench -w fauna-emulator
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fql, type Client } from "fauna";
import { run, startDb } from "../test/support/emulator.js";

const PRODUCTS = 2000;

async function measure(label: string, n: number, f: () => Promise<unknown>): Promise<void> {
  await f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
  console.log(`  ${label.padEnd(48)} p50 ${pct(0.5).padStart(6)} ms   p95 ${pct(0.95).padStart(6)} ms   (${n} runs)`);
}

async function suite(name: string, dataDir: string | null): Promise<void> {
  const db = await startDb({ dataDir });
  const storeId = await run<string>(db.admin, fql`Store.create({ name: "Bench" }).id`);
  for (let i = 0; i < PRODUCTS; i += 500) {
    await run(
      db.admin,
      fql`Set.sequence(${i}, ${i + 500}).forEach(i => Product.create({ name: "p" + i.toString(), description: "d", price: i * 1.0, quantity: i, store: Store.byId(${storeId})! }))`,
    );
  }
  const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "unauthenticated" })`);
  const anon: Client = db.client(key.secret);
  await run(anon, fql`UserSignup("bench@example.com", "bench-password")`);
  const token = await run<{ secret: string }>(anon, fql`UserLogin("bench@example.com", "bench-password")`);
  const shopper = db.client(token.secret);
  const firstPage = await run<{ after: string }>(shopper, fql`Product.all().pageSize(12).paginate()`);

  console.log(`${name} (${PRODUCTS} products)`);
  await measure("1 + 1 (admin)", 300, () => db.admin.query(fql`1 + 1`));
  await measure("catalog page of 12 with store names (token)", 200, () =>
    shopper.query(fql`Product.all().map(p => p { name, price, store { name } }).paginate(12)`),
  );
  await measure("next page by cursor (token)", 200, () => shopper.query(fql`Set.paginate(${firstPage.after})`));
  await measure("index lookup Product.byName (token)", 200, () => shopper.query(fql`Product.byName("p1234").first()`));
  await measure("product create (admin)", 200, () =>
    db.admin.query(
      fql`Product.create({ name: "n" + newId().toString(), description: "d", price: 1.0, store: Store.byId(${storeId})! })`,
    ),
  );
  await measure("UserLogin (bcrypt verify + token)", 50, () =>
    anon.query(fql`UserLogin("bench@example.com", "bench-password")`),
  );
  await db.close();
}

const dir = mkdtempSync(join(tmpdir(), "fauna-bench-"));
try {
  await suite("in memory", null);
  await suite("on disk (WAL, synchronous=FULL)", dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
