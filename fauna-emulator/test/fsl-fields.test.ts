// Conformance: FSL field definitions (types, defaults, wildcards, reserved names) as enforced
// on document writes. Expected messages come from faunadb core
// (ext/repo/.../schema/ConstraintFailure.scala, FQL2DefinedFieldsSpec, FQL2ReservedFieldAndDataAccessSpec)
// and reference §7.2.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, TimeStub } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

const SCHEMA = `
collection Person {
  name: String
}

collection Item {
  name: String
  count: Int = 0
  price: Double?
  active: Boolean = true
  status: "draft" | "live" = "draft"
  tag: String | Int = "none"
  tags: Array<String> = []
  dims: { w: Int, h: Int }?
  created: Time = Time.now()
  seen: Time?
  owner: Ref<Person>?
}

collection Loose {}

collection Open {
  name: String
  *: Any
}
`;

type Failure = { message: string; paths?: (string | number)[][] };

let db: TestDb;

before(async () => {
  db = await startDb({ files: { "main.fsl": SCHEMA } });
});

after(async () => {
  await db?.close();
});

/**
 * Runs a write that must fail with a constraint_failure; returns its failures. Sent untyped:
 * a typechecked Fauna refuses these writes before running them (see fql-typecheck tests).
 */
async function constraintFailures(q: ReturnType<typeof fql>, topMessage?: string): Promise<Failure[]> {
  const e = await fails(db.admin, q, UNTYPED);
  assert.equal(e.code, "constraint_failure", `expected constraint_failure, got ${e.code}: ${e.message}`);
  assert.equal(e.httpStatus, 400);
  if (topMessage !== undefined) assert.equal(e.message, topMessage);
  assert.ok(Array.isArray(e.constraint_failures), "constraint_failures must be an array");
  return e.constraint_failures as Failure[];
}

const CREATE_ITEM = "Failed to create document in collection `Item`.";

test("a document with only required fields gets the FSL defaults applied on create", async () => {
  const r = await run(
    db.admin,
    fql`Item.create({ name: "a" }) { name, count, active, status, tag, tags, price, dims, owner }`,
  );
  assert.deepEqual(r, {
    name: "a",
    count: 0,
    active: true,
    status: "draft",
    tag: "none",
    tags: [],
    price: null,
    dims: null,
    owner: null,
  });
});

test("a default expression such as Time.now() is evaluated on create and stored as a Time", async () => {
  const r = await run(db.admin, fql`let d = Item.create({ name: "t" }); [d.created, d.ts, d.seen]`);
  const [created, ts, seen] = r as [unknown, unknown, unknown];
  assert.ok(created instanceof TimeStub, "created must be a Time");
  assert.ok(ts instanceof TimeStub);
  assert.equal(seen, null);
  // Time.now() is the transaction time, which is also the document's ts.
  assert.equal(new Date((created as TimeStub).isoString).getTime(), new Date((ts as TimeStub).isoString).getTime());
});

test("a provided value wins over the FSL default", async () => {
  const r = await run(
    db.admin,
    fql`Item.create({ name: "b", count: 7, active: false, status: "live", tag: 3, tags: ["x", "y"] }) { count, active, status, tag, tags }`,
  );
  assert.deepEqual(r, { count: 7, active: false, status: "live", tag: 3, tags: ["x", "y"] });
});

test("all declared types accept conforming values: Double, optional Time, nested object, Ref<Coll>", async () => {
  const r = await run(
    db.admin,
    fql`
    let p = Person.create({ name: "Ann" })
    let i = Item.create({ name: "c", price: 1.5, seen: Time("2024-01-02T03:04:05Z"), dims: { w: 1, h: 2 }, owner: p })
    { price: i.price, seen: i.seen, dims: i.dims, ownerName: i.owner!.name, same: i.owner == p }`,
  );
  const o = r as { price: number; seen: TimeStub; dims: unknown; ownerName: string; same: boolean };
  assert.equal(o.price, 1.5);
  assert.equal(o.seen.isoString, "2024-01-02T03:04:05Z");
  assert.deepEqual(o.dims, { w: 1, h: 2 });
  assert.equal(o.ownerName, "Ann");
  assert.equal(o.same, true);
});

