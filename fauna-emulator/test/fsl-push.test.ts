// Conformance: pushing FSL replaces the schema (reference §7.5; faunadb SchemaEndpointSpec for
// the 400 messages). Each test gets a fresh in-memory emulator.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fql } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

interface SchemaReply {
  status: number;
  body: { version?: number; error?: { message: string }; files?: { filename: string }[]; content?: string };
}

async function push(db: TestDb, files: Record<string, string>): Promise<SchemaReply> {
  const form = new FormData();
  for (const [name, text] of Object.entries(files)) form.append(name, new Blob([text]), "blob");
  const res = await fetch(`${db.url}/schema/1/update?staged=false`, {
    method: "POST",
    headers: { authorization: "Bearer secret" },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as SchemaReply["body"] };
}

async function pushOk(db: TestDb, files: Record<string, string>): Promise<number> {
  const r = await push(db, files);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(typeof r.body.version, "number");
  return r.body.version!;
}

async function getJson(db: TestDb, path: string): Promise<SchemaReply> {
  const res = await fetch(`${db.url}${path}`, { headers: { authorization: "Bearer secret" } });
  return { status: res.status, body: (await res.json()) as SchemaReply["body"] };
}

async function withDb(fn: (db: TestDb) => Promise<void>): Promise<void> {
  const db = await startDb({ schemaDir: null });
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}

test("a collection absent from the pushed files is deleted together with its documents", () =>
  withDb(async (db) => {
    await pushOk(db, { "main.fsl": "collection Keep {}\ncollection Drop {}" });
    await run(db.admin, fql`Drop.create({ a: 1 }); Drop.create({ a: 2 }); Keep.create({ k: 1 })`);
    await pushOk(db, { "main.fsl": "collection Keep {}" });
    const e = await fails(db.admin, fql`Drop.all().count()`);
    assert.ok(["unbound_variable", "invalid_query"].includes(e.code ?? ""), `got ${e.code}`);
    assert.equal(await run(db.admin, fql`Keep.all().count()`), 1);
    // Re-creating the collection does not bring the old documents back.
    await pushOk(db, { "main.fsl": "collection Keep {}\ncollection Drop {}" });
    assert.equal(await run(db.admin, fql`Drop.all().count()`), 0);
  }));

test("a function absent from the pushed files is deleted", () =>
  withDb(async (db) => {
    await pushOk(db, { "main.fsl": "function f() { 1 }\nfunction g() { 2 }" });
    assert.equal(await run(db.admin, fql`f()`), 1);
    await pushOk(db, { "main.fsl": "function g() { 2 }" });
    const e = await fails(db.admin, fql`f()`);
    assert.ok(["unbound_variable", "invalid_query"].includes(e.code ?? ""), `got ${e.code}`);
  }));

test("an index removed from the FSL is no longer callable as a method", () =>
  withDb(async (db) => {
    await pushOk(db, { "main.fsl": "collection A {\n  index byX {\n    terms [.x]\n  }\n}" });
    await run(db.admin, fql`A.create({ x: 1 })`);
    assert.equal(await run(db.admin, fql`A.byX(1).count()`), 1);
    await pushOk(db, { "main.fsl": "collection A {}" });
    const e = await fails(db.admin, fql`A.byX(1).count()`);
    assert.ok(["invalid_function_invocation", "invalid_query"].includes(e.code ?? ""), `got ${e.code}`);
    assert.equal(await run(db.admin, fql`A.all().count()`), 1);
  }));

test("a changed index definition is rebuilt and answers correctly for existing documents", () =>
  withDb(async (db) => {
    await pushOk(db, { "main.fsl": "collection A {\n  index byKey {\n    terms [.x]\n  }\n}" });
    await run(db.admin, fql`A.create({ x: 1, y: "a" }); A.create({ x: 2, y: "a" }); A.create({ x: 1, y: "b" })`);
    assert.equal(await run(db.admin, fql`A.byKey(1).count()`), 2);
    await pushOk(db, { "main.fsl": "collection A {\n  index byKey {\n    terms [.y]\n    values [desc(.x)]\n  }\n}" });
    assert.deepEqual(await run(db.admin, fql`A.byKey("a").map(.x).toArray()`), [2, 1]);
    assert.deepEqual(await run(db.admin, fql`A.byKey("b").map(.x).toArray()`), [1]);
    assert.equal(await run(db.admin, fql`A.byKey(1).count()`), 0);
  }));

test("an index added to a collection with existing documents covers those documents", () =>
  withDb(async (db) => {
    await pushOk(db, { "main.fsl": "collection A {}" });
    await run(db.admin, fql`A.create({ x: 5 }); A.create({ x: 5 }); A.create({ x: 6 })`);
    await pushOk(db, { "main.fsl": "collection A {\n  index byX {\n    terms [.x]\n  }\n}" });
    assert.equal(await run(db.admin, fql`A.byX(5).count()`), 2);
  }));

test("a unique constraint added over existing duplicates is not applied retroactively, but guards later writes", () =>
  // docs.fauna.com/fauna/current/reference/fsl/unique: "Unique constraints are applied when a new
  // document is created or when an existing document is updated. Constraints aren't applied
  // retroactively to existing documents."
  withDb(async (db) => {
    await pushOk(db, { "main.fsl": "collection U {}" });
    await run(db.admin, fql`U.create({ e: "dup" }); U.create({ e: "dup" })`);
    await pushOk(db, { "main.fsl": "collection U {\n  unique [.e]\n}" });
    assert.equal(await run(db.admin, fql`U.all().where(.e == "dup").count()`), 2);
    const e = await fails(db.admin, fql`U.create({ e: "dup" })`);
    assert.equal(e.code, "constraint_failure");
    assert.equal(e.message, "Failed unique constraint.");
  }));

test("changing field definitions changes what later writes accept", () =>
  withDb(async (db) => {
    await pushOk(db, { "main.fsl": "collection P {\n  name: String\n}" });
    const e1 = await fails(db.admin, fql`P.create({ name: "a", age: 1 })`, UNTYPED);
    assert.equal(e1.code, "constraint_failure");
    await pushOk(db, { "main.fsl": "collection P {\n  name: String\n  age: Int?\n}" });
    assert.equal(await run(db.admin, fql`P.create({ name: "a", age: 1 }).age`, UNTYPED), 1);
  }));

test("invalid FSL is rejected with 400 and 'error: … at <file>:<line>:<col>' diagnostics for every file", () =>
  withDb(async (db) => {
    const r = await push(db, { "main.fsl": "function foo {}", "foo.fsl": "bar?" });
    assert.equal(r.status, 400);
    const msg = r.body.error?.message ?? "";
    assert.match(msg, /^error: /);
    assert.ok(msg.includes("error: Expected `(`\nat main.fsl:1:14"), msg);
    assert.ok(msg.includes("error: Invalid schema item `bar`\nat foo.fsl:1:1"), msg);
  }));

test("a rejected push changes nothing: items, files and version stay as they were", () =>
  withDb(async (db) => {
    const v = await pushOk(db, { "main.fsl": "collection Keep {}\nfunction one() { 1 }" });
    await run(db.admin, fql`Keep.create({ a: 1 })`);
    const r = await push(db, {
      "main.fsl": "collection Keep {}\nfunction one() { 1 }\ncollection New {",
      "extra.fsl": "collection Extra {}",
    });
    assert.equal(r.status, 400);
    assert.match(r.body.error?.message ?? "", /main\.fsl:\d+:\d+/);
    assert.equal(await run(db.admin, fql`Keep.all().count()`), 1);
    assert.equal(await run(db.admin, fql`one()`), 1);
    const e = await fails(db.admin, fql`Extra.all().count()`);
    assert.ok(["unbound_variable", "invalid_query"].includes(e.code ?? ""), `got ${e.code}`);
    const files = await getJson(db, "/schema/1/files");
    assert.equal(files.body.version, v);
    assert.deepEqual(
      files.body.files?.map((f) => f.filename),
      ["main.fsl"],
    );
    assert.equal((await db.admin.query(fql`1`)).schema_version, v);
  }));

test("a semantic error (an @role naming an unknown role) is a 400 with Fauna's constraint message", () =>
  withDb(async (db) => {
    const r = await push(db, { "main.fsl": "@role('a_role') function foo() { 42 }" });
    assert.equal(r.status, 400);
    assert.equal(
      r.body.error?.message,
      "Failed to create Function.\nconstraint failures:\n  role: Field refers to an unknown role name `a_role`.",
    );
  }));

test("duplicate item names across files are rejected with 'Duplicate role `foo` in foo.fsl (originally seen in main.fsl)'", () =>
  withDb(async (db) => {
    const r = await push(db, { "main.fsl": "role foo { }", "foo.fsl": "role foo { }" });
    assert.equal(r.status, 400);
    assert.equal(r.body.error?.message, "Duplicate role `foo` in foo.fsl (originally seen in main.fsl)");
  }));

test("a collection and a function share one namespace: 'Duplicate collection or function `foo` …'", () =>
  withDb(async (db) => {
    const r = await push(db, { "main.fsl": "function foo(x) { x }", "foo.fsl": "collection foo { }" });
    assert.equal(r.status, 400);
    assert.equal(
      r.body.error?.message,
      "Duplicate collection or function `foo` in foo.fsl (originally seen in main.fsl)",
    );
  }));

test("a part whose name does not end in .fsl is rejected: 'Invalid filename `foo`'", () =>
  withDb(async (db) => {
    const r = await push(db, { foo: "collection A {}" });
    assert.equal(r.status, 400);
    assert.equal(r.body.error?.message, "Invalid filename `foo`");
  }));

test("a field with a reserved name is rejected at push time and nothing is applied", () =>
  withDb(async (db) => {
    const r = await push(db, { "main.fsl": "collection Bad {\n  update: String\n}" });
    assert.equal(r.status, 400);
    assert.match(r.body.error?.message ?? "", /reserved/);
    const e = await fails(db.admin, fql`Bad.all().count()`);
    assert.ok(["unbound_variable", "invalid_query"].includes(e.code ?? ""), `got ${e.code}`);
  }));
