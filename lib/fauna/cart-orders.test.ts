import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, fql } from "fauna";
import { logInCustomer, signUpCustomer } from "./auth.ts";
import { addToCart, getCart, getCartItemCount, updateCartItem } from "./cart.ts";
import { cancelOrder, getOrder, getSavedAddress, listOrders, placeOrder } from "./orders.ts";
import { ShopRuleError, shopMessage, shortageMessage } from "./shop-errors.ts";
import { startTestFauna, testClient, uniqueEmail, type TestFauna } from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

const ADDRESS = { street: "7529 Oakwood Avenue", city: "Washington", state: "DC", postalCode: "20011", country: "USA" };

async function shopperToken() {
  const email = uniqueEmail("cart");
  await signUpCustomer(email, "correct horse", testClient());
  return (await logInCustomer(email, "correct horse", testClient())).secret;
}

async function newProduct(fields: { quantity: number; price: number; name?: string }) {
  const { data } = await fauna.admin.query<string>(fql`
    Product.create({
      name: ${fields.name ?? `lib test ${Math.random()}`}, description: "x", price: ${fields.price}, quantity: ${fields.quantity},
      backorderLimit: 0, backordered: false, store: Store.all().first()
    }).id
  `);
  return data;
}

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    assert.ok(error instanceof ShopRuleError, `expected a ShopRuleError, got ${String(error)}`);
    return error.rejection;
  }
  assert.fail("expected a refusal");
}

test("a new shopper has an empty cart and no orders", async () => {
  const token = await shopperToken();
  assert.deepEqual(await getCart(token), { lines: [], itemCount: 0, total: 0 });
  assert.equal(await getCartItemCount(token), 0);
  assert.deepEqual(await listOrders(token), { data: [], after: null });
  assert.equal(await getSavedAddress(token), null);
});

test("the cart shows today's prices, line totals, what can be ordered, and a deleted product's line", async () => {
  const token = await shopperToken();
  const cups = await newProduct({ name: "lib cups", quantity: 7, price: 0.1 });
  const gone = await newProduct({ quantity: 2, price: 5 });
  await addToCart(token, cups, 3);
  await addToCart(token, gone, 1);
  await fauna.admin.query(fql`Product.byId(${gone})!.delete()`);

  const cart = await getCart(token);
  assert.deepEqual(cart.lines, [
    { productId: cups, name: "lib cups", unitPrice: 0.1, quantity: 3, lineTotal: 0.3, orderable: 7 },
    { productId: gone, name: null, unitPrice: null, quantity: 1, lineTotal: 0, orderable: 0 },
  ]);
  assert.equal(cart.itemCount, 4);
  assert.equal(cart.total, 0.3);
  assert.equal(await getCartItemCount(token), 4);

  await updateCartItem(token, gone, 0);
  assert.deepEqual(
    (await getCart(token)).lines.map((line) => line.productId),
    [cups],
  );
});

test("refusals arrive as typed data with shopper messages", async () => {
  const token = await shopperToken();
  const scarce = await newProduct({ name: "lib scarce", quantity: 2, price: 1 });
  const rejection = await refusal(addToCart(token, scarce, 3));
  assert.deepEqual(rejection, {
    reason: "insufficient_stock",
    lines: [{ productId: scarce, name: "lib scarce", requested: 3, available: 2 }],
  });
  assert.equal(shopMessage(rejection), "Only 2 units left — you can order up to 2.");
  assert.deepEqual(await refusal(placeOrder(token, ADDRESS)), { reason: "empty_cart" });
  assert.deepEqual(await refusal(placeOrder(token, { ...ADDRESS, city: " " })), {
    reason: "invalid_address",
    fields: ["city"],
  });
  assert.deepEqual(await refusal(cancelOrder(token, "1")), { reason: "order_not_found" });
  assert.equal(
    shortageMessage({ productId: null, name: null, requested: 2, available: 0 }),
    "A product that is no longer sold: sold out (you asked for 2 units).",
  );
});

test("placed orders list newest first and keep the prices paid", async () => {
  const token = await shopperToken();
  const product = await newProduct({ name: "lib plates", quantity: 20, price: 12.49 });
  await addToCart(token, product, 2);
  const first = await placeOrder(token, ADDRESS);
  assert.equal(first.total, 24.98);
  await addToCart(token, product, 1);
  const second = await placeOrder(token, { ...ADDRESS, street: "1 Other Road" });
  await fauna.admin.query(fql`Product.byId(${product})!.update({ price: 50 })`);

  const orders = await listOrders(token);
  assert.deepEqual(
    orders.data.map((order) => [order.id, order.total, order.itemCount, order.status]),
    [
      [second.orderId, 12.49, 1, "processing"],
      [first.orderId, 24.98, 2, "processing"],
    ],
  );
  assert.ok(orders.data[0]!.placedAt instanceof Date);
  assert.deepEqual(await getSavedAddress(token), { ...ADDRESS, street: "1 Other Road" });

  const detail = await getOrder(token, first.orderId);
  assert.deepEqual(detail?.lines, [
    { productId: product, name: "lib plates", unitPrice: 12.49, quantity: 2, lineTotal: 24.98 },
  ]);
  assert.deepEqual(detail?.shippingAddress, ADDRESS);
  assert.equal(detail?.paymentMethod, "pay_on_delivery");
  assert.equal(detail?.cancelledAt, null);

  await cancelOrder(token, first.orderId);
  const cancelled = await getOrder(token, first.orderId);
  assert.equal(cancelled?.status, "cancelled");
  assert.ok(cancelled?.cancelledAt instanceof Date);
});

test("another shopper's order, a cart and malformed ids are not found", async () => {
  const [ann, bob] = [await shopperToken(), await shopperToken()];
  const product = await newProduct({ quantity: 5, price: 1 });
  await addToCart(ann, product, 1);
  const { orderId } = await placeOrder(ann, ADDRESS);
  assert.equal(await getOrder(bob, orderId), null);
  assert.deepEqual(await listOrders(bob), { data: [], after: null });
  // Ann's own cart is readable to her, but it is not an order.
  await addToCart(ann, product, 1);
  const client = new Client({ endpoint: new URL(fauna.endpoint), secret: ann });
  const cartId = (await client.query<string>(fql`let me: Any = Query.identity(); Order.byCartOwner(me).first()!.id`))
    .data;
  client.close();
  assert.equal(await getOrder(ann, cartId), null);
  for (const id of ["abc", "", "99999999999999999999"]) assert.equal(await getOrder(ann, id), null);
});
