// Holes found in review: what a caller passes to a @role(server) UDF must never run
// with the UDF's role, and oversized input is refused before any regex. Driven with
// the app's `unauthenticated` key and a shopper token, as an attacker holding them would.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type Query, type QueryValue } from "fauna";
import {
  appKey,
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
before(async () => {
  fauna = await startTestFauna();
  victimEmail = uniqueEmail("victim");
  await signUp(fauna, victimEmail, "correct horse");
  shopperToken = await signedInShopper(fauna, uniqueEmail("attacker"));
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
];

test("objects with function fields passed to UserSignup and UserLogin never run as the server role", async () => {
  for (const [label, payload] of payloads) {
    for (const call of [
      fql`UserLogin(${payload()}, "x")`,
      fql`UserSignup(${payload()}, "correct horse")`,
      fql`UserLogin(${victimEmail}, ${payload()})`,
      fql`UserSignup(${uniqueEmail("x")}, ${payload()})`,
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

test("an email longer than 254 characters is refused by UserSignup and stores nothing", async () => {
  const long = `${"a".repeat(250)}@example.com`;
  const result = await outcome(appKey(), fql`UserSignup(${long}, "correct horse")`);
  assert.equal(result.code, "abort");
  const stored = await fauna.admin.query<number>(fql`Customer.all().where(.email.length > 254).count()`);
  assert.equal(stored.data, 0);
  // 254 characters exactly is still an address.
  const longest = `${"b".repeat(242)}@example.com`;
  assert.equal(longest.length, 254);
  assert.deepEqual(await outcome(appKey(), fql`UserSignup(${longest}, "correct horse")`), { data: { email: longest } });
});

test("a long run of whitespace in an email is refused before any regex, and records no attempt", async () => {
  const padded = `${" ".repeat(40_000)}x@example.com${" ".repeat(40_000)}`;
  const started = performance.now();
  const login = await outcome(appKey(), fql`UserLogin(${padded}, "correct horse")`);
  const signup = await outcome(appKey(), fql`UserSignup(${padded}, "correct horse")`);
  const elapsed = performance.now() - started;
  assert.deepEqual(login, { data: { ok: false, reason: "invalid" } });
  assert.equal(signup.code, "abort");
  assert.ok(elapsed < 1_000, `took ${Math.round(elapsed)} ms`);
  const attempts = await fauna.admin.query<number>(fql`LoginAttempt.all().where(.email.length > 254).count()`);
  assert.equal(attempts.data, 0);
});
