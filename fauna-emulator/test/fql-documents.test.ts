// FQL conformance: collections, indexes, documents, projection, schema/keys and transactions.
// Sources: Fauna reference §3.3–3.4, §9.5–9.11; core specs FQL2ProjectionSpec, FQL2IndexSpec,
// FQL2InterpreterSpec, FQL2IterableSpec (forEach side effects).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AbortError,
  Document,
  DocumentReference,
  Module,
  NamedDocument,
  NullDocument,
  Page,
  TimeStub,
  fql,
} from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

// Documents carry their user fields as extra properties.
type Doc = Document & Record<string, unknown>;

let db: TestDb;
let storeId = "";
let otherStoreId = "";

before(async () => {
  db = await startDb();
  const ids = await run<string[]>(
    db.admin,
    fql`let s = Store.create({ name: "Main", address: { street: "1 Main", city: "X", state: "CA", postalCode: "1", country: "US" } })
let o = Store.create({ name: "Other" })
Product.create({ name: "cups", description: "Translucent 9 Oz", price: 6.98, quantity: 90, store: s })
Product.create({ name: "plates", description: "d", price: 3.5, store: s })
Product.create({ name: "napkins", description: "d", price: 2.25, store: s })
Product.create({ name: "forks", description: "d", price: 8.0, store: s })
Product.create({ name: "spoons", description: "d", price: 3.5, store: s })
Product.create({ name: "dup", description: "d", price: 9.5, store: s })
Product.create({ name: "dup", description: "d", price: 1.5, store: o })
[s.id, o.id]`,
  );
  storeId = ids[0]!;
  otherStoreId = ids[1]!;
  // A schemaless collection (no fields declared) for free-form document tests.
  await run(db.admin, fql`Collection.create({ name: "Thing" })`);
});
after(async () => {
  await db.close();
});

// ---- collections ---------------------------------------------------------------

test("Coll.create returns the new document with id, coll, ts and defaults applied", async () => {
  const d = await run<Doc>(
    db.admin,
    fql`Product.create({ name: "bowls", description: "d", price: 4.5, store: Store.byId(${storeId}) })`,
  );
  assert.ok(d instanceof Document);
  assert.match(d.id, /^\d+$/);
  assert.ok(d.coll instanceof Module);
  assert.equal(d.coll.name, "Product");
  assert.ok(d.ts instanceof TimeStub);
  assert.equal(d.name, "bowls");
  assert.equal(d.quantity, 0); // FSL default
  assert.equal(d.backordered, false);
  await run(db.admin, fql`Product.byId(${d.id})!.delete()`);
});

test("Coll.create with an explicit id uses it; reusing it is document_id_exists", async () => {
  const d = await run<Doc>(db.admin, fql`Thing.create({ id: "12345", v: 1 })`);
  assert.equal(d.id, "12345");
  const e = await fails(db.admin, fql`Thing.create({ id: "12345", v: 2 })`);
  assert.equal(e.code, "document_id_exists");
  assert.equal(e.message, "Collection `Thing` already contains document with id 12345.");
});

test("Coll.createData creates a document from user data only (Collections.scala createData)", async () => {
  const d = await run<Doc>(db.admin, fql`Thing.createData({ v: 3 })`);
  assert.equal(d.v, 3);
  assert.match(d.id, /^\d+$/);
  await run(db.admin, fql`Thing.byId(${d.id})!.delete()`);
});

