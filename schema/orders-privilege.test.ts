// Least privilege for carts and orders (schema/orders.fsl, schema/roles.fsl): a shopper
// reads only their own orders and lines, writes none of them (nor products) directly,
// cannot act for another customer through the UDFs, and cannot smuggle functions into
// the @role(server) UDFs. Each refusal is checked together with "nothing changed".
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, NullDocument, type Query, type QueryValue } from "fauna";
import { appKey, errorOf, queryAs, startTestFauna, UNCHECKED, type TestFauna } from "./test-support.ts";
import {
  ADDRESS,
  addToCart,
  cancelOrder,
  cartLines,
  checkout,
  newProduct,
  newShopper,
  stockOf,
  storedOrder,
  updateCartItem,
  type Shopper,
} from "./shop-test-support.ts";

let fauna: TestFauna;
let ann: Shopper;
let bob: Shopper;
let product: string;
let annOrder: string;
let annCart: string;
let bobOrder: string;

before(async () => {
  fauna = await startTestFauna();
  [ann, bob] = [await newShopper(fauna, "ann"), await newShopper(fauna, "bob")];
  product = await newProduct(fauna, { quantity: 50, price: 5 });
  await addToCart(fauna, ann, product, 2);
  annOrder = (await checkout(fauna, ann)).orderId;
  annCart = (await addToCart(fauna, ann, product, 1)).cartId!;
  await addToCart(fauna, bob, product, 3);
  bobOrder = (await checkout(fauna, bob)).orderId;
});
after(async () => {
  await fauna?.close();
});

/** Fails unless the query raised one of `codes` or read nothing (an unreadable document renders as a null document). */
async function assertRefused(
  secret: string,
  label: string,
  query: Query<QueryValue>,
  codes = ["permission_denied", "null_value"],
) {
  let data: unknown;
  try {
    // Sent unchecked: the rule itself must refuse it, not the typechecker before it runs.
    data = await queryAs(fauna, secret, query, UNCHECKED);
  } catch (error) {
    const code = (error as { code?: string }).code;
    assert.ok(code && codes.includes(code), `${label}: raised ${code} ${String(error)}`);
    return;
  }
  const empty =
    data === null ||
    data === 0 ||
    (Array.isArray(data) && data.length === 0) ||
    (data instanceof NullDocument && data.cause === "permission denied");
  assert.ok(empty, `${label}: allowed, returned ${JSON.stringify(data)}`);
}

/** Everything the tests below must leave as it was. */
async function snapshot() {
  return {
    stock: await stockOf(fauna, product),
    annOrder: await storedOrder(fauna, annOrder),
    bobOrder: await storedOrder(fauna, bobOrder),
    annCart: await cartLines(fauna, ann),
    bobCart: await cartLines(fauna, bob),
    customers: (await fauna.admin.query(fql`[Customer.byId(${ann.id})!.address, Customer.byId(${bob.id})!.address]`))
      .data,
  };
}

test("a shopper reads their own orders and lines, and nobody else's", async () => {
  const own = await queryAs(
    fauna,
    ann.token,
    fql`[
    Order.all().map(.id).toArray().order(),
    OrderItem.all().count(),
    Order.byId(${annOrder})!.status
  ]`,
  );
  assert.deepEqual(own, [[annOrder, annCart].sort(), 2, "processing"]);

  for (const [label, query] of [
    ["Bob's order by id", fql`Order.byId(${bobOrder})!.status`],
    ["Bob's order rendered", fql`Order.byId(${bobOrder})`],
    ["Bob's placed orders by index", fql`Order.placedByCustomer(Customer.byId(${bob.id})).toArray()`],
    ["Bob's cart by index", fql`Order.byCartOwner(Customer.byId(${bob.id})).toArray()`],
    ["Bob's lines by index", fql`OrderItem.byOrder(Order.byId(${bobOrder})).toArray()`],
    [
      "Bob's lines by order and product",
      fql`OrderItem.byOrderAndProduct(Order.byId(${bobOrder}), Product.byId(${product})).toArray()`,
    ],
    ["every order of Bob", fql`Order.where(.customer == Customer.byId(${bob.id})).toArray()`],
  ] as const) {
    await assertRefused(ann.token, label, query);
  }
});

test("the app key reads no orders and calls none of the cart UDFs", async () => {
  for (const [label, query] of [
    ["Order.all()", fql`Order.all().toArray()`],
    ["OrderItem.all()", fql`OrderItem.all().toArray()`],
    ["an order by id", fql`Order.byId(${annOrder})!.status`],
    ["AddToCart", fql`AddToCart(${product}, 1)`],
    ["UpdateCartItem", fql`UpdateCartItem(${product}, 0)`],
    ["Checkout", fql`Checkout(${ADDRESS})`],
    ["CancelOrder", fql`CancelOrder(${annOrder})`],
  ] as const) {
    await assertRefused(appKey(), label, query);
  }
});

