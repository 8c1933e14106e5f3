import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import { logInCustomer, signUpCustomer } from "./auth.ts";
import { InvalidCursorError } from "./errors.ts";
import { withShopperToken } from "./client.ts";
import { catalogPageQuery, getProduct, listProducts, listStores, PRODUCTS_PER_PAGE } from "./products.ts";
import { startTestFauna, testClient, uniqueEmail, type TestFauna } from "./test-support.ts";
import type { CatalogFilters, Product, ProductSort } from "./types.ts";

let fauna: TestFauna;
let token: string;
before(async () => {
  fauna = await startTestFauna();
  const email = uniqueEmail("catalog");
  await signUpCustomer(email, "correct horse", testClient());
  token = (await logInCustomer(email, "correct horse", testClient())).secret;
});
after(async () => {
  await fauna?.close();
});

async function walk(sort?: ProductSort, filters: Partial<CatalogFilters> = {}, pageSize = PRODUCTS_PER_PAGE) {
  const products: Product[] = [];
  let page = await listProducts(token, { sort, pageSize, ...filters });
  const total = page.total;
  products.push(...page.data);
  while (page.after) {
    assert.equal(page.data.length, pageSize, "only the last page is short");
    page = await listProducts(token, { sort, ...filters, after: page.after });
    assert.equal(page.total, total, "every page counts the same products");
    products.push(...page.data);
  }
  assert.ok(page.data.length <= pageSize);
  return { products, total };
}

type Named = { id: string; name: string; price: number; store: string };
const everyProduct = async () =>
  (
    await fauna.admin.query<Named[]>(
      fql`Product.all().map(p => { id: p.id, name: p.name, price: p.price, store: p.store!.id }).toArray()`,
    )
  ).data;

// The matching rule as the README states it, independent of how Fauna indexes it:
// some word of the name, with whatever follows it, starts with the query (any case).
function matchesSearch(name: string, query: string): boolean {
  const words = name.toLowerCase().split(" ");
  return words.some((_, index) => words.slice(index).join(" ").startsWith(query.toLowerCase().trim()));
}

const sortedIds = (products: { id: string }[]) => products.map((product) => product.id).sort();

test("the first page has a page's worth of products with their store names", async () => {
  const page = await listProducts(token);
  assert.equal(page.data.length, PRODUCTS_PER_PAGE);
  assert.ok(page.after, "a cursor for the next page");
  for (const product of page.data) {
    assert.ok(product.store?.name, `${product.name} has a store name`);
    assert.equal(typeof product.price, "number");
  }
});

test("following cursors visits every product exactly once", async () => {
  const { data: total } = await fauna.admin.query<number>(fql`Product.all().count()`);
  assert.ok(total >= 60, `seeded ${total} products`);
  const { products, total: counted } = await walk();
  const ids = products.map((product) => product.id);
  assert.equal(counted, total);
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total);
});

test("price sorting walks the catalog in price order", async () => {
  const ascending = (await walk("price-asc")).products.map((product) => product.price);
  assert.deepEqual(
    ascending,
    [...ascending].sort((a, b) => a - b),
  );
  const descending = (await walk("price-desc")).products.map((product) => product.price);
  assert.deepEqual(
    descending,
    [...descending].sort((a, b) => b - a),
  );
});

test("getProduct returns Fauna's sample cups with store, stock and backorder state", async () => {
  const { data: id } = await fauna.admin.query<string>(fql`Product.byName("cups").first()!.id`);
  const cups = await getProduct(token, id);
  assert.deepEqual(
    { ...cups, id: undefined, store: { name: cups?.store?.name } },
    {
      id: undefined,
      name: "cups",
      description: "Translucent 9 Oz, 100 ct",
      price: 6.98,
      quantity: 90,
      backorderLimit: 5,
      backordered: false,
      store: { name: "Party Supplies" },
    },
  );
});

test("getProduct is null for unknown, malformed and out-of-range ids", async () => {
  assert.equal(await getProduct(token, "1"), null);
  assert.equal(await getProduct(token, "abc"), null);
  assert.equal(await getProduct(token, "99999999999999999999"), null);
  assert.equal(await getProduct(token, "9999999999999999999"), null);
});