test("Coll.all() is a Set of every document ordered by ascending ID", async () => {
  const page = await run<Page<Doc>>(db.admin, fql`Store.all()`);
  assert.ok(page instanceof Page);
  const ids = page.data.map((d) => BigInt(d.id));
  assert.equal(ids.length, 2);
  assert.deepEqual(
    [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    ids,
  );
});

test("Coll.where(pred) filters documents lazily into a Set", async () => {
  const names = await run(db.admin, fql`Product.where(.price < 3.0).map(.name).toArray().order()`);
  assert.deepEqual(names, ["dup", "napkins"]);
});

test("Coll.firstWhere(pred) returns the first match or null", async () => {
  assert.equal(await run(db.admin, fql`Product.firstWhere(.name == "forks")!.price`), 8.0);
  assert.equal(await run(db.admin, fql`Product.firstWhere(.name == "nothing")`), null);
});

test("Coll.byId(id) and Coll(id) read the same document", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let a = Store.byId(${storeId})!
let b = Store(${storeId})
[a.name, b.name, a == b]`,
      UNTYPED,
    ),
    ["Main", "Main", true],
  );
});

test("Coll.byId of a missing id renders as a null document with cause 'not found'", async () => {
  const v = await run(db.admin, fql`Store.byId("1")`);
  assert.ok(v instanceof NullDocument, `got ${String(v)}`);
  assert.equal(v.cause, "not found");
  assert.equal((v.ref as DocumentReference).id, "1");
});

// byId's parameter is typed ID (faunadb TypeTag.ID: a String that parses as a Long, an Int or a
// Long); anything else fails the argument cast. ID("...") itself is invalid_id.
test("Coll.byId and Coll() with a non-numeric id are invalid_argument; ID() with one is invalid_id", async () => {
  for (const query of [fql`Store.byId("foobar")`, fql`Store("foobar")`, fql`Store.byId("99999999999999999999")`]) {
    const e = await fails(db.admin, query);
    assert.equal(e.code, "invalid_argument");
    assert.equal(e.message, "expected value for `id` of type ID, received String");
  }
  assert.equal(
    (await fails(db.admin, fql`Store.byId(1.5)`, UNTYPED)).message,
    "expected value for `id` of type ID, received Double",
  );
  const id = await fails(db.admin, fql`ID("foobar")`, UNTYPED);
  assert.equal(id.code, "invalid_id");
  assert.equal(id.message, "`foobar` is not a valid ID.");
  assert.ok((await run(db.admin, fql`Store.byId(1)`, UNTYPED)) instanceof NullDocument, "an Int is an ID");
});

test("reading a field of a missing document is document_not_found", async () => {
  const e = await fails(db.admin, fql`Store.byId("1").name`, UNTYPED);
  assert.equal(e.code, "document_not_found");
});

test("a missing document still answers its id and coll (FQL2DocsSpec 'null allow ref field access')", async () => {
  assert.deepEqual(await run(db.admin, fql`[Store.byId("123").id, Store.byId("123").coll == Store]`), ["123", true]);
});

test("a missing document equals null; an existing one does not", async () => {
  assert.deepEqual(await run(db.admin, fql`[Store.byId("1") == null, Store.byId(${storeId}) == null]`), [true, false]);
});

// ---- indexes -------------------------------------------------------------------

test("an index with terms finds documents by term", async () => {
  assert.deepEqual(await run(db.admin, fql`Product.byName("cups").map(.description).toArray()`), ["Translucent 9 Oz"]);
});

test("index results are ordered by the index values (ascending by default)", async () => {
  assert.deepEqual(await run(db.admin, fql`Product.byName("dup").map(.price).toArray()`), [1.5, 9.5]);
});

test("an index term may be a document reference", async () => {
  assert.deepEqual(await run(db.admin, fql`Product.byStore(Store.byId(${otherStoreId})).map(.price).toArray()`), [1.5]);
  assert.deepEqual(await run(db.admin, fql`Product.byStore(Store.byId(${storeId})).map(.name).toArray()`), [
    "cups",
    "dup",
    "forks",
    "napkins",
    "plates",
    "spoons",
  ]);
});

test("desc() index values order descending, ties broken by the next value", async () => {
  assert.deepEqual(await run(db.admin, fql`Product.sortedByPrice().map(.name).toArray()`), [
    "dup",
    "forks",
    "cups",
    "plates",
    "spoons",
    "napkins",
    "dup",
  ]);
});

test("index range {from, to} is inclusive on ascending values", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[
  Product.byName("dup", { from: 2.0 }).map(.price).toArray(),
  Product.byName("dup", { to: 2.0 }).map(.price).toArray(),
  Product.byName("dup", { from: 1.5, to: 9.5 }).map(.price).toArray(),
  Product.byName("dup", { from: 2.0, to: 9.0 }).map(.price).toArray()
]`,
    ),
    [[9.5], [1.5], [1.5, 9.5], []],
  );
});

