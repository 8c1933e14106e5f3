// The rules schema/functions.fsl enforces inside Fauna, driven through the official
// driver with the secrets a real client holds: the app key and shopper tokens.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import {
  appKey,
  errorOf,
  logIn,
  queryAs,
  signedInShopper,
  signUp,
  startTestFauna,
  UNCHECKED,
  uniqueEmail,
  type TestFauna,
} from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

const PASSWORD = "correct horse";

/** Moves an email's failed attempts back in time, as that many minutes passing would. */
const ageAttempts = (email: string, minutes: number) =>
  fauna.admin.query(fql`
    LoginAttempt.byEmail(${email}).forEach(attempt => attempt.update({
      failedAt: attempt.failedAt.subtract(${Math.round(minutes * 60)}, "seconds"),
      lockedUntil: attempt.lockedUntil?.subtract(${Math.round(minutes * 60)}, "seconds")
    }))
  `);

async function failLogins(email: string, times: number) {
  for (let i = 0; i < times; i++) {
    assert.deepEqual(await logIn(fauna, email, "not the password"), { ok: false, reason: "invalid" });
  }
}

// ---- 1. Emails are identities ----------------------------------------------------

test("UserSignup stores the email trimmed and NFKC case-folded", async () => {
  const local = uniqueEmail("Ann").split("@")[0]!;
  const result = await signUp(fauna, `  ${local.toUpperCase()}@Example.COM\t`, PASSWORD);
  assert.equal(result.ok, true);
  assert.equal(result.ok && result.email, `${local.toLowerCase()}@example.com`);
  const stored = await fauna.admin.query<number>(
    fql`Customer.byEmail(${`${local.toLowerCase()}@example.com`}).count()`,
  );
  assert.equal(stored.data, 1);
});

test("differently written forms of one email are one account for sign-up and log-in", async () => {
  const local = uniqueEmail("bob").split("@")[0]!;
  await signUp(fauna, `${local}@example.com`, PASSWORD);
  assert.deepEqual(await signUp(fauna, ` ${local.toUpperCase()}@EXAMPLE.com `, "another password"), {
    ok: false,
    reason: "email_taken",
  });
  // Fullwidth letters are the same identity after NFKC.
  const fullwidth = [...local]
    .map((c) => (/[a-z]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c))
    .join("");
  const login = await logIn(fauna, `\u00a0${fullwidth}@Example.com `, PASSWORD);
  assert.equal(login.ok, true);
  assert.equal(login.ok && login.email, `${local}@example.com`);
});

test("UserSignup refuses something that is not an email", async () => {
  const error = await errorOf(signUp(fauna, "  not an email ", PASSWORD));
  assert.equal(error.code, "abort");
  assert.deepEqual(error.abort, { field: "email", reason: "invalid_email" });
});

// ---- 2. Password rules -----------------------------------------------------------

test("UserSignup enforces 8 to 72 UTF-8 bytes and writes nothing when it refuses", async () => {
  const cases: [string, string | null][] = [
    ["1234567", "password_too_short"],
    ["12345678", null],
    ["é".repeat(4), null], // 4 characters, 8 bytes
    ["😀", "password_too_short"], // 1 character, 4 bytes
    ["a".repeat(72), null],
    ["a".repeat(73), "password_too_long"],
    ["é".repeat(37), "password_too_long"], // 37 characters, 74 bytes
    ["😀".repeat(18) + "a", "password_too_long"], // 19 characters, 73 bytes
  ];
  for (const [password, problem] of cases) {
    const email = uniqueEmail("pw");
    if (problem === null) {
      assert.ok(await signUp(fauna, email, password), password);
      assert.equal((await logIn(fauna, email, password)).ok, true, password);
      continue;
    }
    const error = await errorOf(signUp(fauna, email, password));
    assert.deepEqual(error.abort, { field: "password", reason: problem }, password);
    const customers = await fauna.admin.query<number>(fql`Customer.byEmail(${email}).count()`);
    assert.equal(customers.data, 0, "an aborted sign-up leaves no Customer");
  }
});

test("an absurdly long password is refused fast, not hashed", async () => {
  const huge = "x".repeat(4_000_000);
  const started = performance.now();
  const error = await errorOf(signUp(fauna, uniqueEmail("huge"), huge));
  assert.deepEqual(error.abort, { field: "password", reason: "password_too_long" });
  const email = uniqueEmail("hugelogin");
  await signUp(fauna, email, PASSWORD);
  assert.deepEqual(await logIn(fauna, email, huge), { ok: false, reason: "invalid" });
  assert.ok(performance.now() - started < 5_000, `took ${performance.now() - started} ms`);
});

test("a non-string password is refused", async () => {
  const error = await errorOf(
    queryAs(fauna, appKey(), fql`UserSignup(${uniqueEmail("num")}, 12345678, "10.0.0.1")`, UNCHECKED),
  );
  assert.deepEqual(error.abort, { field: "password", reason: "password_missing" });
});

// ---- 3. Brute-force protection ----------------------------------------------------

test("from the fifth failed log-in on, the email waits 15 s, doubling to 5 minutes, the right password too", async () => {
  const email = uniqueEmail("locked");
  await signUp(fauna, email, PASSWORD);
  await failLogins(email, 5);
  assert.deepEqual(await logIn(fauna, email, PASSWORD), { ok: false, reason: "throttled", retryInSeconds: 15 });
  assert.deepEqual(await logIn(fauna, email.toUpperCase(), "not the password"), {
    ok: false,
    reason: "throttled",
    retryInSeconds: 15,
  });

  // Each failure once the wait is over doubles the next wait, up to 5 minutes.
  let waited = 15;
  for (const wait of [30, 60, 120, 240, 300]) {
    await ageAttempts(email, waited / 60);
    await failLogins(email, 1);
    assert.deepEqual(await logIn(fauna, email, PASSWORD), { ok: false, reason: "throttled", retryInSeconds: wait });
    waited = wait;
  }
  await ageAttempts(email, waited / 60);
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true);
});

