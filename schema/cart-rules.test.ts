// What the cart and order UDFs (schema/orders.fsl) do for the shopper who calls them,
// driven through the official driver with shopper tokens. Stock and prices are set up
// and inspected by an operator (the admin key), never by the shopper.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import { errorOf, queryAs, startTestFauna, UNCHECKED, type TestFauna } from "./test-support.ts";
import {
  ADDRESS,
  addToCart,
  cancelOrder,
  cartLines,
  checkout,
  newProduct,
  newShopper,
  setPrice,
  stockOf,
  storedOrder,
  updateCartItem,
} from "./shop-test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

// ---- Cart -------------------------------------------------------------------------

test("AddToCart creates the shopper's cart on first use and adds to an existing line", async () => {
  const shopper = await newShopper(fauna);
  const [a, b] = [await newProduct(fauna, { quantity: 10 }), await newProduct(fauna, { quantity: 10 })];

  const first = await addToCart(fauna, shopper, a, 2);
  assert.equal(first.itemCount, 2);
  const second = await addToCart(fauna, shopper, a, 3);
  assert.equal(second.cartId, first.cartId, "one cart");
  assert.equal((await addToCart(fauna, shopper, b, 1)).itemCount, 6);
  assert.deepEqual(
    await cartLines(fauna, shopper),
    [
      { productId: a, quantity: 5 },
      { productId: b, quantity: 1 },
    ].sort((x, y) => x.productId.localeCompare(y.productId)),
  );
  // Adding reserves nothing: stock only moves at checkout.
  assert.equal((await stockOf(fauna, a)).quantity, 10);
});

test("AddToCart refuses quantities outside 1–99 and non-integers", async () => {
  const shopper = await newShopper(fauna);
  const product = await newProduct(fauna, { quantity: 500 });
  for (const quantity of [0, -1, 100, 2.5]) {
    const error = await errorOf(addToCart(fauna, shopper, product, quantity, UNCHECKED));
    assert.deepEqual(error.abort, { reason: "invalid_quantity", max: 99 }, `quantity ${quantity}`);
  }
  // Typechecked (the default), a non-Int never reaches the UDF.
  assert.equal((await errorOf(addToCart(fauna, shopper, product, 2.5))).code, "invalid_query");
  await addToCart(fauna, shopper, product, 60);
  const overLine = await errorOf(addToCart(fauna, shopper, product, 40));
  assert.deepEqual(overLine.abort, { reason: "invalid_quantity", max: 99 }, "a line holds at most 99");
  assert.deepEqual(await cartLines(fauna, shopper), [{ productId: product, quantity: 60 }]);
});

test("AddToCart refuses unknown products and more than can be ordered; backorders count", async () => {
  const shopper = await newShopper(fauna);
  for (const id of ["1", "abc", "", "12345678901234567890"]) {
    assert.deepEqual(
      (await errorOf(addToCart(fauna, shopper, id, 1))).abort,
      { reason: "product_not_found" },
      `id ${id}`,
    );
  }
  const soldOut = await newProduct(fauna, { quantity: 0 });
  assert.deepEqual((await errorOf(addToCart(fauna, shopper, soldOut, 1))).abort, {
    reason: "insufficient_stock",
    lines: [{ productId: soldOut, name: await productName(soldOut), requested: 1, available: 0 }],
  });
  const backorderable = await newProduct(fauna, { quantity: 2, backorderLimit: 3 });
  await addToCart(fauna, shopper, backorderable, 5);
  const over = await errorOf(addToCart(fauna, shopper, backorderable, 1));
  assert.equal((over.abort as { reason: string }).reason, "insufficient_stock");
  assert.deepEqual(
    (over.abort as { lines: { requested: number; available: number }[] }).lines.map((l) => [l.requested, l.available]),
    [[6, 5]],
  );
  assert.deepEqual(await cartLines(fauna, shopper), [{ productId: backorderable, quantity: 5 }]);
});