test("index range on a desc value runs from the higher bound down to the lower (core FQL2IndexSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`Product.sortedByPrice({ from: 8.0, to: 3.5 }).map(.name).toArray()`), [
    "forks",
    "cups",
    "plates",
    "spoons",
  ]);
});

test("index methods without arguments when terms are required fail with a query error", async () => {
  const e = await fails(db.admin, fql`Product.byName()`);
  assert.equal(e.httpStatus, 400);
  assert.notEqual(e.code, "internal_error");
});

// ---- projection ---------------------------------------------------------------

test("projection on a document selects fields and follows references into nested projections", async () => {
  assert.deepEqual(await run(db.admin, fql`Product.byName("cups").first() { name, price, store { name } }`), {
    name: "cups",
    price: 6.98,
    store: { name: "Main" },
  });
});

test("projection on a document includes id and yields null for absent fields (core FQL2ProjectionSpec)", async () => {
  const v = await run<{ id: string; name: string; hello: null; nested: null }>(
    db.admin,
    fql`Store.byId(${storeId}) { id, name, hello, nested { key } }`,
    UNTYPED,
  );
  assert.deepEqual(v, { id: storeId, name: "Main", hello: null, nested: null });
});

test("projection on a Set maps over it and is still a Set", async () => {
  const v = await run<Page<{ name: string }>>(db.admin, fql`Store.all() { name }`);
  assert.ok(v instanceof Page);
  assert.deepEqual(v.data.map((x) => x.name).sort(), ["Main", "Other"]);
  assert.deepEqual(Object.keys(v.data[0]!), ["name"]);
});

test("projection on an array maps over the elements (core FQL2ProjectionSpec)", async () => {
  assert.deepEqual(
    await run(db.admin, fql`[{ hi: "low", whoa: "now" }, { hi: "bye", no: "sir" }, { hi: "howdy" }] { hi }`),
    [{ hi: "low" }, { hi: "bye" }, { hi: "howdy" }],
  );
});

test("projection on null is null (core: nulls short-circuit)", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`null {
  hello,
  nested {
    key
  }
}`,
    ),
    null,
  );
});

test("projection on a missing document is null", async () => {
  assert.equal(await run(db.admin, fql`Store.byId("1") { name }`), null);
});

test("nested projection on objects keeps only the requested sub-fields (core FQL2ProjectionSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let x = { foo: "bar", fooGone: "bar", hello: "friend", gentleman: { locke: "lamora", jean: "tannen", other: { calo: "galdo", bug: "chains" } } }
x { hello, gentleman { locke, other { calo } }, foo }`,
    ),
    { hello: "friend", gentleman: { locke: "lamora", other: { calo: "galdo" } }, foo: "bar" },
  );
});

test("projection entries key: expr rebind . to the projected value (core 'supports rebinding')", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let x = { a: 1, b: 10, c: { d: 5, e: 10 } }
let y = 100
x {
  a,
  plus: .a + .b,
  plusplus: .a + y,
  cplus: .c.d + .c.e,
  c {
    plus: .d + .e
  },
  cc: .c {
    plusplus: .d + y
  }
}`,
    ),
    { a: 1, plus: 11, plusplus: 101, cplus: 15, c: { plus: 15 }, cc: { plusplus: 105 } },
  );
});

// ---- update / replace / delete / exists ----------------------------------------------

