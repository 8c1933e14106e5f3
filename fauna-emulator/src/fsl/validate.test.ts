import assert from "node:assert/strict";
import { test } from "node:test";
import { shopSchemaFiles } from "../../test/support/fixtures.js";
import { date, doc, double, int, long, obj, time, type Value } from "../core/index.js";
import { parseSchemaFiles, validateDocument } from "./index.js";
import type { CollectionDef } from "./model.js";

const storefront = parseSchemaFiles(shopSchemaFiles());
const extra = parseSchemaFiles(
  new Map([
    [
      "extra.fsl",
      `collection Store {}
collection Product {}
collection Free {}
collection Open { name: String; *: Any }
collection Strict { *: String }
collection Pair { p: [Int, String] }
collection Place { address: { street: String?, city: String? } }
collection Thing {
  status: "active" | "inactive"
  tags: Array<String>?
  pair: [Int, String]?
  big: Long?
  num: Number?
  when: Date?
  owner: Store?
  either: { a: Int } | { b: Int } | Null
  shape: { a: Int, b?: String }?
  compute label = (t => t.status)
}`,
    ],
  ]),
);

const coll = (s: typeof storefront, name: string): CollectionDef =>
  s.collections.find((c) => c.name === name) ?? assert.fail(`no ${name}`);
const check = (c: CollectionDef, fields: Record<string, Value>) => validateDocument(c, obj(Object.entries(fields)));
const fail = (path: (string | number)[], message: string) => ({ paths: [path], message });

const product = coll(storefront, "Product");
const validProduct = (): Record<string, Value> => ({
  name: "cups",
  description: "Translucent 9 Oz, 100 ct",
  price: double(6.98),
  quantity: int(90),
  store: doc("Store", "401682422127657033"),
  backorderLimit: int(5),
  backordered: false,
});

test("a storefront product with every declared field passes", () => {
  assert.deepEqual(check(product, validProduct()), []);
});

test("a wrong scalar type reports `Expected <declared>, provided <actual>`", () => {
  assert.deepEqual(check(product, { ...validProduct(), name: int(1) }), [
    fail(["name"], "Expected String, provided Int"),
  ]);
  assert.deepEqual(check(product, { ...validProduct(), backordered: "no" }), [
    fail(["backordered"], "Expected Boolean, provided String"),
  ]);
  assert.deepEqual(
    check(product, {
      ...validProduct(),
      name: obj([
        ["a", int(1)],
        ["b", ["x", null]],
      ]),
    }),
    [fail(["name"], "Expected String, provided { a: Int, b: [String, Null] }")],
  );
});

test("numeric kinds: Double rejects Int, Int rejects Long and Double, Long and Number widen", () => {
  assert.deepEqual(check(product, { ...validProduct(), price: int(10) }), [
    fail(["price"], "Expected Double, provided Int"),
  ]);
  assert.deepEqual(check(product, { ...validProduct(), quantity: long(2n ** 40n) }), [
    fail(["quantity"], "Expected Int, provided Long"),
  ]);
  assert.deepEqual(check(product, { ...validProduct(), quantity: double(1.5) }), [
    fail(["quantity"], "Expected Int, provided Double"),
  ]);
  const thing = coll(extra, "Thing");
  assert.deepEqual(check(thing, { status: "active", big: int(3), num: double(2.5) }), []);
  assert.deepEqual(check(thing, { status: "active", num: "2" }), [
    fail(["num"], "Expected Number | Null, provided String"),
  ]);
});

test("a missing or null required field reports `Missing required field of type …`", () => {
  const { description: _omit, ...rest } = validProduct();
  assert.deepEqual(check(product, rest), [fail(["description"], "Missing required field of type String")]);
  assert.deepEqual(check(product, { ...validProduct(), store: null }), [
    fail(["store"], "Missing required field of type Store | NullStore"),
  ]);
});

test("optional fields (`T?`) may be absent but still type-check when present", () => {
  const customer = coll(storefront, "Customer");
  assert.deepEqual(check(customer, { email: "a@b.c" }), []);
  assert.deepEqual(check(customer, { email: "a@b.c", name: int(3) }), [
    fail(["name"], "Expected String | Null, provided Int"),
  ]);
});

test("undeclared fields are refused when fields are declared and there is no wildcard", () => {
  assert.deepEqual(check(product, { ...validProduct(), color: "red" }), [fail(["color"], "Unexpected field provided")]);
  assert.deepEqual(check(coll(extra, "Free"), { anything: int(1), nested: obj([["x", date("2024-01-01")]]) }), []);
  assert.deepEqual(check(coll(extra, "Open"), { name: "n", other: [int(1)] }), []);
  assert.deepEqual(check(coll(extra, "Strict"), { a: "x", b: int(2) }), [fail(["b"], "Expected String, provided Int")]);
});

