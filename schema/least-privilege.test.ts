// Least privilege, re-checked (schema/roles.fsl): every action the app never needs is
// tried with the `unauthenticated` key and with a customer token, and must fail.
// Fauna filters unreadable documents out of sets (an empty answer) and raises
// permission_denied for index reads, writes and calls (fauna-reference §6.4–6.6).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type Query, type QueryValue } from "fauna";
import {
  appKey,
  logIn,
  queryAs,
  signedInShopper,
  signUp,
  startTestFauna,
  uniqueEmail,
  type TestFauna,
} from "./test-support.ts";

let fauna: TestFauna;
let shopperEmail: string;
let shopperToken: string;
let otherEmail: string;
let otherId: string;
let productId: string;
let storeId: string;

before(async () => {
  fauna = await startTestFauna();
  shopperEmail = uniqueEmail("shopper");
  shopperToken = await signedInShopper(fauna, shopperEmail);
  otherEmail = uniqueEmail("other");
  await signedInShopper(fauna, otherEmail);
  otherId = (await fauna.admin.query<string>(fql`Customer.byEmail(${otherEmail}).first()!.id`)).data;
  productId = (await fauna.admin.query<string>(fql`Product.all().first()!.id`)).data;
  storeId = (await fauna.admin.query<string>(fql`Store.all().first()!.id`)).data;
  // Failed attempts, rate-limit hits and emailed links exist for both shoppers, so
  // an empty read means "filtered".
  await logIn(fauna, shopperEmail, "wrong password");
  await logIn(fauna, otherEmail, "wrong password");
  await queryAs(fauna, appKey(), fql`RequestPasswordReset(${otherEmail}, "10.9.9.9")`);
  await fauna.admin.query(fql`Key.create({ role: "server" })`);
});
after(async () => {
  await fauna?.close();
});

type Forbidden = [label: string, query: () => Query<QueryValue>];

/** Fails unless the query raised permission_denied or read nothing. */
async function assertForbidden(secret: string, [label, query]: Forbidden) {
  let data: unknown;
  try {
    data = await queryAs(fauna, secret, query());
  } catch (error) {
    const code = (error as { code?: string }).code;
    assert.ok(code === "permission_denied" || code === "null_value", `${label}: raised ${code} ${String(error)}`);
    return;
  }
  const empty = data === null || data === 0 || (Array.isArray(data) && data.length === 0);
  assert.ok(empty, `${label}: allowed, returned ${JSON.stringify(data)}`);
}

// Every collection whose documents the two secrets must not list.
const allDocuments: Record<string, () => Query<QueryValue>> = {
  Product: () => fql`Product.all().toArray()`,
  Store: () => fql`Store.all().toArray()`,
  Customer: () => fql`Customer.all().toArray()`,
  LoginAttempt: () => fql`LoginAttempt.all().toArray()`,
  Credential: () => fql`Credential.all().toArray()`,
  LoginDecoy: () => fql`LoginDecoy.all().toArray()`,
  Token: () => fql`Token.all().toArray()`,
  Key: () => fql`Key.all().toArray()`,
  RateLimitHit: () => fql`RateLimitHit.all().toArray()`,
  PasswordResetLink: () => fql`PasswordResetLink.all().toArray()`,
  EmailVerificationLink: () => fql`EmailVerificationLink.all().toArray()`,
};
const listings = (except: string[] = []): Forbidden[] =>
  Object.entries(allDocuments)
    .filter(([name]) => !except.includes(name))
    .map(([name, query]) => [`read ${name}.all()`, query]);