test("update deep-merges nested objects, replaces arrays and scalars", async () => {
  const d = await run<Doc>(
    db.admin,
    fql`let t = Thing.create({ a: { b: 1, c: 2 }, arr: [1, 2], x: 1 })
t.update({ a: { c: 3, d: 4 }, arr: [9] })`,
  );
  assert.deepEqual(d.a, { b: 1, c: 3, d: 4 });
  assert.deepEqual(d.arr, [9]);
  assert.equal(d.x, 1);
});

test("update with a field set to null removes that field", async () => {
  const d = await run<Doc>(
    db.admin,
    fql`let t = Thing.create({ x: 1, y: 2, n: { p: 1, q: 2 } })
t.update({ x: null, n: { p: null } })`,
  );
  assert.equal("x" in d, false);
  assert.equal(d.y, 2);
  assert.deepEqual(d.n, { q: 2 });
});

test("update changes ts and keeps id", async () => {
  const [before, afterUpd] = await run<Doc[]>(
    db.admin,
    fql`let t = Thing.create({ v: 1 })
[t, t]`,
  );
  const updated = await run<Doc>(db.admin, fql`Thing.byId(${before!.id})!.update({ v: 2 })`);
  assert.equal(updated.id, afterUpd!.id);
  assert.equal(updated.v, 2);
  assert.notEqual(updated.ts.isoString, before!.ts.isoString);
});

test("replace removes all user fields not given but keeps id and coll", async () => {
  const d = await run<Doc>(
    db.admin,
    fql`let t = Thing.create({ x: 1, y: { z: 2 } })
t.replace({ w: 3 })`,
  );
  assert.equal(d.w, 3);
  assert.equal("x" in d, false);
  assert.equal("y" in d, false);
  assert.equal(d.coll.name, "Thing");
});

test("reads after writes in the same query see the writes", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let t = Thing.create({ v: 1 })
t.update({ v: 2 })
let again = Thing.byId(t.id)!
[again.v, Thing.where(.id == t.id).count()]`,
    ),
    [2, 1],
  );
});

test("delete() returns a null document with cause 'deleted'", async () => {
  const v = await run(db.admin, fql`Thing.create({ v: 1 }).delete()`);
  assert.ok(v instanceof NullDocument, `got ${String(v)}`);
  assert.equal(v.cause, "deleted");
  assert.equal(v.ref.coll.name, "Thing");
});

test("after delete the document no longer exists and reading it is a null document", async () => {
  const id = await run<string>(db.admin, fql`Thing.create({ v: 1 }).id`);
  await run(db.admin, fql`Thing.byId(${id})!.delete()`);
  assert.equal(await run(db.admin, fql`Thing.byId(${id}).exists()`), false);
  const v = await run(db.admin, fql`Thing.byId(${id})`);
  assert.ok(v instanceof NullDocument);
  const e = await fails(db.admin, fql`Thing.byId(${id})!`);
  assert.equal(e.code, "document_not_found");
});

test("exists() is true for a live document", async () => {
  assert.equal(await run(db.admin, fql`Store.byId(${storeId}).exists()`), true);
});

test("documents nested in another document's fields render as references, top-level ones as documents", async () => {
  const v = await run<Doc>(db.admin, fql`Product.byName("cups").first()`);
  assert.ok(v instanceof Document);
  const store = v.store as unknown;
  assert.ok(!(store instanceof Document), "a stored reference is not expanded");
  assert.equal((store as { id: string }).id, storeId);
});

// ---- schema documents and keys ------------------------------------------------------

test("Collection.byName returns the named collection definition", async () => {
  const v = await run<NamedDocument>(db.admin, fql`Collection.byName("Product")`);
  assert.ok(v instanceof NamedDocument, `got ${String(v)}`);
  assert.equal(v.name, "Product");
  assert.equal(v.coll.name, "Collection");
});

test("Collection.byName of an unknown name is a null document; ! on it is document_not_found", async () => {
  assert.equal(await run(db.admin, fql`Collection.byName("Person").exists()`), false);
  const e = await fails(db.admin, fql`Collection.byName("Person")!`);
  assert.equal(e.code, "document_not_found");
  assert.equal(e.message, "Collection `Person` not found.");
});

test("Collection.create defines a collection usable by the next query", async () => {
  const def = await run<NamedDocument>(db.admin, fql`Collection.create({ name: "Widget" })`);
  assert.ok(def instanceof NamedDocument);
  assert.equal(def.name, "Widget");
  const w = await run<Doc>(db.admin, fql`Widget.create({ n: 1 })`);
  assert.equal(w.coll.name, "Widget");
});

test("Key.create returns the key including its secret; Key.byId and Key.all find it", async () => {
  const k = await run<Doc>(db.admin, fql`Key.create({ role: "server" })`);
  assert.ok(k instanceof Document);
  assert.equal(typeof k.secret, "string");
  assert.equal(k.role, "server");
  assert.deepEqual(await run(db.admin, fql`[Key.byId(${k.id})!.role, Key.all().map(.id).includes(${k.id})]`), [
    "server",
    true,
  ]);
});

test("a secret from Key.create authenticates queries", async () => {
  const k = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "server" })`);
  const c = db.client(k.secret);
  assert.equal(await run(c, fql`1 + 1`), 2);
});