test("reserved top-level names are refused; `id` is left to the caller", () => {
  const free = coll(extra, "Free");
  const names = ["coll", "ts", "data", "delete", "update", "replace", "updateData", "replaceData", "exists"];
  assert.deepEqual(
    check(free, Object.fromEntries(names.map((n) => [n, int(1)]))),
    names.map((n) => fail([n], "Is a reserved field and cannot be used")),
  );
  assert.deepEqual(check(free, { id: "123" }), []);
});

test("ttl must be a Time and computed fields cannot be written", () => {
  const thing = coll(extra, "Thing");
  assert.deepEqual(check(thing, { status: "active", ttl: time(10n) }), []);
  assert.deepEqual(check(thing, { status: "active", ttl: int(1) }), [
    fail(["ttl"], "Expected Time | Null, provided Int"),
  ]);
  assert.deepEqual(check(thing, { status: "active", label: "x" }), [
    fail(["label"], "Cannot write to a computed field"),
  ]);
});

test("nested struct failures carry the full path", () => {
  const store = coll(storefront, "Store");
  const address = (fields: Record<string, Value>) => obj(Object.entries(fields));
  const full = { street: "1 Main", city: "X", state: "CA", postalCode: "1", country: "US" };
  assert.deepEqual(check(store, { name: "s", address: address({ ...full, city: int(1) }) }), [
    fail(["address", "city"], "Expected String, provided Int"),
  ]);
  assert.deepEqual(check(store, { name: "s", address: address({ ...full, zip: "1" }) }), [
    fail(["address", "zip"], "Unexpected field provided"),
  ]);
  assert.deepEqual(check(store, { name: "s", address: "Main St" }), [
    fail(
      ["address"],
      "Expected { street: String, city: String, state: String, postalCode: String, country: String } | Null, provided String",
    ),
  ]);
  const place = coll(extra, "Place");
  assert.deepEqual(check(place, { address: address({ city: int(1) }) }), [
    fail(["address", "city"], "Expected String | Null, provided Int"),
  ]);
  assert.deepEqual(check(place, { address: "Main St" }), [
    fail(["address"], "Expected { street: String | Null, city: String | Null }, provided String"),
  ]);
  const customer = coll(storefront, "Customer");
  assert.deepEqual(
    check(customer, { email: "e", address: address({ street: "s", state: "st", postalCode: "p", country: "c" }) }),
    [fail(["address", "city"], "Missing required field of type String")],
  );
  const thing = coll(extra, "Thing");
  assert.deepEqual(check(thing, { status: "active", shape: address({ a: int(1) }) }), []);
});

test("documents: Ref<C> and C accept documents of C only", () => {
  assert.deepEqual(check(product, { ...validProduct(), store: doc("Product", "1") }), [
    fail(["store"], "Expected Store | NullStore, provided Document"),
  ]);
  assert.deepEqual(check(product, { ...validProduct(), store: "1" }), [
    fail(["store"], "Expected Store | NullStore, provided String"),
  ]);
  const thing = coll(extra, "Thing");
  assert.deepEqual(check(thing, { status: "active", owner: doc("Store", "1") }), []);
  assert.deepEqual(check(thing, { status: "active", owner: doc("Product", "1") }), [
    fail(["owner"], "Expected Store | Null, provided Document"),
  ]);
});

test("literal types name the provided literal when it is of the same kind", () => {
  const thing = coll(extra, "Thing");
  assert.deepEqual(check(thing, { status: "pending" }), [
    fail(["status"], 'Expected "active" | "inactive", provided "pending"'),
  ]);
  assert.deepEqual(check(thing, { status: int(1) }), [
    fail(["status"], 'Expected "active" | "inactive", provided Int'),
  ]);
});

test("arrays check each element; tuples check arity", () => {
  const thing = coll(extra, "Thing");
  assert.deepEqual(check(thing, { status: "active", tags: ["a", int(1)] }), [
    fail(["tags", 1], "Expected String, provided Int"),
  ]);
  assert.deepEqual(check(thing, { status: "active", pair: [int(1), "a"] }), []);
  assert.deepEqual(check(coll(extra, "Pair"), { p: [int(1)] }), [fail(["p"], "Invalid tuple arity")]);
  // Inside a union the arity failure falls back to a mismatch against the whole union.
  assert.deepEqual(check(thing, { status: "active", pair: [int(1)] }), [
    fail(["pair"], "Expected [Int, String] | Null, provided [Int]"),
  ]);
  assert.deepEqual(check(thing, { status: "active", when: "2024-01-01" }), [
    fail(["when"], "Expected Date | Null, provided String"),
  ]);
});

test("a struct matching no union member reports the fields each member requires", () => {
  const thing = coll(extra, "Thing");
  assert.deepEqual(check(thing, { status: "active", either: obj() }), [
    fail(["either"], "Union requires fields [a] or [b]"),
  ]);
  assert.deepEqual(check(thing, { status: "active", either: obj([["a", int(1)]]) }), []);
});
