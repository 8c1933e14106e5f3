// Where typechecking runs (issue #8, Fauna's docs "Static typing"; FQL2TypecheckSpec): every
// query of a typechecked database (the default), unless the query says otherwise (x-typecheck /
// the driver's `typecheck`); a database created with `typechecked: false` runs queries untyped
// unless one asks; schema writes to a typechecked database must typecheck.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import { fails, startDb, type TestDb } from "./support/emulator.js";

let db: TestDb;
before(async () => {
  db = await startDb({ files: { "main.fsl": "collection Store {\n  name: String\n}\n" } });
  await db.admin.query(fql`Database.create({ name: "untyped", typechecked: false })`);
});
after(() => db?.close());

async function pushTo(secret: string, text: string): Promise<{ status: number; message: string }> {
  const form = new FormData();
  form.append("main.fsl", new Blob([text]), "blob");
  const res = await fetch(`${db.url}/schema/1/update?staged=false`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
    body: form,
  });
  const body = (await res.json()) as { error?: { message?: string } };
  return { status: res.status, message: body.error?.message ?? "" };
}

test("a query on a typechecked database (the default) is checked first and answers its static_type", async () => {
  const ok = await db.admin.query(fql`Store.all()`);
  assert.equal(ok.static_type, "Set<Store>");
  const e = await fails(db.admin, fql`let x: String = 5; x`);
  assert.equal(e.code, "invalid_query");
  assert.match(e.queryInfo?.summary ?? "", /^error: Type `Int` is not a subtype of `String`\nat \*query\*:1:17/);
});

test("typecheck: false on a query runs it untyped, without static_type", async () => {
  const r = await db.admin.query(fql`let x: String = 5; x`, { typecheck: false });
  assert.equal(r.data, 5);
  assert.equal(r.static_type, undefined);
});

test("a database created with typechecked: false runs queries untyped unless a query asks", async () => {
  const child = db.client("secret:untyped:admin");
  const r = await child.query(fql`let x: String = 5; x`);
  assert.equal(r.data, 5);
  assert.equal(r.static_type, undefined);
  const e = await fails(child, fql`let x: String = 5; x`, { typecheck: true });
  assert.equal(e.code, "invalid_query");
});

test("a schema that does not typecheck is refused on a typechecked database, accepted on an untyped one", async () => {
  const bad =
    "collection Lock {\n  until: Time?\n}\nfunction Wait(l: Lock): Number {\n  l.until.toMillis()\n}\n" +
    "collection Store {\n  name: String\n}\n";
  const refused = await pushTo("secret", bad);
  assert.equal(refused.status, 400);
  assert.equal(
    refused.message,
    [
      "Invalid database schema update.",
      "    error: Type `Null` does not have field `toMillis`",
      "    at main.fsl:5:11",
      "      |",
      "    5 |   l.until.toMillis()",
      "      |           ^^^^^^^^",
      "      |",
      "    hint: Use the ! or ?. operator to handle the null case",
      "      |",
      "    5 |   l.until.toMillis()",
      "      |          ^",
      "      |",
    ].join("\n"),
  );
  // Nothing of it was applied.
  assert.equal((await db.admin.query(fql`Collection.byName("Lock") == null`)).data, true);
  assert.equal((await pushTo("secret:untyped:admin", bad)).status, 200);
  assert.equal((await pushTo("secret", bad.replace("l.until.toMillis()", "l.until!.toMillis()"))).status, 200);
});

test("Function.create with a body that does not typecheck is invalid_schema", async () => {
  const e = await fails(db.admin, fql`Function.create({ name: "F", body: "(x) => { let y: String = 5; y }" })`);
  assert.equal(e.code, "invalid_schema");
  assert.match(e.message, /^Invalid database schema update\.\n {4}error: Type `Int` is not a subtype of `String`/);
});

test("a collection's method taken as a value is a function (FQL2TypecheckSpec)", async () => {
  const r = await db.admin.query(fql`[{ name: "D" }, { name: "E" }].map(Store.create).map(.name)`);
  assert.deepEqual(r.data, ["D", "E"]);
});

test("untyped, a typed UDF's signature is not checked at run time: only its arity (core LambdaWrapper FQLX → evalLambda)", async () => {
  const child = await db.admin.query(fql`Database.create({ name: "udfs" })`).then(() => "secret:udfs:admin");
  assert.equal((await pushTo(child, "function Twice(x: Number): Number {\n  x + x\n}\n")).status, 200);
  const udfs = db.client(child);
  // Typechecked, the call is refused before it runs...
  const e = await fails(udfs, fql`Twice("ab")`);
  assert.equal(e.code, "invalid_query");
  // ...untyped, the body runs with whatever it was given, as in Fauna; arity still holds.
  assert.equal((await udfs.query(fql`Twice("ab")`, { typecheck: false })).data, "abab");
  const arity = await fails(udfs, fql`Twice(1, 2)`, { typecheck: false });
  assert.equal(arity.code, "invalid_function_invocation");
});

test("Function.create with a signature makes a typed function: checked at call sites, shown on its definition", async () => {
  await db.admin.query(
    fql`Function.create({ name: "Half", signature: "(x: Number) => Number", body: "(x) => x / 2" })`,
  );
  assert.equal((await db.admin.query(fql`Function.byName("Half")!.signature`)).data, "(x: Number) => Number");
  assert.equal((await db.admin.query(fql`Half(4)`)).static_type, "Number");
  assert.equal((await fails(db.admin, fql`Half("a")`)).code, "invalid_query");
  const bad = await fails(
    db.admin,
    fql`Function.create({ name: "Bad", signature: "(a: Int, b: Int) => Int", body: "(x) => x" })`,
  );
  assert.equal(bad.code, "constraint_failure");
});