test("a missing required field is a constraint_failure 'Missing required field of type String' at its path", async () => {
  const f = await constraintFailures(fql`Item.create({})`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["name"]], message: "Missing required field of type String" }]);
});

test("a wrong scalar type is a constraint_failure 'Expected String, provided Int'", async () => {
  const f = await constraintFailures(fql`Item.create({ name: 5 })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["name"]], message: "Expected String, provided Int" }]);
});

test("an Int field rejects a Double ('Expected Int, provided Double')", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "d", count: 2.5 })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["count"]], message: "Expected Int, provided Double" }]);
});

test("an Int field rejects a value outside the 32-bit range ('Expected Int, provided Long')", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "d", count: 2147483648 })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["count"]], message: "Expected Int, provided Long" }]);
});

test("a Boolean field rejects a string", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "d", active: "yes" })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["active"]], message: "Expected Boolean, provided String" }]);
});

test('a literal-union field rejects other literals (\'Expected "draft" | "live", provided "gone"\')', async () => {
  const f = await constraintFailures(fql`Item.create({ name: "d", status: "gone" })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["status"]], message: 'Expected "draft" | "live", provided "gone"' }]);
});

test("a union field accepts each member type and rejects others", async () => {
  await run(db.admin, fql`Item.create({ name: "u1", tag: "s" })`, UNTYPED);
  await run(db.admin, fql`Item.create({ name: "u2", tag: 1 })`, UNTYPED);
  const f = await constraintFailures(fql`Item.create({ name: "u3", tag: true })`, CREATE_ITEM);
  assert.equal(f.length, 1);
  assert.deepEqual(f[0]!.paths, [["tag"]]);
  assert.match(
    f[0]!.message,
    /^Expected .*String.*Int.*, provided Boolean$|^Expected .*Int.*String.*, provided Boolean$/,
  );
});

test("an optional (T?) field accepts null/absence but still rejects a wrong type ('Expected Double | Null, provided String')", async () => {
  await run(db.admin, fql`Item.create({ name: "o", price: null })`, UNTYPED);
  const f = await constraintFailures(fql`Item.create({ name: "o", price: "cheap" })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["price"]], message: "Expected Double | Null, provided String" }]);
});

test("a Time field rejects a string", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "o", seen: "2024-01-01" })`, CREATE_ITEM);
  assert.equal(f.length, 1);
  assert.deepEqual(f[0]!.paths, [["seen"]]);
  assert.match(f[0]!.message, /^Expected Time \| Null, provided String$/);
});

test("an Array<String> field rejects a non-array ('Expected Array<String>, provided Int')", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "o", tags: 2 })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["tags"]], message: "Expected Array<String>, provided Int" }]);
});

test("an Array<String> field rejects an array holding a non-string element", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "o", tags: ["a", 2] })`, CREATE_ITEM);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.paths?.[0]?.[0], "tags");
});

test("a nested object field reports a wrong member type at the nested path", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "n", dims: { w: "wide", h: 2 } })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["dims", "w"]], message: "Expected Int, provided String" }]);
});

test("a nested object field reports a missing member at the nested path", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "n", dims: { w: 1 } })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["dims", "h"]], message: "Missing required field of type Int" }]);
});

test("a closed nested object rejects an undeclared member ('Unexpected field provided' at dims.d)", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "n", dims: { w: 1, h: 2, d: 3 } })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["dims", "d"]], message: "Unexpected field provided" }]);
});

test("a Ref<Person> field rejects a document of another collection", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "r", owner: Loose.create({}) })`, CREATE_ITEM);
  assert.equal(f.length, 1);
  assert.deepEqual(f[0]!.paths, [["owner"]]);
  assert.match(f[0]!.message, /^Expected Person \| NullPerson/);
});