test("a cart holds at most 50 different products", async () => {
  const shopper = await newShopper(fauna);
  const ids = (await fauna.admin.query<string[]>(fql`Product.all().where(.quantity > 0).take(51).map(.id).toArray()`))
    .data;
  assert.equal(ids.length, 51);
  for (const id of ids.slice(0, 50)) await addToCart(fauna, shopper, id, 1);
  assert.deepEqual((await errorOf(addToCart(fauna, shopper, ids[50]!, 1))).abort, {
    reason: "cart_full",
    maxLines: 50,
  });
  // More of a product already in the cart is fine.
  assert.equal((await addToCart(fauna, shopper, ids[0]!, 1)).itemCount, 51);
});

test("UpdateCartItem sets a line's quantity, 0 removes it, and it never adds a product", async () => {
  const shopper = await newShopper(fauna);
  const [a, b] = [await newProduct(fauna, { quantity: 5 }), await newProduct(fauna, { quantity: 5 })];
  await addToCart(fauna, shopper, a, 1);
  await addToCart(fauna, shopper, b, 1);

  assert.equal((await updateCartItem(fauna, shopper, a, 4)).itemCount, 5);
  assert.equal((await updateCartItem(fauna, shopper, b, 0)).itemCount, 4);
  assert.deepEqual(await cartLines(fauna, shopper), [{ productId: a, quantity: 4 }]);
  // Removing what is not there is a no-op; setting it is refused.
  assert.equal((await updateCartItem(fauna, shopper, b, 0)).itemCount, 4);
  assert.deepEqual((await errorOf(updateCartItem(fauna, shopper, b, 2))).abort, { reason: "not_in_cart" });
  const short = await errorOf(updateCartItem(fauna, shopper, a, 6));
  assert.equal((short.abort as { reason: string }).reason, "insufficient_stock");
  for (const quantity of [-1, 100, 1.5]) {
    assert.deepEqual((await errorOf(updateCartItem(fauna, shopper, a, quantity, UNCHECKED))).abort, {
      reason: "invalid_quantity",
      max: 99,
    });
  }
  assert.deepEqual(await cartLines(fauna, shopper), [{ productId: a, quantity: 4 }]);
});

test("a product deleted by an operator can still be removed from the cart", async () => {
  const shopper = await newShopper(fauna);
  const gone = await newProduct(fauna, { quantity: 5 });
  await addToCart(fauna, shopper, gone, 2);
  await fauna.admin.query(fql`Product.byId(${gone})!.delete()`);
  const shortage = await errorOf(checkout(fauna, shopper));
  assert.deepEqual(shortage.abort, {
    reason: "insufficient_stock",
    lines: [{ productId: null, name: null, requested: 2, available: 0 }],
  });
  assert.equal((await updateCartItem(fauna, shopper, gone, 0)).itemCount, 0);
  assert.deepEqual(await cartLines(fauna, shopper), []);
});

// ---- Checkout ---------------------------------------------------------------------

