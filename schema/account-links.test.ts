// Password-reset and email-verification links (schema/account-links.fsl), driven
// through the official driver with the secrets each party holds: the app key asks
// for a link, and only the link's own token can use it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type Query, type QueryValue, type TimeStub } from "fauna";
import {
  appKey,
  errorOf,
  logIn,
  queryAs,
  signedInShopper,
  signUp,
  startTestFauna,
  testIp,
  uniqueEmail,
  type TestFauna,
} from "./test-support.ts";
import { pairedRatio, settledTiming } from "./timing.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

const PASSWORD = "correct horse";
const NEW_PASSWORD = "a brand new pass phrase";

type LinkRequest =
  | { ok: true; sent: true; email: string; secret: string }
  | { ok: true; sent: false }
  | { ok: false; reason: string; retryInSeconds?: number };

const requestReset = (email: string, ip = testIp()) =>
  queryAs(fauna, appKey(), fql`RequestPasswordReset(${email}, ${ip})`) as Promise<LinkRequest>;

const requestVerification = (email: string, ip = testIp()) =>
  queryAs(fauna, appKey(), fql`RequestEmailVerification(${email}, ${ip})`) as Promise<LinkRequest>;

async function resetSecret(email: string): Promise<string> {
  const result = await requestReset(email);
  assert.ok(result.ok && result.sent, JSON.stringify(result));
  return result.secret;
}

const resetPassword = (secret: string, password: string) =>
  queryAs(fauna, secret, fql`ResetPassword(${password})`) as Promise<{ ok: boolean; email?: string; reason?: string }>;

/** Whether Fauna refuses the secret outright (401): expired, used or voided. */
async function isRejected(secret: string): Promise<boolean> {
  try {
    await queryAs(fauna, secret, fql`null`);
    return false;
  } catch (error) {
    return (error as { httpStatus?: number }).httpStatus === 401;
  }
}

const verifiedAt = (email: string) =>
  fauna.admin.query<TimeStub | null>(fql`Customer.byEmail(${email}).first()!.emailVerifiedAt`).then((r) => r.data);

// ---- Password reset ---------------------------------------------------------------

test("a reset link sets the new password once, ends every session and counts as verification", async () => {
  const email = uniqueEmail("reset");
  const phone = await signedInShopper(fauna, email);
  const laptop = await logIn(fauna, email, PASSWORD);
  assert.ok(laptop.ok);
  const bystander = await signedInShopper(fauna, uniqueEmail("bystander"));
  await logIn(fauna, email, "a wrong guess");
  assert.equal(await verifiedAt(email), null);

  const secret = await resetSecret(email.toUpperCase());
  assert.deepEqual(await resetPassword(secret, "short"), { ok: false, reason: "password_too_short" });
  assert.deepEqual(await resetPassword(secret, NEW_PASSWORD), { ok: true, email });

  assert.deepEqual(await logIn(fauna, email, PASSWORD), { ok: false, reason: "invalid" });
  assert.equal((await logIn(fauna, email, NEW_PASSWORD)).ok, true);
  assert.equal(await isRejected(phone), true, "every earlier session ended");
  assert.equal(await isRejected(laptop.secret), true, "every earlier session ended");
  assert.equal(await queryAs(fauna, bystander, fql`1`), 1, "other shoppers keep their sessions");
  assert.notEqual(await verifiedAt(email), null, "the reset verified the email");
  assert.equal(await isRejected(secret), true, "the link works once");
  const failures = await fauna.admin.query<number>(fql`LoginAttempt.byEmail(${email}).count()`);
  assert.equal(failures.data, 0, "failed log-ins are cleared");
});

test("a new reset request voids the earlier link; links live 30 minutes", async () => {
  const email = uniqueEmail("twice");
  await signUp(fauna, email, PASSWORD);
  const first = await resetSecret(email);
  const second = await resetSecret(email);
  assert.equal(await isRejected(first), true);
  assert.equal(await isRejected(second), false);
  const { data: minutes } = await fauna.admin.query<number>(fql`
    let link = PasswordResetLink.byCustomer(Customer.byEmail(${email}).first()!).first()!
    [link.ttl!.difference(link.createdAt, "minutes"), Token.byDocument(link).first()!.ttl!.difference(link.createdAt, "minutes")]
  `);
  assert.deepEqual(minutes, [30, 30]);
});

test("an expired reset link is refused by Fauna itself", async () => {
  const email = uniqueEmail("expired");
  await signUp(fauna, email, PASSWORD);
  const secret = await resetSecret(email);
  // As if the 30 minutes were over: the token's ttl moves to a second from now.
  await fauna.admin.query(fql`
    let link = PasswordResetLink.byCustomer(Customer.byEmail(${email}).first()!).first()!
    Token.byDocument(link).forEach(token => token.update({ ttl: Time.now().add(1, "second") }))
  `);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  assert.equal((await errorOf(resetPassword(secret, NEW_PASSWORD))).httpStatus, 401);
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true, "the password is unchanged");
});