// ---- transactions ---------------------------------------------------------------

test("forEach runs its writes and returns null (core: set.forEach side effects)", async () => {
  assert.equal(await run(db.admin, fql`[1, 2, 3, 4].toSet().forEach(v => Thing.create({ fe: v }))`), null);
  assert.deepEqual(await run(db.admin, fql`Thing.where(.fe != null).map(.fe).toArray().order()`), [1, 2, 3, 4]);
});

test("abort() rolls back every write of the query", async () => {
  const e = await fails(
    db.admin,
    fql`Thing.create({ tag: "rolled-back" })
abort("no")`,
  );
  assert.ok(e instanceof AbortError);
  assert.equal(await run(db.admin, fql`Thing.where(.tag == "rolled-back").count()`), 0);
});

test("a runtime error after writes rolls them back", async () => {
  const e = await fails(
    db.admin,
    fql`Store.create({ name: "rb-store" })
Thing.create({ tag: "rb2" })
1 / 0`,
  );
  assert.equal(e.code, "divide_by_zero");
  assert.deepEqual(
    await run(db.admin, fql`[Store.where(.name == "rb-store").count(), Thing.where(.tag == "rb2").count()]`),
    [0, 0],
  );
});

test("a constraint failure rolls back earlier writes of the query", async () => {
  const e = await fails(
    db.admin,
    fql`Store.create({ name: "rb-store-2" })
Product.create({ name: "cups", description: "dup", price: 1.0, store: Store.byId(${storeId}) })`,
  );
  assert.equal(e.code, "constraint_failure");
  assert.equal(await run(db.admin, fql`Store.where(.name == "rb-store-2").count()`), 0);
});

test("a failing check constraint is constraint_failure and writes nothing", async () => {
  const e = await fails(
    db.admin,
    fql`Product.create({ name: "neg", description: "d", price: -1.0, store: Store.byId(${storeId}) })`,
  );
  assert.equal(e.code, "constraint_failure");
  assert.equal(await run(db.admin, fql`Product.byName("neg").count()`), 0);
});

test("create drops null fields at every depth (null means absent)", async () => {
  await run(db.admin, fql`Collection.create({ name: "Loose" })`);
  const id = await run<string>(db.admin, fql`Loose.create({ gone: null, extra: { a: null, b: 1 } }).id`);
  assert.deepEqual(await run(db.admin, fql`Object.keys(Loose.byId(${id})!)`), ["id", "coll", "ts", "extra"]);
  assert.deepEqual(await run(db.admin, fql`Loose.byId(${id})!.extra`), { b: 1 });
});