test("a cursor Fauna does not know is InvalidCursorError", async () => {
  await assert.rejects(listProducts(token, { after: "not-a-cursor" }), InvalidCursorError);
});

test("search finds the names with a word that starts with the query, in any case, across pages", async () => {
  const catalog = await everyProduct();
  for (const q of ["dog", "DOG", "Dog F", "p", "food", "og", "pinata", "birthday c", "zzz"]) {
    const expected = catalog.filter((product) => matchesSearch(product.name, q));
    const { products, total } = await walk("featured", { q }, 5);
    assert.deepEqual(sortedIds(products), sortedIds(expected), `search ${JSON.stringify(q)}`);
    assert.equal(total, expected.length, `count for ${JSON.stringify(q)}`);
  }
  // The rule in words: "og" is inside "dog" but starts no word.
  assert.equal((await listProducts(token, { q: "og" })).total, 0);
  assert.equal((await listProducts(token, { q: "dog" })).total, 9);
});

test("the store filter lists exactly that store's products, alone or with a search, in every order", async () => {
  const catalog = await everyProduct();
  const stores = await listStores(token);
  assert.deepEqual(
    stores.map((store) => store.name),
    ["DogExpress", "Foggy Bottom Market", "Party Supplies"],
  );
  const dogExpress = stores[0]!;
  for (const [q, sort] of [
    ["", "featured"],
    ["", "price-asc"],
    ["", "price-desc"],
    ["d", "name"],
    ["to", "price-asc"],
  ] as const) {
    const expected = catalog.filter((product) => product.store === dogExpress.id && matchesSearch(product.name, q));
    assert.ok(expected.length > 0);
    const { products, total } = await walk(sort, { q, storeId: dogExpress.id }, 4);
    assert.deepEqual(sortedIds(products), sortedIds(expected), `${q}/${sort}`);
    assert.equal(total, expected.length);
    assert.ok(products.every((product) => product.store?.name === "DogExpress"));
    const prices = products.map((product) => product.price);
    if (sort === "price-asc")
      assert.deepEqual(
        prices,
        [...prices].sort((a, b) => a - b),
      );
    if (sort === "price-desc")
      assert.deepEqual(
        prices,
        [...prices].sort((a, b) => b - a),
      );
    if (sort === "name") {
      const names = products.map((product) => product.name);
      assert.deepEqual(names, [...names].sort());
    }
  }
});

test("search and the store filter read only the products they find (an index, not a scan)", async () => {
  const readOps = async (filters: CatalogFilters) =>
    withShopperToken(token, async (client) => (await client.query(catalogPageQuery(filters))).stats?.read_ops ?? NaN);
  const { data: total } = await fauna.admin.query<number>(fql`Product.all().count()`);
  const [dogExpress] = await listStores(token);
  const { data: inStore } = await fauna.admin.query<number>(
    fql`Product.all().where(.store == Store.byId(${dogExpress!.id})).count()`,
  );

  // Unfiltered, counting the catalog reads every product: the baseline.
  assert.ok((await readOps({ sort: "featured" })) >= total);
  // One product and its store.
  assert.ok((await readOps({ q: "cups", sort: "featured" })) <= 3);
  assert.ok((await readOps({ q: "zzz", sort: "price-desc" })) <= 1);
  // The store's products (counted, the page among them) and the store.
  const storeReads = await readOps({ storeId: dogExpress!.id, sort: "name" });
  assert.ok(storeReads <= inStore + 2 && storeReads < total, `${storeReads} reads for ${inStore} products`);
});

test("a search cursor keeps the search, the store and the order", async () => {
  const [, market] = await listStores(token);
  const first = await listProducts(token, { q: "s", storeId: market!.id, sort: "price-desc", pageSize: 3 });
  assert.ok(first.after && first.total > 3);
  const second = await listProducts(token, { q: "s", storeId: market!.id, sort: "price-desc", after: first.after });
  assert.equal(second.data.length, Math.min(3, first.total - 3));
  for (const product of [...first.data, ...second.data]) {
    assert.equal(product.store?.name, "Foggy Bottom Market");
    assert.ok(matchesSearch(product.name, "s"), product.name);
  }
  assert.ok(first.data.at(-1)!.price >= second.data[0]!.price);
});