test("Checkout places the cart: stock down, prices copied, total, address on order and customer", async () => {
  const shopper = await newShopper(fauna);
  const cups = await newProduct(fauna, { quantity: 10, price: 6.98 });
  const plates = await newProduct(fauna, { quantity: 4, price: 12 });
  await addToCart(fauna, shopper, cups, 3);
  await addToCart(fauna, shopper, plates, 1);

  const placed = await checkout(fauna, shopper, { ...ADDRESS, street: `  ${ADDRESS.street}\t`, city: " Washington " });
  assert.equal(placed.total, 32.94);
  const order = await storedOrder(fauna, placed.orderId);
  assert.equal(order.status, "processing");
  assert.equal(order.total, 32.94);
  assert.ok(order.placedAt, "placedAt is set");
  assert.deepEqual(order.shippingAddress, ADDRESS, "trimmed");
  assert.deepEqual(order.payment, { method: "pay_on_delivery" });
  assert.deepEqual(
    order.lines.map((l) => [l.productId, l.quantity, l.unitPrice]),
    [
      [cups, 3, 6.98],
      [plates, 1, 12],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
  );
  assert.equal((await stockOf(fauna, cups)).quantity, 7);
  assert.equal((await stockOf(fauna, plates)).quantity, 3);
  const saved = await fauna.admin.query(fql`Customer.byId(${shopper.id})!.address`);
  assert.deepEqual(saved.data, ADDRESS);

  // The cart became the order; the next add starts a new cart.
  assert.deepEqual(await cartLines(fauna, shopper), []);
  const next = await addToCart(fauna, shopper, cups, 1);
  assert.notEqual(next.cartId, placed.orderId);
  assert.equal(next.itemCount, 1);
});

test("Checkout refuses an empty cart and a bad address, changing nothing", async () => {
  const shopper = await newShopper(fauna);
  assert.deepEqual((await errorOf(checkout(fauna, shopper))).abort, { reason: "empty_cart" });
  const product = await newProduct(fauna, { quantity: 3 });
  await addToCart(fauna, shopper, product, 1);
  await updateCartItem(fauna, shopper, product, 0);
  assert.deepEqual((await errorOf(checkout(fauna, shopper))).abort, { reason: "empty_cart" }, "a cart with no lines");

  await addToCart(fauna, shopper, product, 1);
  const bad = await errorOf(
    checkout(fauna, shopper, { ...ADDRESS, street: "   ", postalCode: "x".repeat(21), country: 7 }, UNCHECKED),
  );
  assert.deepEqual(bad.abort, { reason: "invalid_address", fields: ["street", "postalCode", "country"] });
  assert.deepEqual((await errorOf(checkout(fauna, shopper, "1 Main St", UNCHECKED))).abort, {
    reason: "invalid_address",
    fields: ["street", "city", "state", "postalCode", "country"],
  });
  assert.equal((await stockOf(fauna, product)).quantity, 3);
  assert.deepEqual(await cartLines(fauna, shopper), [{ productId: product, quantity: 1 }]);
});

test("a shortage aborts Checkout with every short line and changes nothing", async () => {
  const shopper = await newShopper(fauna);
  const plenty = await newProduct(fauna, { quantity: 10 });
  const scarce = await newProduct(fauna, { quantity: 5 });
  const scarcer = await newProduct(fauna, { quantity: 4, backorderLimit: 2 });
  await addToCart(fauna, shopper, plenty, 2);
  await addToCart(fauna, shopper, scarce, 4);
  await addToCart(fauna, shopper, scarcer, 6);
  // Someone else bought most of it meanwhile.
  await fauna.admin.query(fql`Product.byId(${scarce})!.update({ quantity: 1 })`);
  await fauna.admin.query(fql`Product.byId(${scarcer})!.update({ quantity: 2 })`);

  const error = await errorOf(checkout(fauna, shopper));
  const abort = error.abort as { reason: string; lines: { productId: string; requested: number; available: number }[] };
  assert.equal(abort.reason, "insufficient_stock");
  assert.deepEqual(
    abort.lines
      .map(({ productId, requested, available }) => ({ productId, requested, available }))
      .sort((x, y) => x.productId.localeCompare(y.productId)),
    [
      { productId: scarce, requested: 4, available: 1 },
      { productId: scarcer, requested: 6, available: 4 },
    ].sort((x, y) => x.productId.localeCompare(y.productId)),
  );
  assert.equal((await stockOf(fauna, plenty)).quantity, 10, "nothing decremented");
  assert.equal((await stockOf(fauna, scarce)).quantity, 1);
  assert.equal((await cartLines(fauna, shopper)).length, 3, "still a cart");
  const address = await fauna.admin.query(fql`Customer.byId(${shopper.id})!.address`);
  assert.equal(address.data, null, "no address saved");
});

test("Checkout into backorder marks the product backordered", async () => {
  const shopper = await newShopper(fauna);
  const product = await newProduct(fauna, { quantity: 2, backorderLimit: 5 });
  await addToCart(fauna, shopper, product, 4);
  await checkout(fauna, shopper);
  assert.deepEqual(await stockOf(fauna, product), { quantity: -2, backordered: true, price: 10 });
});

test("a price change after checkout does not change the placed order", async () => {
  const shopper = await newShopper(fauna);
  const product = await newProduct(fauna, { quantity: 10, price: 19.99 });
  await addToCart(fauna, shopper, product, 2);
  const { orderId } = await checkout(fauna, shopper);
  await setPrice(fauna, product, 99.5);
  const order = await storedOrder(fauna, orderId);
  assert.equal(order.total, 39.98);
  assert.equal(order.lines[0]?.unitPrice, 19.99);
  // What the shopper reads with their own token agrees.
  const seen = await queryAs(
    fauna,
    shopper.token,
    fql`Order.byId(${orderId})! { total, lines: OrderItem.byOrder(Order.byId(${orderId})!).map(.unitPrice).toArray() }`,
  );
  assert.deepEqual(seen, { total: 39.98, lines: [19.99] });
});

test("two shoppers checking out the last unit at once: exactly one order, stock never below zero", async () => {
  const [ann, bob] = [await newShopper(fauna, "ann"), await newShopper(fauna, "bob")];
  for (let round = 0; round < 20; round++) {
    const product = await newProduct(fauna, { quantity: 1 });
    await addToCart(fauna, ann, product, 1);
    await addToCart(fauna, bob, product, 1);
    const results = await Promise.allSettled([checkout(fauna, ann), checkout(fauna, bob)]);
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(placed.length, 1, `round ${round}: one order placed`);
    assert.equal(refused.length, 1);
    assert.equal((refused[0]!.reason as { abort?: { reason?: string } }).abort?.reason, "insufficient_stock");
    assert.equal((await stockOf(fauna, product)).quantity, 0, `round ${round}: stock`);
    // The loser's cart is untouched; empty it for the next round.
    const loser = results[0]!.status === "rejected" ? ann : bob;
    assert.deepEqual(await cartLines(fauna, loser), [{ productId: product, quantity: 1 }]);
    await updateCartItem(fauna, loser, product, 0);
  }
});

// ---- Cancel -----------------------------------------------------------------------

test("CancelOrder puts the units back and only once", async () => {
  const shopper = await newShopper(fauna);
  const product = await newProduct(fauna, { quantity: 3, backorderLimit: 5 });
  await addToCart(fauna, shopper, product, 5);
  const { orderId } = await checkout(fauna, shopper);
  assert.deepEqual(await stockOf(fauna, product), { quantity: -2, backordered: true, price: 10 });

  assert.deepEqual(await cancelOrder(fauna, shopper, orderId), { orderId, status: "cancelled" });
  assert.deepEqual(await stockOf(fauna, product), { quantity: 3, backordered: false, price: 10 });
  assert.equal((await storedOrder(fauna, orderId)).status, "cancelled");
  assert.deepEqual((await errorOf(cancelOrder(fauna, shopper, orderId))).abort, {
    reason: "not_cancellable",
    status: "cancelled",
  });
  assert.equal((await stockOf(fauna, product)).quantity, 3, "not restored twice");
});

test("CancelOrder refuses a cart and ids that are not orders", async () => {
  const shopper = await newShopper(fauna);
  const product = await newProduct(fauna, { quantity: 3 });
  const { cartId } = await addToCart(fauna, shopper, product, 1);
  assert.deepEqual((await errorOf(cancelOrder(fauna, shopper, cartId!))).abort, {
    reason: "not_cancellable",
    status: "cart",
  });
  for (const id of ["1", "x", product]) {
    assert.deepEqual((await errorOf(cancelOrder(fauna, shopper, id))).abort, { reason: "order_not_found" }, id);
  }
});

// ---- Schema constraints (hold even for an operator) ---------------------------------

test("a customer has at most one cart, and a placed order is complete", async () => {
  const shopper = await newShopper(fauna);
  const product = await newProduct(fauna, { quantity: 3 });
  await addToCart(fauna, shopper, product, 1);
  const second = await errorOf(
    fauna.admin.query(
      fql`Order.create({ customer: Customer.byId(${shopper.id}), status: "cart", createdAt: Time.now() })`,
    ),
  );
  assert.equal(second.code, "constraint_failure");
  const incomplete = await errorOf(
    fauna.admin.query(
      fql`Order.create({ customer: Customer.byId(${shopper.id}), status: "processing", createdAt: Time.now() })`,
    ),
  );
  assert.equal(incomplete.code, "constraint_failure");
  const other = await newProduct(fauna, { quantity: 3 });
  const zero = await errorOf(
    fauna.admin.query(fql`
    OrderItem.create({ order: Order.byCartOwner(Customer.byId(${shopper.id})).first(), product: Product.byId(${other}), quantity: 0 })
  `),
  );
  assert.equal(zero.code, "constraint_failure");
});

async function productName(id: string) {
  return (await fauna.admin.query<string>(fql`Product.byId(${id})!.name`)).data;
}