test("refused attempts during the wait do not lengthen it", async () => {
  const email = uniqueEmail("hammer");
  await signUp(fauna, email, PASSWORD);
  await failLogins(email, 5);
  for (let i = 0; i < 10; i++) assert.equal((await logIn(fauna, email, "still guessing")).ok, false);
  const attempts = await fauna.admin.query<number>(fql`LoginAttempt.byEmail(${email}).count()`);
  assert.equal(attempts.data, 5);
  await ageAttempts(email, 0.25);
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true);
});

test("four failures do not lock, and a successful log-in clears them", async () => {
  const email = uniqueEmail("four");
  await signUp(fauna, email, PASSWORD);
  await failLogins(email, 4);
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true);
  await failLogins(email, 4);
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true);
});

test("failures older than 15 minutes no longer count", async () => {
  const email = uniqueEmail("window");
  await signUp(fauna, email, PASSWORD);
  await failLogins(email, 4);
  await ageAttempts(email, 16);
  await failLogins(email, 4);
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true);
});

test("unknown emails are throttled exactly like known ones", async () => {
  const known = uniqueEmail("known");
  const unknown = uniqueEmail("unknown");
  await signUp(fauna, known, PASSWORD);
  const answers = async (email: string) => {
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push(await logIn(fauna, email, "not the password"));
    return seen;
  };
  assert.deepEqual(await answers(unknown), await answers(known));
});

test("one email's lock does not affect another email", async () => {
  const locked = uniqueEmail("victim");
  const other = uniqueEmail("bystander");
  await signUp(fauna, other, PASSWORD);
  await failLogins(locked, 5);
  assert.equal((await logIn(fauna, locked, PASSWORD)).ok, false);
  assert.equal((await logIn(fauna, other, PASSWORD)).ok, true);
});

test("failed attempts are documents that expire by themselves after 15 minutes", async () => {
  const email = uniqueEmail("ttl");
  await failLogins(email, 1);
  const { data } = await fauna.admin.query<number>(fql`
    let attempt = LoginAttempt.byEmail(${email}).first()!
    attempt.ttl!.difference(attempt.failedAt, "minutes")
  `);
  assert.equal(data, 15);
});

// ---- 4. Change password ----------------------------------------------------------

test("UserChangePassword checks the current password and the new one's rules", async () => {
  const email = uniqueEmail("change");
  const token = await signedInShopper(fauna, email);
  assert.deepEqual(await queryAs(fauna, token, fql`UserChangePassword("wrong password", "new password 1")`), {
    ok: false,
    reason: "invalid",
  });
  assert.deepEqual(await queryAs(fauna, token, fql`UserChangePassword(${PASSWORD}, "short")`), {
    ok: false,
    reason: "password_too_short",
  });
  assert.equal((await logIn(fauna, email, PASSWORD)).ok, true, "the password did not change");
});

test("UserChangePassword sets the new password and deletes every other token of the shopper", async () => {
  const email = uniqueEmail("rotate");
  const current = await signedInShopper(fauna, email);
  const otherDevice = await signedInShopper(fauna, uniqueEmail("other-shopper"));
  const secondDevice = await logIn(fauna, email, PASSWORD);
  assert.ok(secondDevice.ok);

  assert.deepEqual(await queryAs(fauna, current, fql`UserChangePassword(${PASSWORD}, "brand new password")`), {
    ok: true,
  });

  assert.deepEqual(await logIn(fauna, email, PASSWORD), { ok: false, reason: "invalid" });
  assert.equal((await logIn(fauna, email, "brand new password")).ok, true);
  assert.equal(await queryAs(fauna, current, fql`Query.identity()!.email`), email, "this session stays");
  assert.equal((await errorOf(queryAs(fauna, secondDevice.secret, fql`null`))).httpStatus, 401);
  assert.equal(await queryAs(fauna, otherDevice, fql`1`), 1, "other shoppers keep their tokens");
});

test("wrong current passwords are throttled like log-ins", async () => {
  const email = uniqueEmail("change-throttle");
  const token = await signedInShopper(fauna, email);
  for (let i = 0; i < 5; i++) await queryAs(fauna, token, fql`UserChangePassword("guess", "new password 1")`);
  assert.deepEqual(await queryAs(fauna, token, fql`UserChangePassword(${PASSWORD}, "new password 1")`), {
    ok: false,
    reason: "throttled",
    retryInSeconds: 15,
  });
});

// ---- 5. Log out of all devices ------------------------------------------------------

test("UserLogoutEverywhere deletes every token of the caller and no one else's", async () => {
  const email = uniqueEmail("everywhere");
  const first = await signedInShopper(fauna, email);
  const second = await logIn(fauna, email, PASSWORD);
  assert.ok(second.ok);
  const bystander = await signedInShopper(fauna, uniqueEmail("bystander"));

  await queryAs(fauna, first, fql`UserLogoutEverywhere()`);

  for (const secret of [first, second.secret]) {
    assert.equal((await errorOf(queryAs(fauna, secret, fql`null`))).httpStatus, 401);
  }
  assert.equal(await queryAs(fauna, bystander, fql`1`), 1);
});
