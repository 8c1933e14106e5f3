// Child databases: their own collections, keys, tokens and (stageable) schema, reached with a
// key created for the database or an admin secret scoped to its path.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { AuthenticationError, NamedDocument, fql, type Client } from "fauna";
import { fails, run, startDb, type TestDb } from "./support/emulator.js";

let db: TestDb;
let shop: Client;

const schemaCall = async (secret: string, method: string, path: string, files?: Record<string, string>) => {
  let body: FormData | undefined;
  if (files) {
    body = new FormData();
    for (const [name, text] of Object.entries(files)) body.append(name, new Blob([text]), "blob");
  }
  const res = await fetch(`${db.url}${path}`, { method, headers: { authorization: `Bearer ${secret}` }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

before(async () => {
  db = await startDb({ files: { "main.fsl": "collection RootOnly {}\n" } });
  await run(db.admin, fql`Database.create({ name: "shop" })`);
  const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "admin", database: "shop" })`);
  shop = db.client(key.secret);
});
after(() => db.close());

test("Database.create returns the database document; only admins see databases", async () => {
  const d = await run<NamedDocument>(db.admin, fql`Database.byName("shop")`);
  assert.ok(d instanceof NamedDocument);
  assert.equal(d.name, "shop");
  assert.match(String((d as unknown as Record<string, unknown>).global_id), /^\d+$/);
  assert.deepEqual(await run(db.admin, fql`Database.all().map(.name).toArray()`), ["shop"]);
  const server = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "server" })`);
  assert.deepEqual(await run(db.client(server.secret), fql`Database.all().toArray()`), []);
  assert.equal(
    (await fails(db.client(server.secret), fql`Database.create({ name: "nope" })`)).code,
    "permission_denied",
  );
});

test("a child database has its own collections and data", async () => {
  assert.equal((await fails(shop, fql`RootOnly.all()`)).code, "invalid_query");
  await run(shop, fql`Collection.create({ name: "Item" })`);
  await run(shop, fql`Item.create({ n: 1 })`);
  assert.equal(await run(shop, fql`Item.all().count()`), 1);
  assert.equal((await fails(db.admin, fql`Item.all()`)).code, "invalid_query", "the parent does not see it");
});

test("an admin secret scoped to the database path acts inside it; others may not scope", async () => {
  assert.equal(await run(db.client("secret:shop:admin"), fql`Item.all().count()`), 1);
  assert.ok((await fails(db.client("secret:nowhere:admin"), fql`1`)) instanceof AuthenticationError);
  const server = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "server" })`);
  assert.ok((await fails(db.client(`${server.secret}:shop:server`), fql`1`)) instanceof AuthenticationError);
});

test("schema pushed with the child's secret applies there; tokens authenticate in the child", async () => {
  const secret = "secret:shop:admin";
  const push = await schemaCall(secret, "POST", "/schema/1/update?staged=false", {
    "main.fsl":
      "collection Item {}\ncollection User { email: String\n unique [.email]\n index byEmail { terms [.email] } }\n",
  });
  assert.equal(push.status, 200, JSON.stringify(push.body));
  const token = await run<{ secret: string }>(
    shop,
    fql`let u = User.create({ email: "a@b.c" }); Credential.create({ document: u, password: "pw-123456" }).login("pw-123456")`,
  );
  const me = db.client(token.secret);
  assert.equal(await run(me, fql`Query.token() != null`), true, "the token authenticates in the child database");
  assert.equal((await fails(me, fql`RootOnly.all()`)).code, "invalid_query", "and acts there, not in the root");
  const rootFiles = await schemaCall("secret", "GET", "/schema/1/files");
  assert.deepEqual(rootFiles.body.files, [{ filename: "main.fsl" }]);
  const rootMain = await schemaCall("secret", "GET", "/schema/1/files/main.fsl");
  assert.equal(rootMain.body.content, "collection RootOnly {}\n", "the root schema is untouched");
});

test("a child database can stage a schema, report it ready, and commit or abandon it", async () => {
  const secret = "secret:shop:admin";
  const files = {
    "main.fsl":
      "collection Item {}\ncollection User { email: String\n unique [.email]\n index byEmail { terms [.email] } }\ncollection Staged {}\n",
  };
  assert.equal((await schemaCall(secret, "POST", "/schema/1/update?staged=true", files)).status, 200);
  const status = await schemaCall(secret, "GET", "/schema/1/staged/status?format=semantic");
  assert.equal(status.body.status, "ready");
  assert.match(String(status.body.diff), /Staged/);
  assert.equal((await fails(shop, fql`Staged.all()`)).code, "invalid_query", "not active before commit");
  assert.equal((await schemaCall(secret, "POST", "/schema/1/staged/commit")).status, 200);
  assert.equal(await run(shop, fql`Staged.all().count()`), 0);
  assert.equal((await schemaCall(secret, "GET", "/schema/1/staged/status")).body.status, "none");
  assert.equal(
    (await schemaCall(secret, "POST", "/schema/1/update?staged=true", { "main.fsl": "collection Other {}\n" })).status,
    200,
  );
  assert.equal((await schemaCall(secret, "POST", "/schema/1/staged/abandon")).status, 200);
  assert.equal(await run(shop, fql`Staged.all().count()`), 0, "abandoning keeps the active schema");
  const none = await schemaCall(secret, "POST", "/schema/1/staged/commit");
  assert.deepEqual([none.status, none.body], [400, { error: { message: "There is no staged schema to commit" } }]);
});

test("deleting a database deletes its data, and its keys stop working", async () => {
  await run(db.admin, fql`Database.create({ name: "tmp" })`);
  const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "admin", database: "tmp" })`);
  const tmp = db.client(key.secret);
  await run(tmp, fql`Collection.create({ name: "T" })`);
  await run(tmp, fql`T.create({})`);
  await run(db.admin, fql`Database.byName("tmp")!.delete()`);
  assert.ok((await fails(tmp, fql`1`)) instanceof AuthenticationError);
  await run(db.admin, fql`Database.create({ name: "tmp" })`);
  assert.equal(
    (await fails(db.client("secret:tmp:admin"), fql`T.all()`)).code,
    "invalid_query",
    "a new database of that name starts empty",
  );
});