test("a reset request answers alike for emails with and without an account, and limits both", async () => {
  const known = uniqueEmail("known");
  await signUp(fauna, known, PASSWORD);
  const unknown = uniqueEmail("unknown");

  for (const email of [known, unknown]) {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await requestReset(email));
    assert.deepEqual(
      answers.map((answer) => (answer.ok ? "ok" : answer.reason)),
      ["ok", "ok", "ok", "rate_limited"],
      email,
    );
    const limited = answers[3]!;
    assert.ok(
      !limited.ok && limited.retryInSeconds! > 3590 && limited.retryInSeconds! <= 3600,
      JSON.stringify(limited),
    );
  }
  const unknownAnswer = await requestReset(uniqueEmail("another-unknown"));
  assert.deepEqual(unknownAnswer, { ok: true, sent: false });
  const count = await fauna.admin.query<number>(fql`PasswordResetLink.all().where(.customer == null).count()`);
  assert.equal(count.data, 0, "no link without an account");
});

test("one client address may ask for 10 reset links an hour", async () => {
  const ip = testIp();
  const answers = [];
  for (let i = 0; i < 11; i++) answers.push(await requestReset(uniqueEmail(`spray${i}`), ip));
  assert.deepEqual(
    answers.slice(0, 10).map((answer) => answer.ok),
    Array(10).fill(true),
  );
  assert.equal(answers[10]!.ok, false);
  assert.equal(!answers[10]!.ok && answers[10]!.reason, "rate_limited");
  assert.equal((await requestReset(uniqueEmail("elsewhere"))).ok, true, "another address is not limited");
});

test("a reset request with something that is not a client address is refused", async () => {
  for (const ip of ["", "not an address", "1.2.3.4; drop", "f".repeat(65)]) {
    assert.deepEqual(await requestReset(uniqueEmail("odd-ip"), ip), { ok: false, reason: "invalid_email" }, ip);
  }
});

test("a reset request costs about the same for emails with and without an account", async () => {
  const signedUp = async (label: string) => {
    const email = uniqueEmail(label);
    await signUp(fauna, email, PASSWORD);
    return email;
  };
  const reset = async (email: string, sent: boolean) => {
    const answer = await requestReset(email);
    assert.equal(answer.ok && answer.sent, sent);
  };
  const measure = async () => {
    const known = await Promise.all(Array.from({ length: 12 }, (_, i) => signedUp(`timing${i}`)));
    // Warm-up, so neither side pays for first-use work (the decoy credential, caches).
    await reset(uniqueEmail("warm"), false);
    await reset(await signedUp("warm"), true);
    // Two requests per email stay under its limit of three.
    return pairedRatio(
      24,
      (i) => reset(known[i % known.length]!, true),
      () => reset(uniqueEmail("nobody"), false),
      [0.67, 1.5],
    );
  };
  // Without the decoy bcrypt an unknown email answers in about half the time.
  const verdict = await settledTiming(measure);
  assert.ok(verdict.ok, `known vs unknown email: ${verdict.detail}`);
});

// ---- What a link's token may do ------------------------------------------------------

/** Fails unless the query raised permission_denied (or a null read of something unreadable), or read nothing. */
async function assertForbidden(secret: string, label: string, query: Query<QueryValue>) {
  let data: unknown;
  try {
    data = await queryAs(fauna, secret, query);
  } catch (error) {
    const code = (error as { code?: string }).code;
    assert.ok(code === "permission_denied" || code === "null_value", `${label}: raised ${code} ${String(error)}`);
    return;
  }
  const empty = data === null || data === 0 || (Array.isArray(data) && data.length === 0);
  assert.ok(empty, `${label}: allowed, returned ${JSON.stringify(data)}`);
}

