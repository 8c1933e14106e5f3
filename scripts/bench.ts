// npm run bench — how long a shopper waits on Fauna for checkout and catalog search:
// the app's own query functions (lib/fauna/) through the official driver, against an
// in-process local Fauna on disk (WAL, synchronous=FULL) with the real schema/ and the
// seed catalog plus generated products. Figures only: nothing here asserts a time.
// BENCH_PRODUCTS sets how many products are added to the 64 of the seed (default 2000).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client, fql } from "fauna";
import { logInCustomer, signUpCustomer } from "../lib/fauna/auth.ts";
import { addToCart, updateCartItem } from "../lib/fauna/cart.ts";
import { placeOrder } from "../lib/fauna/orders.ts";
import { getProduct, listProducts, listStores } from "../lib/fauna/products.ts";
import { readEnvFile } from "./lib/env-file.ts";
import { startLocalEmulator } from "./lib/local-emulator.ts";
import { setupDatabase } from "./lib/setup-database.ts";

const EXTRA_PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);
const ADDRESS = { street: "1 Bench Street", city: "Washington", state: "DC", postalCode: "20001", country: "USA" };

/** Times `step` alone; `prepare` runs untimed before each run. */
async function measure(label: string, runs: number, step: () => Promise<unknown>, prepare?: () => Promise<unknown>) {
  await prepare?.();
  await step(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare?.();
    const start = performance.now();
    await step();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2).padStart(7);
  console.log(`  ${label.padEnd(52)} p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   p99 ${at(0.99)} ms   (${runs} runs)`);
}

// Words for generated names, so searches match a realistic share of the catalog.
const ADJECTIVES = ["red", "large", "organic", "classic", "mini", "deluxe", "fresh", "party", "dog", "travel"];
const NOUNS = [
  "cups",
  "bowl",
  "treats",
  "lights",
  "bread",
  "balloons",
  "leash",
  "juice",
  "candles",
  "toy",
  "plates",
  "beans",
];

async function main() {
  const adminSecret = (process.env.FAUNA_ROOT_SECRET ||= "secret");
  const dataDir = mkdtempSync(join(tmpdir(), "storefront-bench-fauna-"));
  const workDir = mkdtempSync(join(tmpdir(), "storefront-bench-env-"));
  const emulator = await startLocalEmulator({ port: 0, dataDir });
  const admin = new Client({ endpoint: new URL(emulator.url), secret: adminSecret });
  try {
    const envFile = join(workDir, ".env.bench");
    await setupDatabase({ endpoint: emulator.url, adminSecret, schemaDir: resolve("schema"), envFile });
    process.env.FAUNA_ENDPOINT = emulator.url;
    process.env.FAUNA_SECRET = readEnvFile(envFile).FAUNA_SECRET;

    const started = performance.now();
    for (let from = 0; from < EXTRA_PRODUCTS; from += 250) {
      const names = Array.from({ length: Math.min(250, EXTRA_PRODUCTS - from) }, (_, k) => {
        const i = from + k;
        return `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]} ${i}`;
      });
      await admin.query(fql`
        let stores = Store.sortedByName().toArray()
        ${names}.forEach(name => Product.create({
          name: name, description: "Generated for the benchmark", price: name.length * 1.25, quantity: 100,
          store: stores[name.length % stores.length], backorderLimit: 0, backordered: false
        }))
      `);
    }
    const { data: total } = await admin.query<number>(fql`Product.sortedByName().count()`);
    console.log(
      `Storefront (app queries via the driver, local Fauna on disk, ${total} products; ${EXTRA_PRODUCTS} generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    const benchClient = { ip: "127.0.0.1", device: "bench" };
    await signUpCustomer("bench@example.com", "bench pass phrase 42", benchClient);
    const token = (await logInCustomer("bench@example.com", "bench pass phrase 42", benchClient)).secret;
    const [store] = await listStores(token);
    const { data: cupsId } = await admin.query<string>(
      fql`Product.byName("cups").first()!.update({ quantity: 1000000 }).id`,
    );
    const searchPage = await listProducts(token, { q: "dog", sort: "price-asc" });

    console.log("Catalog");
    await measure("first page, no filter (featured), without count", 200, () =>
      listProducts(token, { withTotal: false }),
    );
    await measure("first page, no filter (featured), with count", 100, () => listProducts(token));
    await measure('search "dog", with count', 200, () => listProducts(token, { q: "dog" }));
    await measure('search "dog" sorted by price, with count', 200, () =>
      listProducts(token, { q: "dog", sort: "price-asc" }),
    );
    await measure('search "dog", next page by cursor', 200, () =>
      listProducts(token, { q: "dog", sort: "price-asc", after: searchPage.after ?? undefined }),
    );
    await measure('search "zzz" (no match)', 200, () => listProducts(token, { q: "zzz" }));
    await measure(`store filter (${store!.name}), by name, with count`, 100, () =>
      listProducts(token, { storeId: store!.id, sort: "name" }),
    );
    await measure(`search "c" in ${store!.name}`, 200, () => listProducts(token, { q: "c", storeId: store!.id }));
    await measure("store list for the filter", 200, () => listStores(token));
    await measure("product page", 200, () => getProduct(token, cupsId));

    console.log("Checkout");
    const emptyCart = () => updateCartItem(token, cupsId, 0);
    await measure("add to cart (AddToCart, new line)", 200, () => addToCart(token, cupsId, 1), emptyCart);
    await measure(
      "checkout of a one-line cart (Checkout)",
      200,
      () => placeOrder(token, ADDRESS),
      () => addToCart(token, cupsId, 2),
    );
    const fiveLines = (await listProducts(token, { q: "party", pageSize: 5, withTotal: false })).data.map(
      (product) => product.id,
    );
    await admin.query(fql`${fiveLines}.forEach(id => Product.byId(id)!.update({ quantity: 1000000 }))`);
    await measure(
      "checkout of a five-line cart (Checkout)",
      100,
      () => placeOrder(token, ADDRESS),
      async () => {
        for (const id of fiveLines) await addToCart(token, id, 1);
      },
    );
  } finally {
    admin.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
