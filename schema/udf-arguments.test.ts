// Holes found in review: what a caller passes to a @role(server) UDF must never run
// with the UDF's role, and oversized input is refused before any regex. Driven with
// the app's `unauthenticated` key and a shopper token, as an attacker holding them would.
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
let victimEmail: string;
let shopperToken: string;
let resetToken: string;
before(async () => {
  fauna = await startTestFauna();
  victimEmail = uniqueEmail("victim");
  await signUp(fauna, victimEmail, "correct horse");
  const attacker = uniqueEmail("attacker");
  await signUp(fauna, attacker, "correct horse");
  shopperToken = await signedInShopper(fauna, uniqueEmail("attacker-2"));
  const reset = await queryAs<{ secret: string }>(fauna, appKey(), fql`RequestPasswordReset(${attacker}, "10.1.1.1")`);
  resetToken = reset.secret;
});
after(async () => {
  await fauna?.close();
});

/** What a query answered, or the error code it raised. */
async function outcome(secret: string, query: Query<QueryValue>): Promise<{ data?: unknown; code?: string }> {
  try {
    return { data: await queryAs(fauna, secret, query) };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error) };
  }
}

const backdoorExists = () => fauna.admin.query<boolean>(fql`Function.byName("Backdoor") != null`).then((r) => r.data);
const everyEmail = () => fauna.admin.query<string[]>(fql`Customer.all().map(.email).toArray()`).then((r) => r.data);

// Objects whose "methods" are caller-written functions: each would run with the
// server role if a UDF called a method on an argument it did not check.
const payloads: [string, () => Query<QueryValue>][] = [
  ["casefold that lists every email", () => fql`{ casefold: () => Customer.all().map(.email).toArray() }`],
  [
    "casefold that mints a token for another customer",
    () => fql`{ casefold: () => Token.create({ document: Customer.byEmail(${victimEmail}).first() }).secret }`,
  ],
  [
    "casefold that creates an admin function",
    () => fql`{ casefold: () => Function.create({ name: "Backdoor", body: "x => x", role: "admin" }) }`,
  ],
  [
    "length and methods on a fake password",
    () => fql`{ length: 10, replaceAllRegex: (a, b) => Customer.all().map(.email).toArray() }`,
  ],
  [
    "a short fake client address whose includesRegex creates a function",
    () => fql`{ length: 5, includesRegex: (pattern) => Function.create({ name: "Backdoor", body: "x => x" }) != null }`,
  ],
];

test("objects with function fields passed to UserSignup and UserLogin never run as the server role", async () => {
  for (const [label, payload] of payloads) {
    for (const call of [
      fql`UserLogin(${payload()}, "x", "10.0.0.1", "Test browser")`,
      fql`UserSignup(${payload()}, "correct horse", "10.0.0.1")`,
      fql`UserLogin(${victimEmail}, ${payload()}, "10.0.0.1", "Test browser")`,
      fql`UserSignup(${uniqueEmail("x")}, ${payload()}, "10.0.0.1")`,
      fql`UserLogin(${victimEmail}, "correct horse", ${payload()}, "Test browser")`,
      fql`UserLogin(${victimEmail}, "correct horse", "10.0.0.1", ${payload()})`,
      fql`UserSignup(${uniqueEmail("x")}, "correct horse", ${payload()})`,
    ]) {
      const result = await outcome(appKey(), call);
      const leaked = JSON.stringify(result.data ?? null);
      assert.ok(!leaked.includes(victimEmail), `${label}: leaked emails ${leaked}`);
      assert.ok(!/fn[A-Za-z0-9+/=_-]{20,}/.test(leaked), `${label}: leaked a secret ${leaked}`);
      if (result.data !== undefined) assert.deepEqual(result.data, { ok: false, reason: "invalid" }, label);
    }
  }
  assert.equal(await backdoorExists(), false, "no function was created");
  const tokens = await fauna.admin.query<number>(
    fql`Token.byDocument(Customer.byEmail(${victimEmail}).first()!).count()`,
  );
  assert.equal(tokens.data, 0, "no token was minted for the victim");
  assert.ok(!(await everyEmail()).some((email) => typeof email !== "string"));
});

test("objects with function fields passed to UserChangePassword never run as the server role", async () => {
  for (const [label, payload] of payloads) {
    for (const call of [
      fql`UserChangePassword(${payload()}, "new password 1")`,
      fql`UserChangePassword("correct horse", ${payload()})`,
    ]) {
      const result = await outcome(shopperToken, call);
      const leaked = JSON.stringify(result.data ?? null);
      assert.ok(!leaked.includes(victimEmail), `${label}: leaked ${leaked}`);
    }
  }
  assert.equal(await backdoorExists(), false, "no function was created");
});

