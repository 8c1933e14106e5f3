// Fauna's auth model (reference §5–6): root secret, keys, credentials, tokens, built-in and
// user-defined roles, predicates, UDF roles and rendering with the caller's permissions.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { AuthenticationError, ConstraintFailureError, NullDocument, fql, type Client, type Document } from "fauna";
import { fails, run, startDb, type TestDb } from "./support/emulator.js";
import { AUTH_EXTRAS, SHOP_SCHEMA } from "./support/fixtures.js";

let db: TestDb;
let dataDir: string;
let storeId: string;
let ann: { id: string; secret: string };
let vip: { id: string; secret: string };

async function signUp(email: string, name: string | null, password: string): Promise<{ id: string; secret: string }> {
  return run<{ id: string; secret: string }>(
    db.admin,
    fql`let c = Customer.create({ email: ${email}, name: ${name} })
        Credential.create({ document: c, password: ${password} })
        { id: c.id, secret: Credential.byDocument(c)!.login(${password}).secret }`,
  );
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "fauna-auth-"));
  db = await startDb({ schemaDir: [SHOP_SCHEMA, AUTH_EXTRAS], dataDir });
  storeId = await run<string>(db.admin, fql`Store.create({ name: "Main" }).id`);
  await run(
    db.admin,
    fql`Product.create({ name: "mug", description: "blue", price: 4.5, store: Store.byId(${storeId}) })`,
  );
  ann = await signUp("ann@example.com", "Ann", "ann-password");
  vip = await signUp("vip@example.com", "VIP", "vip-password");
});
after(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("secrets", () => {
  test("a request without a secret is 401 unauthorized with WWW-Authenticate", async () => {
    const res = await fetch(`${db.url}/query/1`, { method: "POST", body: JSON.stringify({ query: "1" }) });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get("www-authenticate"), "Bearer");
    assert.deepEqual(await res.json(), { error: { code: "unauthorized", message: "Access token required" } });
  });

  test("an unknown secret is 401 for the driver (AuthenticationError)", async () => {
    const err = await fails(db.client("not-a-secret"), fql`1`);
    assert.ok(err instanceof AuthenticationError);
    const forged = await fails(db.client(ann.secret.slice(0, -4) + "AAAA"), fql`1`);
    assert.ok(forged instanceof AuthenticationError, "a secret with the right id but wrong random part fails");
  });

  test("Key.create shows the secret once; later reads have no secret", async () => {
    const key = await run<{ id: string; secret: string; role: string }>(
      db.admin,
      fql`Key.create({ role: "server", data: { name: "ci" } })`,
    );
    assert.match(key.secret, /^fnA/);
    assert.equal(key.role, "server");
    const again = await run<Record<string, unknown>>(db.admin, fql`Key.byId(${key.id})`);
    assert.equal(again.secret, undefined);
    assert.equal(await run(db.admin, fql`Key.byId(${key.id})!.secret`), null);
    const listed = await run<{ data: { id: string }[] }>(db.admin, fql`Key.all()`);
    assert.ok(listed.data.some((k) => k.id === key.id));
  });

  test("Key.create needs an existing role and refuses a secret field", async () => {
    const bad = await fails(db.admin, fql`Key.create({ role: "nope" })`);
    assert.ok(bad instanceof ConstraintFailureError);
    const secret = await fails(db.admin, fql`Key.create({ role: "server", secret: "mine" })`);
    assert.ok(secret instanceof ConstraintFailureError);
  });

  test("deleting a key invalidates its secret immediately", async () => {
    const key = await run<{ id: string; secret: string }>(db.admin, fql`Key.create({ role: "server" })`);
    const c = db.client(key.secret);
    assert.equal(await run(c, fql`1 + 1`), 2);
    await run(db.admin, fql`Key.byId(${key.id})!.delete()`);
    assert.ok((await fails(c, fql`1`)) instanceof AuthenticationError);
  });

  test("secrets and passwords are stored only as bcrypt hashes", async () => {
    const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "server" })`);
    const files = readdirSync(dataDir)
      .map((f) => readFileSync(join(dataDir, f)).toString("latin1"))
      .join("");
    assert.ok(files.length > 0);
    assert.ok(!files.includes(key.secret), "key secret not on disk");
    assert.ok(!files.includes(key.secret.slice(14)), "secret's random part not on disk");
    assert.ok(!files.includes(ann.secret), "token secret not on disk");
    assert.ok(!files.includes("ann-password"), "password not on disk");
    assert.match(files, /\$2[aby]\$05\$/, "bcrypt cost 5 hashes are stored");
  });
});

describe("credentials and tokens", () => {
  test("a credential never renders its password", async () => {
    const cred = await run<Record<string, unknown>>(db.admin, fql`Credential.byDocument(Customer.byId(${ann.id})!)`);
    const shown = Object.entries(cred)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    assert.deepEqual(shown.sort(), ["coll", "document", "id", "ts"]);
  });

  test("Credential.create needs a document of a user-defined collection", async () => {
    const err = await fails(db.admin, fql`Credential.create({ document: Key.all().first(), password: "x" })`);
    assert.ok(err instanceof ConstraintFailureError);
    assert.deepEqual(err.constraint_failures?.[0]?.paths, [["document"]]);
  });

  test("verify() checks a password; update() re-hashes it", async () => {
    const id = (await signUp("rehash@example.com", null, "first-password")).id;
    assert.equal(
      await run(db.admin, fql`Credential.byDocument(Customer.byId(${id})!)!.verify("first-password")`),
      true,
    );
    assert.equal(await run(db.admin, fql`Credential.byDocument(Customer.byId(${id})!)!.verify("nope")`), false);
    await run(db.admin, fql`Credential.byDocument(Customer.byId(${id})!)!.update({ password: "second-password" })`);
    assert.equal(
      await run(db.admin, fql`Credential.byDocument(Customer.byId(${id})!)!.verify("second-password")`),
      true,
    );
    assert.equal(
      await run(db.admin, fql`Credential.byDocument(Customer.byId(${id})!)!.verify("first-password")`),
      false,
    );
  });

  test("Credential.byDocument of a document without one does not exist", async () => {
    assert.equal(await run(db.admin, fql`Credential.byDocument(Store.byId(${storeId})!).exists()`), false);
    assert.equal(await run(db.admin, fql`Credential.byDocument(Store.byId(${storeId})!) == null`), true);
  });

  test("login() with a wrong password raises invalid_secret and rolls back", async () => {
    const err = await fails(
      db.admin,
      fql`Customer.create({ email: "x@y.z" }); Credential.byDocument(Customer.byId(${ann.id})!)!.login("bad")`,
    );
    assert.equal(err.code, "invalid_secret");
    assert.equal(await run(db.admin, fql`Customer.byEmail("x@y.z").count()`), 0);
  });

  test("a token past its ttl no longer authenticates", async () => {
    const t = await run<{ secret: string }>(
      db.admin,
      fql`Token.create({ document: Customer.byId(${ann.id})!, ttl: Time.now().add(700, "milliseconds") })`,
    );
    const c = db.client(t.secret);
    assert.equal(await run(c, fql`1`), 1);
    await new Promise((r) => setTimeout(r, 900));
    assert.ok((await fails(c, fql`1`)) instanceof AuthenticationError);
  });

  test("Query.identity() and Query.token() describe the token", async () => {
    const c = db.client(ann.secret);
    const me = await run<Document>(c, fql`Query.identity()`);
    assert.equal(me.id, ann.id);
    const tok = await run<Record<string, unknown>>(c, fql`Query.token()`);
    assert.equal((tok.document as Document).id, ann.id);
    assert.equal(tok.secret, undefined, "an existing token's secret is not rendered");
    assert.equal(await run(db.admin, fql`Query.identity()`), null);
  });

  test("a token may read its own tokens and credential but not other customers", async () => {
    const c = db.client(ann.secret);
    const mine = await run<number>(c, fql`Token.byDocument(Query.identity()!).count()`);
    assert.ok(mine >= 1);
    assert.equal(await run(c, fql`Credential.byDocument(Query.identity()!).exists()`), true);
    const customers = await run<{ data: Document[] }>(c, fql`Customer.all()`);
    assert.deepEqual(
      customers.data.map((d) => d.id),
      [ann.id],
      "read predicate filters per document",
    );
    const other = await run<unknown>(c, fql`Customer.byId(${vip.id})`);
    assert.ok(other instanceof NullDocument);
    assert.equal((other as NullDocument).cause, "permission denied");
  });
});

describe("roles", () => {
  async function keyFor(role: string): Promise<Client> {
    const k = await run<{ secret: string }>(db.admin, fql`Key.create({ role: ${role} })`);
    return db.client(k.secret);
  }

  test("server reads and writes data but cannot touch keys", async () => {
    const server = await keyFor("server");
    assert.equal(await run(server, fql`Product.all().count()`), 1);
    await run(server, fql`Store.create({ name: "by server" })`);
    assert.equal((await fails(server, fql`Key.create({ role: "server" })`)).code, "permission_denied");
    assert.deepEqual((await run<{ data: unknown[] }>(server, fql`Key.all()`)).data, []);
    assert.equal(await run(server, fql`Echo(3)`), 3, "server may call any UDF");
  });

  test("server-readonly reads but cannot write or call", async () => {
    const ro = await keyFor("server-readonly");
    assert.equal(await run(ro, fql`Product.all().count()`), 1);
    assert.equal((await fails(ro, fql`Store.create({ name: "nope" })`)).code, "permission_denied");
    assert.equal((await fails(ro, fql`Echo(1)`)).code, "permission_denied");
  });

  test("client sees nothing and may not call functions", async () => {
    const client = await keyFor("client");
    assert.deepEqual((await run<{ data: unknown[] }>(client, fql`Product.all()`)).data, []);
    assert.equal((await fails(client, fql`Echo(1)`)).code, "permission_denied");
  });

  test("a key with a user-defined role gets that role's privileges and no identity", async () => {
    const customerKey = await keyFor("customer");
    assert.equal(await run(customerKey, fql`Product.all().count()`), 1);
    assert.equal(await run(customerKey, fql`Query.identity()`), null);
    assert.equal((await fails(customerKey, fql`Store.create({ name: "x" })`)).code, "permission_denied");
  });

  test("index reads without a read privilege are permission_denied", async () => {
    const anon = await keyFor("unauthenticated");
    const err = await fails(anon, fql`Customer.byEmail("ann@example.com")`);
    assert.equal(err.code, "permission_denied");
    assert.match(err.message, /read from collection Customer/);
    assert.deepEqual((await run<{ data: unknown[] }>(anon, fql`Customer.all()`)).data, [], "all() filters silently");
  });

  test("membership predicates decide which tokens get a role", async () => {
    const vipClient = db.client(vip.secret);
    const annClient = db.client(ann.secret);
    const all = await run<number>(db.admin, fql`Customer.all().count()`);
    assert.ok(all >= 2);
    assert.equal(await run(vipClient, fql`Customer.all().count()`), all, "vip role reads every customer");
    assert.equal(await run(annClient, fql`Customer.all().count()`), 1, "ann only matches customer");
  });

  test("create and write predicates gate writes", async () => {
    const vipClient = db.client(vip.secret);
    await run(vipClient, fql`Store.create({ name: "VIP lounge" })`);
    assert.equal((await fails(vipClient, fql`Store.create({ name: "Plain" })`)).code, "permission_denied");
    assert.equal(
      (await fails(vipClient, fql`Store.byName("VIP lounge").first()!.update({ name: "forbidden" })`)).code,
      "permission_denied",
    );
    await run(vipClient, fql`Store.byName("VIP lounge").first()!.update({ name: "VIP lounge 2" })`);
    assert.equal(await run(db.admin, fql`Store.byName("VIP lounge 2").count()`), 1);
  });

  test("call predicates see the call's arguments", async () => {
    const vipClient = db.client(vip.secret);
    assert.equal(await run(vipClient, fql`Echo(5)`), 5);
    assert.equal((await fails(vipClient, fql`Echo(50)`)).code, "permission_denied");
  });

  test("a @role UDF runs with that role but keeps the caller's identity", async () => {
    const res = await run<{ identity: Document; token: boolean }>(db.client(ann.secret), fql`WhoAmI()`);
    assert.equal(res.identity.id, ann.id);
    assert.equal(res.token, true);
  });

  test("scoped root secrets: builtin role, user role and document identity", async () => {
    const asServer = db.client("secret:server");
    assert.equal((await fails(asServer, fql`Key.create({ role: "server" })`)).code, "permission_denied");
    const asCustomer = db.client("secret:@role/customer");
    assert.equal(await run(asCustomer, fql`Product.all().count()`), 1);
    const asAnn = db.client(`secret:@doc/Customer/${ann.id}`);
    assert.equal(((await run<Document>(asAnn, fql`Query.identity()`)) as Document).id, ann.id);
    const serverKey = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "server" })`);
    assert.ok(
      (await fails(db.client(`${serverKey.secret}:admin`), fql`1`)) instanceof AuthenticationError,
      "only admin may switch roles",
    );
  });
});
