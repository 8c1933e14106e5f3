// Schema managed with FQL (Collection/Function/Role.create, `.delete()` on definitions), the
// way the official driver's own integration tests set up their fixtures.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ConstraintFailureError, NamedDocument, NullDocument, QueryTimeoutError, fql, Client } from "fauna";
import { fails, run, startDb, type TestDb } from "./support/emulator.js";

let db: TestDb;
before(async () => {
  db = await startDb({ schemaDir: null });
});
after(() => db.close());

test("a missing definition equals null; an existing one does not", async () => {
  assert.deepEqual(await run(db.admin, fql`[Collection.byName("Nope") == null, Collection.byName("Nope") != null]`), [
    true,
    false,
  ]);
  await run(db.admin, fql`Collection.create({ name: "Here" })`);
  assert.deepEqual(await run(db.admin, fql`[Collection.byName("Here") == null, Collection.byName("Here").exists()]`), [
    false,
    true,
  ]);
});

test("Collection.byName(x)!.delete() removes the collection and its documents", async () => {
  await run(db.admin, fql`Collection.create({ name: "Gone" })`);
  await run(db.admin, fql`Gone.create({ a: 1 })`);
  const res = await run(db.admin, fql`Collection.byName("Gone")!.delete()`);
  assert.ok(res instanceof NullDocument);
  assert.equal((res as NullDocument).cause, "deleted");
  assert.equal((await fails(db.admin, fql`Gone.all()`)).code, "invalid_query", "the name is unbound again");
  await run(db.admin, fql`Collection.create({ name: "Gone" })`);
  assert.equal(await run(db.admin, fql`Gone.all().count()`), 0, "a new collection of that name starts empty");
});

test("Function.create defines a callable UDF; a second one with that name is a constraint_failure", async () => {
  const fn = await run(db.admin, fql`Function.create({ name: "my_double", body: "x => x * 2" })`);
  assert.ok(fn instanceof NamedDocument);
  assert.equal(await run(db.admin, fql`my_double(21)`), 42);
  const err = await fails(db.admin, fql`Function.create({ name: "my_double", body: "x => x * 2" })`);
  assert.ok(err instanceof ConstraintFailureError);
  assert.deepEqual(err.constraint_failures?.[0]?.paths, [["name"]]);
  const files = (await (
    await fetch(`${db.url}/schema/1/files/main.fsl`, { headers: { authorization: "Bearer secret" } })
  ).json()) as { content: string };
  assert.match(files.content, /function my_double\(x\)/, "kept as FSL in main.fsl");
});

// FQL2UserFunctionSpec "cannot assign admin privileges with the server role"
// (faunadb ext/model, NativeCollection's FunctionPermissionsValidation hook).
test("a server key, or a UDF running as server, cannot create a function with the admin role", async () => {
  const server = db.client((await run<{ secret: string }>(db.admin, fql`Key.create({ role: "server" })`)).secret);
  const err = await fails(server, fql`Function.create({ name: "no", body: "_ => 0", role: "admin" })`);
  assert.ok(err instanceof ConstraintFailureError);
  assert.equal(err.message, "Failed to create Function.");
  assert.deepEqual(err.constraint_failures, [
    { paths: [["role"]], message: "Cannot create a function with admin permissions using the server role." },
  ]);
  // The same from inside a @role(server) UDF, as an escalation through one would try.
  await run(db.admin, fql`Function.create({ name: "asServer", body: "f => f()", role: "server" })`);
  const escalation = await fails(
    server,
    fql`asServer(() => Function.create({ name: "no2", body: "_ => 0", role: "admin" }))`,
  );
  assert.equal(escalation.code, "constraint_failure");
  assert.deepEqual(await run(db.admin, fql`[Function.byName("no") == null, Function.byName("no2") == null]`), [
    true,
    true,
  ]);
  // Server may still create server-role functions; admin may create admin ones.
  assert.ok(
    (await run(server, fql`Function.create({ name: "yes", body: "_ => 0", role: "server" })`)) instanceof NamedDocument,
  );
  assert.ok(
    (await run(db.admin, fql`Function.create({ name: "meh", body: "_ => 0", role: "admin" })`)) instanceof
      NamedDocument,
  );
});

test("Role.create grants what its document says", async () => {
  await run(
    db.admin,
    fql`Collection.create({ name: "Notes" }); Function.create({ name: "secretNumber", body: "() => 7" })`,
  );
  await run(db.admin, fql`Notes.create({ text: "hi" })`);
  await run(
    db.admin,
    fql`Role.create({ name: "reader", privileges: [{ resource: "Notes", actions: { read: true } }, { resource: "secretNumber", actions: { call: true } }] })`,
  );
  const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "reader" })`);
  const reader = db.client(key.secret);
  assert.equal(await run(reader, fql`Notes.all().count()`), 1);
  assert.equal(await run(reader, fql`secretNumber()`), 7);
  assert.equal((await fails(reader, fql`Notes.create({ text: "no" })`)).code, "permission_denied");
});

test("a query still running at its deadline fails with 440 and writes nothing", async () => {
  const hasty = new Client({ endpoint: new URL(db.url), secret: "secret", query_timeout_ms: 1 });
  const err = await fails(
    hasty,
    fql`Set.sequence(0, 200000).where(i => Collection.byName("Here")!.exists()).count(); Collection.create({ name: "Wah" })`,
  );
  hasty.close();
  assert.ok(err instanceof QueryTimeoutError);
  assert.equal(err.httpStatus, 440);
  assert.match(err.message, /aggressive deadline/);
  assert.equal(await run(db.admin, fql`Collection.byName("Wah").exists()`), false);
});