const writes = (): Forbidden[] => [
  ["create a Customer", () => fql`Customer.create({ email: "intruder@example.com" })`],
  ["update another Customer", () => fql`Customer.byId(${otherId})!.update({ email: "stolen@example.com" })`],
  ["delete another Customer", () => fql`Customer.byId(${otherId})!.delete()`],
  [
    "create a Product",
    () =>
      fql`Product.create({ name: "x", description: "x", price: 1, quantity: 1, store: Store.byId(${storeId}), backorderLimit: 0, backordered: false })`,
  ],
  ["update a Product", () => fql`Product.byId(${productId})!.update({ price: 0 })`],
  ["delete a Product", () => fql`Product.byId(${productId})!.delete()`],
  ["create a LoginAttempt", () => fql`LoginAttempt.create({ email: ${otherEmail}, failedAt: Time.now() })`],
  ["create a Credential", () => fql`Credential.create({ document: Customer.byId(${otherId}), password: "takeover1" })`],
  [
    "update another Credential",
    () => fql`Credential.byDocument(Customer.byId(${otherId})!)!.update({ password: "takeover1" })`,
  ],
  ["create a Token for another Customer", () => fql`Token.create({ document: Customer.byId(${otherId}) }).secret`],
  ["Key.create", () => fql`Key.create({ role: "admin" }).secret`],
  ["create a RateLimitHit", () => fql`RateLimitHit.create({ bucket: "login-ip:10.9.9.9", hitAt: Time.now() })`],
  ["delete RateLimitHits", () => fql`RateLimitHit.byBucket("reset-ip:10.9.9.9").forEach(.delete())`],
  [
    "create a PasswordResetLink",
    () => fql`PasswordResetLink.create({ customer: Customer.byId(${otherId}), createdAt: Time.now() })`,
  ],
  [
    "mint a token for a reset link",
    () => fql`Token.create({ document: PasswordResetLink.byCustomer(Customer.byId(${otherId})!).first()! }).secret`,
  ],
  ["verify another Customer's email", () => fql`Customer.byId(${otherId})!.update({ emailVerifiedAt: Time.now() })`],
  ["Collection.create", () => fql`Collection.create({ name: "Backdoor" })`],
];

const reads = (): Forbidden[] => [
  ["read another Customer by id", () => fql`Customer.byId(${otherId})!.email`],
  ["read Customer.byEmail", () => fql`Customer.byEmail(${otherEmail}).toArray()`],
  ["read LoginAttempt.byEmail", () => fql`LoginAttempt.byEmail(${otherEmail}).toArray()`],
  ["read another Credential", () => fql`Credential.byDocument(Customer.byId(${otherId})!)!.id`],
  ["read another shopper's tokens", () => fql`Token.byDocument(Customer.byId(${otherId})!).toArray()`],
  ["read RateLimitHit.byBucket", () => fql`RateLimitHit.byBucket(${`reset-email:${otherEmail}`}).toArray()`],
  ["read PasswordResetLink.byCustomer", () => fql`PasswordResetLink.byCustomer(Customer.byId(${otherId})).toArray()`],
  [
    "read EmailVerificationLink.byCustomer",
    () => fql`EmailVerificationLink.byCustomer(Customer.byId(${otherId})).toArray()`,
  ],
  ["verify another Credential", () => fql`Credential.byDocument(Customer.byId(${otherId})!)!.verify("wrong password")`],
];

const helperCalls = (): Forbidden[] => [
  ["call NormalizeEmail", () => fql`NormalizeEmail("a@b.c")`],
  ["call PasswordProblem", () => fql`PasswordProblem("password")`],
  ["call CheckPassword", () => fql`CheckPassword(${otherEmail}, null, "x")`],
  ["call EmailTooLong", () => fql`EmailTooLong("a@b.c")`],
  ["call DecoyCredential", () => fql`DecoyCredential().id`],
  ["call LoginDelaySeconds", () => fql`LoginDelaySeconds(1)`],
  ["call ClientKey", () => fql`ClientKey("10.0.0.1")`],
  ["call RateLimitWait", () => fql`RateLimitWait("login-ip:10.0.0.1", 1, 60)`],
  ["call CountRateLimitHit", () => fql`CountRateLimitHit("login-ip:10.0.0.1", 60)`],
  ["call NewPasswordResetLink", () => fql`NewPasswordResetLink(Customer.byId(${otherId})!)`],
  ["call NewEmailVerificationLink", () => fql`NewEmailVerificationLink(Customer.byId(${otherId})!)`],
  ["call VoidPasswordResetLinks", () => fql`VoidPasswordResetLinks(Customer.byId(${otherId})!)`],
  ["call VoidEmailVerificationLinks", () => fql`VoidEmailVerificationLinks(Customer.byId(${otherId})!)`],
];

// What only an emailed link's token may call.
const linkCalls = (): Forbidden[] => [
  ["call ResetPassword", () => fql`ResetPassword("a brand new password")`],
  ["call VerifyEmail", () => fql`VerifyEmail()`],
];