test("a Ref<Person> field rejects a plain string", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "r", owner: "Person/1" })`, CREATE_ITEM);
  assert.equal(f.length, 1);
  assert.deepEqual(f[0]!.paths, [["owner"]]);
});

test("a collection with defined fields and no wildcard rejects undeclared fields ('Unexpected field provided')", async () => {
  const f = await constraintFailures(fql`Item.create({ name: "x", color: "red" })`, CREATE_ITEM);
  assert.deepEqual(f, [{ paths: [["color"]], message: "Unexpected field provided" }]);
});

test("several violations in one write are all reported", async () => {
  const f = await constraintFailures(fql`Item.create({ count: "many", color: "red" })`, CREATE_ITEM);
  const byPath = new Map(f.map((x) => [JSON.stringify(x.paths), x.message]));
  assert.equal(byPath.get(JSON.stringify([["name"]])), "Missing required field of type String");
  assert.equal(byPath.get(JSON.stringify([["count"]])), "Expected Int, provided String");
  assert.equal(byPath.get(JSON.stringify([["color"]])), "Unexpected field provided");
  assert.equal(f.length, 3);
});

test("a collection with no field definitions accepts any fields (implicit *: Any)", async () => {
  const r = await run(db.admin, fql`Loose.create({ a: 1, b: "x", c: { d: [1, 2] } }) { a, b, c }`);
  assert.deepEqual(r, { a: 1, b: "x", c: { d: [1, 2] } });
});

test("a wildcard (*: Any) collection accepts undeclared fields but still types declared ones", async () => {
  const r = await run(db.admin, fql`Open.create({ name: "o", extra: 1, more: [true] }) { name, extra, more }`, UNTYPED);
  assert.deepEqual(r, { name: "o", extra: 1, more: [true] });
  const f = await constraintFailures(fql`Open.create({ name: 1 })`);
  assert.deepEqual(f, [{ paths: [["name"]], message: "Expected String, provided Int" }]);
});

for (const field of ["ts", "coll", "update", "delete", "replace"]) {
  test(`'${field}' is a reserved top-level field: create fails with 'Is a reserved field and cannot be used'`, async () => {
    const f = await constraintFailures(
      rawFql(`Loose.create({ ${field}: "Thing" })`),
      "Failed to create document in collection `Loose`.",
    );
    assert.deepEqual(f, [{ paths: [[field]], message: "Is a reserved field and cannot be used" }]);
  });
}

/** A query from literal text (field names cannot be interpolated as values). */
function rawFql(text: string) {
  return fql(Object.assign([text], { raw: [text] }) as unknown as TemplateStringsArray);
}

test("a reserved field in update() fails with 'Failed to update document with id N in collection `Loose`.'", async () => {
  const id = (await run(db.admin, fql`Loose.create({ a: 1 }).id`)) as string;
  const f = await constraintFailures(
    rawFql(`Loose.byId("${id}")!.update({ coll: "x" })`),
    `Failed to update document with id ${id} in collection \`Loose\`.`,
  );
  assert.deepEqual(f, [{ paths: [["coll"]], message: "Is a reserved field and cannot be used" }]);
});

test("update() is type-checked too: 'Failed to update document with id N in collection `Item`.'", async () => {
  const id = (await run(db.admin, fql`Item.create({ name: "up" }).id`, UNTYPED)) as string;
  const f = await constraintFailures(
    fql`Item.byId(${id})!.update({ count: "x" })`,
    `Failed to update document with id ${id} in collection \`Item\`.`,
  );
  assert.deepEqual(f, [{ paths: [["count"]], message: "Expected Int, provided String" }]);
  assert.equal(await run(db.admin, fql`Item.byId(${id})!.count`, UNTYPED), 0);
});

test("replace() must still satisfy required fields", async () => {
  const id = (await run(db.admin, fql`Item.create({ name: "rep" }).id`, UNTYPED)) as string;
  const f = await constraintFailures(
    fql`Item.byId(${id})!.replace({ count: 1 })`,
    `Failed to update document with id ${id} in collection \`Item\`.`,
  );
  assert.deepEqual(f, [{ paths: [["name"]], message: "Missing required field of type String" }]);
});

test("a failed write rolls back the whole transaction", async () => {
  const before = await run(db.admin, fql`Item.all().count()`, UNTYPED);
  await constraintFailures(fql`Item.create({ name: "kept?" }); Item.create({ name: 1 })`);
  assert.equal(await run(db.admin, fql`Item.all().count()`, UNTYPED), before);
  assert.equal(await run(db.admin, fql`Item.all().where(.name == "kept?").count()`, UNTYPED), 0);
});