const victimLinks = () =>
  fauna.admin
    .query<number>(
      fql`
    let victim = Customer.byEmail(${victimEmail}).first()!
    PasswordResetLink.byCustomer(victim).count() + EmailVerificationLink.byCustomer(victim).count() + Token.byDocument(victim).count()
  `,
    )
    .then((r) => r.data);

/** Fails if a call answered anything but a refusal, or leaked an email or a secret. */
function assertRefused(label: string, result: { data?: unknown; code?: string }) {
  const leaked = JSON.stringify(result.data ?? null);
  assert.ok(!leaked.includes(victimEmail), `${label}: leaked emails ${leaked}`);
  assert.ok(!/fn[A-Za-z0-9+/=_-]{20,}/.test(leaked), `${label}: leaked a secret ${leaked}`);
  if (result.data === undefined) return; // raised: refused
  const data = result.data as { ok?: boolean; ended?: boolean };
  assert.ok(data.ok === false || data.ended === false, `${label}: answered ${leaked}`);
}

test("objects with function fields passed to the reset, verification, session and rate-limited UDFs are refused and never run", async () => {
  const linksBefore = await victimLinks();
  for (const [label, payload] of payloads) {
    const calls: [string, string, Query<QueryValue>][] = [
      ["RequestPasswordReset email", appKey(), fql`RequestPasswordReset(${payload()}, "10.0.0.4")`],
      ["RequestPasswordReset client", appKey(), fql`RequestPasswordReset(${victimEmail}, ${payload()})`],
      ["RequestEmailVerification email", appKey(), fql`RequestEmailVerification(${payload()}, "10.0.0.4")`],
      ["RequestEmailVerification client", appKey(), fql`RequestEmailVerification(${victimEmail}, ${payload()})`],
      ["ResetPassword", resetToken, fql`ResetPassword(${payload()})`],
      ["EndSession", shopperToken, fql`EndSession(${payload()})`],
    ];
    for (const [name, secret, call] of calls) assertRefused(`${label} → ${name}`, await outcome(secret, call));
  }
  assert.equal(await backdoorExists(), false, "no function was created");
  assert.equal(await victimLinks(), linksBefore, "no link or token was made for the victim");
  // The reset link was not used up by the refused calls, and the shopper's session lives.
  assert.equal((await outcome(resetToken, fql`ResetPassword("a brand new password")`)).data !== undefined, true);
  assert.equal(await queryAs(fauna, shopperToken, fql`1`), 1);
  assert.equal((await logIn(fauna, victimEmail, "correct horse")).ok, true, "the victim's password is unchanged");
});

test("an email longer than 254 characters is refused by UserSignup and stores nothing", async () => {
  const long = `${"a".repeat(250)}@example.com`;
  const result = await outcome(appKey(), fql`UserSignup(${long}, "correct horse", "10.0.0.2")`);
  assert.equal(result.code, "abort");
  const stored = await fauna.admin.query<number>(fql`Customer.all().where(.email.length > 254).count()`);
  assert.equal(stored.data, 0);
  // 254 characters exactly is still an address.
  const longest = `${"b".repeat(242)}@example.com`;
  assert.equal(longest.length, 254);
  const stored254 = await outcome(appKey(), fql`UserSignup(${longest}, "correct horse", "10.0.0.2") { ok, email }`);
  assert.deepEqual(stored254, { data: { ok: true, email: longest } });
});

test("a long run of whitespace in an email is refused before any regex, and records no attempt", async () => {
  const padded = `${" ".repeat(40_000)}x@example.com${" ".repeat(40_000)}`;
  const started = performance.now();
  const login = await outcome(appKey(), fql`UserLogin(${padded}, "correct horse", "10.0.0.3", "Test browser")`);
  const signup = await outcome(appKey(), fql`UserSignup(${padded}, "correct horse", "10.0.0.3")`);
  const reset = await outcome(appKey(), fql`RequestPasswordReset(${padded}, "10.0.0.3")`);
  const verification = await outcome(appKey(), fql`RequestEmailVerification(${padded}, "10.0.0.3")`);
  const elapsed = performance.now() - started;
  assert.deepEqual(login, { data: { ok: false, reason: "invalid" } });
  assert.equal(signup.code, "abort");
  assert.deepEqual(reset, { data: { ok: false, reason: "invalid_email" } });
  assert.deepEqual(verification, { data: { ok: false, reason: "invalid_email" } });
  assert.ok(elapsed < 1_000, `took ${Math.round(elapsed)} ms`);
  const attempts = await fauna.admin.query<number>(fql`LoginAttempt.all().where(.email.length > 254).count()`);
  assert.equal(attempts.data, 0);
});
