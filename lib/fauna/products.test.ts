import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import { logInCustomer, signUpCustomer } from "./auth.ts";
import { InvalidCursorError } from "./errors.ts";
import { getProduct, listProducts, PRODUCTS_PER_PAGE } from "./products.ts";
import { startTestFauna, testClient, uniqueEmail, type TestFauna } from "./test-support.ts";
import type { Product } from "./types.ts";

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

async function walk(sort?: "featured" | "name" | "price-asc" | "price-desc") {
  const products: Product[] = [];
  let page = await listProducts(token, { sort });
  products.push(...page.data);
  while (page.after) {
    assert.ok(page.data.length <= PRODUCTS_PER_PAGE);
    page = await listProducts(token, { after: page.after });
    products.push(...page.data);
  }
  return products;
}

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
  const ids = (await walk()).map((product) => product.id);
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total);
});

test("price sorting walks the catalog in price order", async () => {
  const ascending = (await walk("price-asc")).map((product) => product.price);
  assert.deepEqual(
    ascending,
    [...ascending].sort((a, b) => a - b),
  );
  const descending = (await walk("price-desc")).map((product) => product.price);
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
