// Conformance: FSL `function` items (reference §6.6; faunadb FQL2UserFunctionSpec and
// Value.Arity.displayString for the arity messages): calling, arity errors, variadics, call
// permission, and `@role(server)` vs. the caller's own permissions.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

const SCHEMA = `
collection Secret {
  value: String
}

function double(x) {
  x * 2
}

function noArgs() {
  42
}

function spread(first, ...rest) {
  { first: first, rest: rest }
}

function countSecrets() {
  Secret.all().count()
}

@role(server)
function countSecretsAsServer() {
  Secret.all().count()
}

function typed(a: Number, b: Number): Number {
  a + b
}

role caller {
  privileges double { call }
  privileges countSecrets { call }
  privileges countSecretsAsServer { call }
}
`;

let db: TestDb;

before(async () => {
  db = await startDb({ files: { "main.fsl": SCHEMA } });
  await run(db.admin, fql`Secret.create({ value: "a" }); Secret.create({ value: "b" })`);
});

after(async () => {
  await db?.close();
});

async function keyClient(role: string) {
  const k = (await run(db.admin, fql`Key.create({ role: ${role} }) { secret }`)) as { secret: string };
  return db.client(k.secret);
}

test("a UDF is called like a global function and returns its block's last expression", async () => {
  assert.equal(await run(db.admin, fql`double(21)`), 42);
  assert.equal(await run(db.admin, fql`noArgs()`), 42);
  assert.equal(await run(db.admin, fql`typed(1, 2)`), 3);
});

test("too many arguments: invalid_function_invocation 'callee function expects exactly 1 argument, but 2 were provided.'", async () => {
  const e = await fails(db.admin, fql`double(1, 2)`, UNTYPED);
  assert.equal(e.code, "invalid_function_invocation");
  assert.equal(e.message, "callee function expects exactly 1 argument, but 2 were provided.");
});

test("too few arguments: 'callee function expects exactly 1 argument, but 0 were provided.'", async () => {
  const e = await fails(db.admin, fql`double()`, UNTYPED);
  assert.equal(e.code, "invalid_function_invocation");
  assert.equal(e.message, "callee function expects exactly 1 argument, but 0 were provided.");
});

test("arguments to a nullary UDF: 'callee function expects no arguments, but 1 was provided.'", async () => {
  const e = await fails(db.admin, fql`noArgs(10)`, UNTYPED);
  assert.equal(e.code, "invalid_function_invocation");
  assert.equal(e.message, "callee function expects no arguments, but 1 was provided.");
});

test("a variadic UDF collects the trailing arguments into an array", async () => {
  assert.deepEqual(await run(db.admin, fql`spread(1)`), { first: 1, rest: [] });
  assert.deepEqual(await run(db.admin, fql`spread(1, 2, 3)`), { first: 1, rest: [2, 3] });
});

test("a variadic UDF still requires its fixed parameters: 'callee function expects at least 1 argument, but 0 were provided.'", async () => {
  const e = await fails(db.admin, fql`spread()`, UNTYPED);
  assert.equal(e.code, "invalid_function_invocation");
  assert.equal(e.message, "callee function expects at least 1 argument, but 0 were provided.");
});

test("a server key may call any UDF", async () => {
  const server = await keyClient("server");
  assert.equal(await run(server, fql`noArgs()`), 42);
});

test("a custom role may call a UDF only with a `call` privilege on it", async () => {
  const c = await keyClient("caller");
  assert.equal(await run(c, fql`double(2)`), 4);
  const e = await fails(c, fql`noArgs()`);
  assert.equal(e.code, "permission_denied");
  assert.equal(e.message, "Insufficient privileges to perform the action.");
});

test("without @role a UDF body runs with the caller's permissions (unreadable documents are filtered out)", async () => {
  const c = await keyClient("caller");
  assert.equal(await run(c, fql`countSecrets()`), 0);
  assert.equal(await run(db.admin, fql`countSecrets()`), 2);
});

test("with @role(server) the UDF body runs with server permissions", async () => {
  const c = await keyClient("caller");
  assert.equal(await run(c, fql`countSecretsAsServer()`), 2);
});

test("the caller still cannot read the collection directly", async () => {
  const c = await keyClient("caller");
  assert.equal(await run(c, fql`Secret.all().count()`), 0);
});
