// Conformance: FSL `unique`, `check` and `compute` members. Expected messages come from faunadb
// core (ConstraintFailure.scala, FQL2CollectionsSpec "Failed unique constraint.", FQL2ComputedFieldsSpec,
// FQL2CheckConstraintsSpec) and reference §2.4 / §7.2.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type Query } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

const SCHEMA = `
collection User {
  email: String
  first: String?
  last: String?
  age: Int?

  unique [.email]
  unique [.first, .last]

  check adult ((doc) => doc.age == null || doc.age >= 18)

  compute upperEmail: String = (doc => doc.email.toUpperCase())
  compute emailLength: Number = ((doc) => doc.email.length)

  index byUpperEmail { terms [.upperEmail] }
  index byAge {
    terms [.age]
    values [.emailLength]
  }
}

collection Tagged {
  tags: Array<String>
  unique [mva(.tags)]
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

/** A write refused at run time; sent untyped, since a typechecked Fauna refuses some of these before. */
async function constraintError(q: Query): Promise<{ message: string; failures: Failure[] }> {
  const e = await fails(db.admin, q, UNTYPED);
  assert.equal(e.code, "constraint_failure", `expected constraint_failure, got ${e.code}: ${e.message}`);
  assert.equal(e.httpStatus, 400);
  assert.ok(Array.isArray(e.constraint_failures), "constraint_failures must be an array");
  return { message: e.message, failures: e.constraint_failures as Failure[] };
}

const count = (q: Query) => run(db.admin, q) as Promise<number>;

test("unique [.email]: a second document with the same email fails with 'Failed unique constraint.'", async () => {
  await run(db.admin, fql`User.create({ email: "a@x.com" })`);
  const e = await constraintError(fql`User.create({ email: "a@x.com" })`);
  assert.equal(e.message, "Failed unique constraint.");
  assert.deepEqual(e.failures, [{ paths: [["email"]], message: "Failed unique constraint" }]);
  assert.equal(await count(fql`User.all().where(.email == "a@x.com").count()`), 1);
});

test("unique is enforced between two writes of the same transaction, and the transaction is rolled back", async () => {
  const e = await constraintError(fql`User.create({ email: "same@x.com" }); User.create({ email: "same@x.com" })`);
  assert.equal(e.message, "Failed unique constraint.");
  assert.equal(await count(fql`User.all().where(.email == "same@x.com").count()`), 0);
});

test("compound unique [.first, .last]: only the same combination is rejected, with both paths reported", async () => {
  await run(db.admin, fql`User.create({ email: "c1@x.com", first: "Ann", last: "Lee" })`);
  await run(db.admin, fql`User.create({ email: "c2@x.com", first: "Ann", last: "Kim" })`);
  await run(db.admin, fql`User.create({ email: "c3@x.com", first: "Bob", last: "Lee" })`);
  const e = await constraintError(fql`User.create({ email: "c4@x.com", first: "Ann", last: "Lee" })`);
  assert.equal(e.message, "Failed unique constraint.");
  assert.deepEqual(e.failures, [{ paths: [["first"], ["last"]], message: "Failed unique constraint" }]);
});

test("a write violating two unique constraints reports both", async () => {
  await run(db.admin, fql`User.create({ email: "both@x.com", first: "Cy", last: "Dee" })`);
  const e = await constraintError(fql`User.create({ email: "both@x.com", first: "Cy", last: "Dee" })`);
  const paths = e.failures.map((f) => JSON.stringify(f.paths)).sort();
  assert.deepEqual(paths, [JSON.stringify([["email"]]), JSON.stringify([["first"], ["last"]])].sort());
  for (const f of e.failures) assert.equal(f.message, "Failed unique constraint");
});

test("unique is enforced on update: changing a document's email to a taken one fails", async () => {
  await run(db.admin, fql`User.create({ email: "u1@x.com" })`);
  const id = (await run(db.admin, fql`User.create({ email: "u2@x.com" }).id`)) as string;
  const e = await constraintError(fql`User.byId(${id})!.update({ email: "u1@x.com" })`);
  assert.equal(e.message, "Failed unique constraint.");
  assert.deepEqual(e.failures, [{ paths: [["email"]], message: "Failed unique constraint" }]);
  assert.equal(await run(db.admin, fql`User.byId(${id})!.email`), "u2@x.com");
});

test("updating a document without changing its unique value does not conflict with itself", async () => {
  const id = (await run(db.admin, fql`User.create({ email: "self@x.com" }).id`)) as string;
  assert.equal(await run(db.admin, fql`User.byId(${id})!.update({ email: "self@x.com", age: 30 }).age`), 30);
});

test("deleting a document frees its unique value", async () => {
  await run(db.admin, fql`User.create({ email: "freed@x.com" }).delete()`);
  assert.equal(await run(db.admin, fql`User.create({ email: "freed@x.com" }).email`), "freed@x.com");
});

test("unique [mva(.tags)] rejects a document sharing any array element with another", async () => {
  await run(db.admin, fql`Tagged.create({ tags: ["a", "b"] })`);
  await run(db.admin, fql`Tagged.create({ tags: ["c"] })`);
  const e = await constraintError(fql`Tagged.create({ tags: ["d", "b"] })`);
  assert.equal(e.message, "Failed unique constraint.");
});

test("a check constraint rejects a create with 'Document failed check constraint `adult`'", async () => {
  const e = await constraintError(fql`User.create({ email: "kid@x.com", age: 10 })`);
  assert.equal(e.message, "Failed to create document in collection `User`.");
  assert.equal(e.failures.length, 1);
  assert.equal(e.failures[0]!.message, "Document failed check constraint `adult`");
  assert.equal((e.failures[0]!.paths ?? []).length, 0, "check failures carry no paths");
  assert.equal(await count(fql`User.all().where(.email == "kid@x.com").count()`), 0);
});

test("a check constraint is evaluated on update too", async () => {
  const id = (await run(db.admin, fql`User.create({ email: "grown@x.com", age: 40 }).id`)) as string;
  const e = await constraintError(fql`User.byId(${id})!.update({ age: 3 })`);
  assert.equal(e.message, `Failed to update document with id ${id} in collection \`User\`.`);
  assert.equal(e.failures[0]?.message, "Document failed check constraint `adult`");
  assert.equal(await run(db.admin, fql`User.byId(${id})!.age`), 40);
});

