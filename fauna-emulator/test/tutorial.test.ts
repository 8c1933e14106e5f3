// Fauna's end-user authentication tutorial, step by step, through the official driver.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AuthenticationError,
  ConstraintFailureError,
  DocumentReference,
  NullDocument,
  QueryRuntimeError,
  fql,
  type Client,
} from "fauna";
import { fails, run, startDb, type TestDb } from "./support/emulator.js";

let db: TestDb;
let anon: Client;
let tokenSecret: string;

before(async () => {
  db = await startDb();
  await run(
    db.admin,
    fql`let store = Store.create({ name: "Party Supplies" })
        Product.create({ name: "cups", description: "Translucent 9 Oz, 100 ct", price: 6.98, quantity: 90, store: store, backorderLimit: 5 })`,
  );
  const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "unauthenticated" })`);
  anon = db.client(key.secret);
});
after(() => db.close());

test("the unauthenticated key sees Product.all() as an empty set", async () => {
  const page = await run<{ data: unknown[] }>(anon, fql`Product.all()`);
  assert.deepEqual(page.data, []);
});

test("UserSignup commits a customer and credential; the customer renders as permission denied", async () => {
  const res = await run<Record<string, unknown>>(anon, fql`UserSignup("fake@fauna.com", "sekret")`);
  assert.ok(res.document instanceof NullDocument, "document field is a null document");
  assert.equal((res.document as NullDocument).cause, "permission denied");
  assert.ok((res.document as NullDocument).ref instanceof DocumentReference);
  assert.equal(((res.document as NullDocument).ref as DocumentReference).coll.name, "Customer");
  assert.equal(res.password, undefined, "the password is never rendered");
  const committed = await run<number>(
    db.admin,
    fql`Customer.byEmail("fake@fauna.com").count() + Credential.all().count()`,
  );
  assert.equal(committed, 2);
});

test("a second signup with the same email is a constraint_failure and writes nothing", async () => {
  const err = await fails(anon, fql`UserSignup("fake@fauna.com", "other")`);
  assert.ok(err instanceof ConstraintFailureError);
  assert.equal(err.httpStatus, 400);
  assert.deepEqual(err.constraint_failures?.[0]?.paths, [["email"]]);
  assert.equal(await run(db.admin, fql`Customer.all().count()`), 1);
  assert.equal(await run(db.admin, fql`Credential.all().count()`), 1);
});

test("UserLogin with the wrong password fails with invalid_secret", async () => {
  const err = await fails(anon, fql`UserLogin("fake@fauna.com", "wrong")`);
  assert.ok(err instanceof QueryRuntimeError);
  assert.equal(err.code, "invalid_secret");
  assert.equal(await run(db.admin, fql`Token.all().count()`), 0, "no token was created");
});

test("UserLogin with the right password returns a token with a secret and a 60-minute ttl", async () => {
  const res = await db.admin.query(fql`Time.now()`);
  const token = await run<{ secret: string; ttl: { toDate(): Date }; document: DocumentReference }>(
    anon,
    fql`UserLogin("fake@fauna.com", "sekret")`,
  );
  assert.match(token.secret, /^fnE/);
  const ttlMs = token.ttl.toDate().getTime() - (res.data as { toDate(): Date }).toDate().getTime();
  assert.ok(Math.abs(ttlMs - 60 * 60_000) < 10_000, `ttl is 60 minutes from now (got ${ttlMs} ms)`);
  tokenSecret = token.secret;
});

test("the token reads products with their store references", async () => {
  const user = db.client(tokenSecret);
  const page = await run<{ data: { name: string; price: number; store: DocumentReference }[] }>(
    user,
    fql`Product.all()`,
  );
  assert.equal(page.data.length, 1);
  assert.equal(page.data[0]!.name, "cups");
  assert.equal(page.data[0]!.price, 6.98);
  assert.ok(page.data[0]!.store instanceof DocumentReference, "nested store is a reference");
  const storeName = await run(user, fql`Product.all().first()!.store!.name`);
  assert.equal(storeName, "Party Supplies");
});

test("the token cannot create products or keys", async () => {
  const user = db.client(tokenSecret);
  const p = await fails(
    user,
    fql`Product.create({ name: "x", description: "y", price: 1.0, store: Store.all().first() })`,
  );
  assert.equal(p.code, "permission_denied");
  const k = await fails(user, fql`Key.create({ role: "admin" })`);
  assert.equal(k.code, "permission_denied");
  assert.equal(await run(db.admin, fql`Product.all().count()`), 1);
});

test("UserLogout deletes the token and its secret then gets 401", async () => {
  const user = db.client(tokenSecret);
  await run(user, fql`UserLogout()`);
  assert.equal(await run(db.admin, fql`Token.all().count()`), 0);
  const err = await fails(db.client(tokenSecret), fql`1`);
  assert.ok(err instanceof AuthenticationError);
  assert.equal(err.httpStatus, 401);
});