test("a shopper writes no Order, OrderItem or Product directly, not even their own", async () => {
  const before = await snapshot();
  for (const [label, query] of [
    [
      "create an order",
      fql`Order.create({ customer: Query.identity(), status: "processing", createdAt: Time.now(), placedAt: Time.now(), shippingAddress: ${ADDRESS}, total: 0, payment: { method: "pay_on_delivery" } })`,
    ],
    ["mark own order cancelled", fql`Order.byId(${annOrder})!.update({ status: "cancelled" })`],
    ["lower own order's total", fql`Order.byId(${annOrder})!.update({ total: 0 })`],
    ["delete own order", fql`Order.byId(${annOrder})!.delete()`],
    ["place own cart without Checkout", fql`Order.byId(${annCart})!.update({ status: "processing" })`],
    ["change own line's price", fql`OrderItem.byOrder(Order.byId(${annOrder})).first()!.update({ unitPrice: 0 })`],
    ["raise own cart line", fql`OrderItem.byOrder(Order.byId(${annCart})).first()!.update({ quantity: 99 })`],
    ["delete own line", fql`OrderItem.byOrder(Order.byId(${annOrder})).first()!.delete()`],
    [
      "add a line to own cart",
      fql`OrderItem.create({ order: Order.byId(${annCart}), product: Product.all().first(), quantity: 1 })`,
    ],
    [
      "add a line to Bob's order",
      fql`OrderItem.create({ order: Order.byId(${bobOrder}), product: Product.byId(${product}), quantity: 1 })`,
    ],
    ["update Bob's order", fql`Order.byId(${bobOrder})!.update({ status: "cancelled" })`],
    ["restock a product", fql`Product.byId(${product})!.update({ quantity: 1000 })`],
    ["reprice a product", fql`Product.byId(${product})!.update({ price: 0.01 })`],
  ] as const) {
    await assertRefused(ann.token, label, query);
  }
  assert.deepEqual(await snapshot(), before);
});

test("the UDFs act only for the caller: another customer's ids get them nothing", async () => {
  const before = await snapshot();
  // Bob's order id is "not found" for Ann, exactly like an id that does not exist.
  assert.deepEqual((await errorOf(cancelOrder(fauna, ann, bobOrder))).abort, { reason: "order_not_found" });
  assert.deepEqual((await errorOf(cancelOrder(fauna, ann, "1"))).abort, { reason: "order_not_found" });
  // A customer or order id where a product id belongs is just an unknown product.
  for (const id of [bob.id, bobOrder]) {
    assert.deepEqual((await errorOf(addToCart(fauna, ann, id, 1))).abort, { reason: "product_not_found" });
    assert.deepEqual((await errorOf(updateCartItem(fauna, ann, id, 1))).abort, { reason: "not_in_cart" });
  }
  // There is no parameter to name a customer: an extra argument is refused.
  for (const query of [
    fql`AddToCart(${product}, 1, ${bob.id})`,
    fql`UpdateCartItem(${product}, 0, ${bob.id})`,
    fql`Checkout(${ADDRESS}, ${bob.id})`,
    fql`CancelOrder(${bobOrder}, ${bob.id})`,
  ]) {
    assert.equal((await errorOf(queryAs(fauna, ann.token, query, UNCHECKED))).code, "invalid_function_invocation");
    assert.equal((await errorOf(queryAs(fauna, ann.token, query))).code, "invalid_query", "typechecked");
  }
  // Bob's cart holds the product too; Ann removing it changes only her own cart.
  await addToCart(fauna, bob, product, 1);
  await updateCartItem(fauna, ann, product, 0);
  assert.deepEqual(await cartLines(fauna, bob), [{ productId: product, quantity: 1 }]);
  assert.deepEqual(await cartLines(fauna, ann), []);
  await updateCartItem(fauna, bob, product, 0);
  await addToCart(fauna, ann, product, 1);
  assert.deepEqual(await snapshot(), before);
});

test("objects with function fields are refused by every UDF and their functions never run", async () => {
  const before = await snapshot();
  // Each function would write something the shopper may not (and return a value that
  // lets the UDF carry on) if a @role(server) UDF ever called it.
  const attacks: [string, Query<QueryValue>][] = [
    [
      "AddToCart with a product id object",
      fql`AddToCart({ length: 3, includesRegex: (pattern) => { Product.byId(${product})!.update({ price: 0.01 }); true } }, 1)`,
    ],
    [
      "AddToCart with a quantity object",
      fql`AddToCart(${product}, { valueOf: () => { Product.byId(${product})!.update({ price: 0.01 }); 1 } })`,
    ],
    [
      "UpdateCartItem with a product id object",
      fql`UpdateCartItem({ length: 3, includesRegex: (pattern) => { Order.byId(${bobOrder})!.update({ status: "cancelled" }); true } }, 0)`,
    ],
    [
      "Checkout with function-valued address fields",
      fql`Checkout({
        street: { length: 9, replaceAllRegex: (pattern, with) => { Product.byId(${product})!.update({ price: 0.01 }); "1 Main St" } },
        city: "Springfield", state: "IL", postalCode: "62701", country: "USA"
      })`,
    ],
    [
      "Checkout with a function as the address",
      fql`Checkout(() => { Product.byId(${product})!.update({ price: 0.01 }); ${ADDRESS} })`,
    ],
    [
      "CancelOrder with an order id object",
      fql`CancelOrder({ length: 3, includesRegex: (pattern) => { Order.byId(${bobOrder})!.update({ status: "cancelled" }); true } })`,
    ],
  ];
  for (const [label, query] of attacks) {
    const error = await errorOf(queryAs(fauna, ann.token, query, UNCHECKED));
    assert.equal(error.code, "abort", `${label}: ${error.code}`);
  }
  // Ann has a cart line, so Checkout would have gone through with a "valid" address.
  assert.deepEqual(await snapshot(), before);
});