test("the unauthenticated key reads nothing", async () => {
  for (const action of [
    ...listings(),
    ...reads(),
    ["read a Product by id", () => fql`Product.byId(${productId})!.name`] as Forbidden,
    ["read Product.byName", () => fql`Product.byName("cups").toArray()`] as Forbidden,
    ["read Store.byName", () => fql`Store.byName("DogExpress").toArray()`] as Forbidden,
  ]) {
    await assertForbidden(appKey(), action);
  }
});

test("the unauthenticated key writes nothing", async () => {
  for (const action of writes()) await assertForbidden(appKey(), action);
});

test("the unauthenticated key calls UserSignup, UserLogin, RequestPasswordReset and RequestEmailVerification only", async () => {
  for (const action of [
    ...helperCalls(),
    ...linkCalls(),
    ["call UserLogout", () => fql`UserLogout()`],
    ["call UserLogoutEverywhere", () => fql`UserLogoutEverywhere()`],
    ["call UserChangePassword", () => fql`UserChangePassword("a", "b")`],
    ["call SessionList", () => fql`SessionList()`],
    ["call EndSession", () => fql`EndSession("1")`],
    ["call SessionSeen", () => fql`SessionSeen()`],
  ] as Forbidden[]) {
    await assertForbidden(appKey(), action);
  }
  // The four it may call still work.
  const email = uniqueEmail("allowed");
  assert.equal((await signUp(fauna, email, "correct horse")).ok, true);
  assert.equal((await logIn(fauna, email, "correct horse")).ok, true);
  assert.equal(
    (await queryAs<{ ok: boolean }>(fauna, appKey(), fql`RequestPasswordReset(${email}, "10.8.8.8")`)).ok,
    true,
  );
  assert.equal(
    (await queryAs<{ ok: boolean }>(fauna, appKey(), fql`RequestEmailVerification(${email}, "10.8.8.8")`)).ok,
    true,
  );
});

test("a customer token reads the catalog and its own Customer, nothing else", async () => {
  const own = await queryAs(
    fauna,
    shopperToken,
    fql`[Product.all().count() > 0, Store.all().count() > 0, Customer.all().toArray().map(.email)]`,
  );
  assert.deepEqual(own, [true, true, [shopperEmail]]);
  for (const action of [...listings(["Product", "Store", "Customer", "Credential", "Token"]), ...reads()]) {
    await assertForbidden(shopperToken, action);
  }
  // Fauna's token baseline lets a token read its own credential and tokens, no others.
  const baseline = await queryAs(fauna, shopperToken, fql`[Credential.all().count(), Token.all().count()]`);
  assert.deepEqual(baseline, [1, 1]);
});

test("a customer token writes nothing directly, not even its own email or password", async () => {
  for (const action of [
    ...writes(),
    ["update own Customer", () => fql`Query.identity()!.update({ email: "renamed@example.com" })`] as Forbidden,
    [
      "update own Credential",
      () => fql`Credential.byDocument(Query.identity()!)!.update({ password: "no rules here" })`,
    ] as Forbidden,
    ["delete own LoginAttempts", () => fql`LoginAttempt.byEmail(${shopperEmail}).forEach(.delete())`] as Forbidden,
  ]) {
    await assertForbidden(shopperToken, action);
  }
  assert.equal((await logIn(fauna, shopperEmail, "correct horse")).ok, true, "the password is unchanged");
});

test("a customer token calls only UserLogout, UserLogoutEverywhere, UserChangePassword and its session UDFs", async () => {
  for (const action of [
    ...helperCalls(),
    ...linkCalls(),
    ["call UserSignup", () => fql`UserSignup(${uniqueEmail("token-signup")}, "correct horse", "10.0.0.1")`],
    ["call UserLogin", () => fql`UserLogin(${shopperEmail}, "correct horse", "10.0.0.1", "Test browser")`],
    ["call RequestPasswordReset", () => fql`RequestPasswordReset(${shopperEmail}, "10.0.0.1").secret`],
    ["call RequestEmailVerification", () => fql`RequestEmailVerification(${shopperEmail}, "10.0.0.1").secret`],
  ] as Forbidden[]) {
    await assertForbidden(shopperToken, action);
  }
  const result = await queryAs(fauna, shopperToken, fql`UserChangePassword("wrong password", "new password 1")`);
  assert.deepEqual(result, { ok: false, reason: "invalid" });
});