function everythingElse(otherEmail: string): [string, Query<QueryValue>][] {
  return [
    ["read Customer", fql`Customer.all().toArray()`],
    ["read Product", fql`Product.all().toArray()`],
    ["read Store", fql`Store.all().toArray()`],
    ["read Order", fql`Order.all().toArray()`],
    ["read OrderItem", fql`OrderItem.all().toArray()`],
    ["read LoginAttempt", fql`LoginAttempt.all().toArray()`],
    ["read LoginDecoy", fql`LoginDecoy.all().toArray()`],
    ["read Credential", fql`Credential.all().toArray()`],
    ["read Key", fql`Key.all().toArray()`],
    ["read RateLimitHit", fql`RateLimitHit.all().toArray()`],
    ["read PasswordResetLink", fql`PasswordResetLink.all().toArray()`],
    ["read EmailVerificationLink", fql`EmailVerificationLink.all().toArray()`],
    ["read its own link document", fql`Query.identity()!.customer`],
    ["read the customer by email", fql`Customer.byEmail(${otherEmail}).toArray()`],
    ["extend its own life", fql`Query.token()!.update({ ttl: Time.now().add(30, "days") })`],
    ["extend its link", fql`Query.identity()!.update({ ttl: Time.now().add(30, "days") })`],
    ["mint another token", fql`Token.create({ document: Query.identity()! }).secret`],
    ["create a Customer", fql`Customer.create({ email: "intruder@example.com" })`],
    [
      "change a credential",
      fql`Credential.byDocument(Customer.byEmail(${otherEmail}).first()!)!.update({ password: "takeover1" })`,
    ],
    ["call UserSignup", fql`UserSignup(${uniqueEmail("x")}, "correct horse", "10.0.0.1")`],
    ["call UserLogin", fql`UserLogin(${otherEmail}, "correct horse", "10.0.0.1", "x")`],
    ["call RequestPasswordReset", fql`RequestPasswordReset(${otherEmail}, "10.0.0.1").secret`],
    ["call RequestEmailVerification", fql`RequestEmailVerification(${otherEmail}, "10.0.0.1").secret`],
    ["call UserChangePassword", fql`UserChangePassword("correct horse", "takeover password")`],
    ["call UserLogoutEverywhere", fql`UserLogoutEverywhere()`],
    ["call SessionList", fql`SessionList()`],
    ["call EndSession", fql`EndSession("1")`],
    ["call SessionSeen", fql`SessionSeen()`],
    ["call AddToCart", fql`AddToCart("1", 1)`],
    ["call NewPasswordResetLink", fql`NewPasswordResetLink(Customer.byEmail(${otherEmail}).first()!)`],
    ["call CheckPassword", fql`CheckPassword(${otherEmail}, null, "x")`],
  ];
}

test("a reset link's token can do nothing but call ResetPassword", async () => {
  const email = uniqueEmail("only-reset");
  await signUp(fauna, email, PASSWORD);
  const secret = await resetSecret(email);
  for (const [label, query] of [
    ...everythingElse(email),
    ["call VerifyEmail", fql`VerifyEmail()`] as [string, Query<QueryValue>],
  ]) {
    await assertForbidden(secret, label, query);
  }
  // Fauna's baseline: a token may read itself. That is all it reads.
  assert.equal(await queryAs(fauna, secret, fql`Token.all().count()`), 1);
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true, "nothing changed the password");
  assert.deepEqual(await resetPassword(secret, NEW_PASSWORD), { ok: true, email }, "the link still works");
});

test("a verification link's token can do nothing but call VerifyEmail", async () => {
  const email = uniqueEmail("only-verify");
  const signup = await signUp(fauna, email, PASSWORD);
  assert.ok(signup.ok);
  for (const [label, query] of [
    ...everythingElse(email),
    ["call ResetPassword", fql`ResetPassword(${NEW_PASSWORD})`] as [string, Query<QueryValue>],
  ]) {
    await assertForbidden(signup.verificationSecret, label, query);
  }
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true, "nothing changed the password");
  assert.equal(await verifiedAt(email), null);
});

// ---- Email verification ------------------------------------------------------------

test("sign-up returns a 24-hour verification link that verifies the email once", async () => {
  const email = uniqueEmail("verify");
  const signup = await signUp(fauna, email, PASSWORD);
  assert.ok(signup.ok);
  const before = await logIn(fauna, email, PASSWORD);
  assert.equal(before.ok && before.emailVerified, false);
  const { data: hours } = await fauna.admin.query<number>(fql`
    let link = EmailVerificationLink.byCustomer(Customer.byEmail(${email}).first()!).first()!
    Token.byDocument(link).first()!.ttl!.difference(link.createdAt, "hours")
  `);
  assert.equal(hours, 24);

  assert.deepEqual(await queryAs(fauna, signup.verificationSecret, fql`VerifyEmail()`), { ok: true, email });
  assert.notEqual(await verifiedAt(email), null);
  const afterwards = await logIn(fauna, email, PASSWORD);
  assert.equal(afterwards.ok && afterwards.emailVerified, true);
  assert.equal(await isRejected(signup.verificationSecret), true, "the link works once");
});

test("a resent verification link voids the earlier one; verified or unknown emails get none", async () => {
  const email = uniqueEmail("resend");
  const signup = await signUp(fauna, email, PASSWORD);
  assert.ok(signup.ok);
  const resent = await requestVerification(email);
  assert.ok(resent.ok && resent.sent);
  assert.equal(await isRejected(signup.verificationSecret), true);
  await queryAs(fauna, resent.secret, fql`VerifyEmail()`);
  assert.deepEqual(await requestVerification(email), { ok: true, sent: false });
  assert.deepEqual(await requestVerification(uniqueEmail("nobody")), { ok: true, sent: false });
});

test("verification links are limited to 3 per email and 10 per client address an hour", async () => {
  const email = uniqueEmail("resend-limit");
  await signUp(fauna, email, PASSWORD);
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await requestVerification(email));
  assert.deepEqual(
    answers.map((answer) => answer.ok),
    [true, true, true, false],
  );

  const ip = testIp();
  const spray = [];
  for (let i = 0; i < 11; i++) spray.push(await requestVerification(uniqueEmail(`spray${i}`), ip));
  assert.deepEqual(
    spray.map((answer) => answer.ok),
    [...Array(10).fill(true), false],
  );
});