test("a passing check constraint lets the write through", async () => {
  assert.equal(await run(db.admin, fql`User.create({ email: "adult@x.com", age: 18 }).age`), 18);
});

test("a computed field is readable on the document and reflects the stored fields", async () => {
  const r = await run(db.admin, fql`let u = User.create({ email: "comp@x.com" }); [u.upperEmail, u.emailLength]`);
  assert.deepEqual(r, ["COMP@X.COM", 10]);
});

test("a computed field is recomputed after an update", async () => {
  const r = await run(
    db.admin,
    fql`let u = User.create({ email: "re@x.com" }); let v = u.update({ email: "again@x.com" }); v.upperEmail`,
  );
  assert.equal(r, "AGAIN@X.COM");
});

test("a computed field can be projected", async () => {
  const r = await run(db.admin, fql`User.create({ email: "proj@x.com" }) { email, upperEmail }`);
  assert.deepEqual(r, { email: "proj@x.com", upperEmail: "PROJ@X.COM" });
});

test("writing a computed field on create fails with 'Cannot write to a computed field'", async () => {
  const e = await constraintError(fql`User.create({ email: "w@x.com", upperEmail: "X" })`);
  assert.equal(e.message, "Failed to create document in collection `User`.");
  assert.deepEqual(e.failures, [{ paths: [["upperEmail"]], message: "Cannot write to a computed field" }]);
});

test("writing a computed field on update fails with 'Cannot write to a computed field'", async () => {
  const id = (await run(db.admin, fql`User.create({ email: "wu@x.com" }).id`)) as string;
  const e = await constraintError(fql`User.byId(${id})!.update({ emailLength: 1 })`);
  assert.equal(e.message, `Failed to update document with id ${id} in collection \`User\`.`);
  assert.deepEqual(e.failures, [{ paths: [["emailLength"]], message: "Cannot write to a computed field" }]);
});

test("a computed field can be an index term, and the index follows updates", async () => {
  const id = (await run(db.admin, fql`User.create({ email: "idx@x.com" }).id`)) as string;
  assert.deepEqual(await run(db.admin, fql`User.byUpperEmail("IDX@X.COM").map(.id).toArray()`), [id]);
  await run(db.admin, fql`User.byId(${id})!.update({ email: "idx2@x.com" })`);
  assert.equal(await count(fql`User.byUpperEmail("IDX@X.COM").count()`), 0);
  assert.deepEqual(await run(db.admin, fql`User.byUpperEmail("IDX2@X.COM").map(.id).toArray()`), [id]);
});

test("a computed field can be an index value (ordering uses the computed value)", async () => {
  await run(
    db.admin,
    fql`User.create({ email: "long-address@x.com", age: 77 }); User.create({ email: "s@x.com", age: 77 })`,
  );
  assert.deepEqual(await run(db.admin, fql`User.byAge(77).map(.email).toArray()`), ["s@x.com", "long-address@x.com"]);
});
