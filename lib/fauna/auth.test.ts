import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import {
  changeCustomerPassword,
  isTokenAccepted,
  logInCustomer,
  logOutCustomer,
  logOutCustomerEverywhere,
  signUpCustomer,
} from "./auth.ts";
import {
  EmailTakenError,
  FaunaUnavailableError,
  InvalidCredentialsError,
  RuleRejectedError,
  SessionExpiredError,
  TooManyAttemptsError,
  toShopperMessage,
} from "./errors.ts";
import { describeError } from "../log.ts";
import { listProducts } from "./products.ts";
import { deleteTokensOf, startTestFauna, uniqueEmail, type TestFauna } from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

test("sign-up then log-in returns a token secret that expires in about 60 minutes", async () => {
  const email = uniqueEmail("signup");
  await signUpCustomer(email, "correct horse");
  const token = await logInCustomer(email, "correct horse");
  assert.match(token.secret, /^\S{20,}$/);
  const minutesLeft = (token.expiresAt.getTime() - Date.now()) / 60_000;
  assert.ok(minutesLeft > 58 && minutesLeft <= 60.5, `token lives ${minutesLeft} minutes`);
  assert.equal(await isTokenAccepted(token.secret), true);
});

test("sign-up stores a Customer and a Credential, never the password", async () => {
  const email = uniqueEmail("stored");
  await signUpCustomer(email, "correct horse");
  const { data } = await fauna.admin.query<{ customers: number; hasCredential: boolean }>(fql`
    let customer = Customer.byEmail(${email}).first()!
    { customers: Customer.byEmail(${email}).count(), hasCredential: Credential.byDocument(customer).exists() }
  `);
  assert.deepEqual(data, { customers: 1, hasCredential: true });
});

test("signing up twice with one email is EmailTakenError with the shopper's message", async () => {
  const email = uniqueEmail("twice");
  await signUpCustomer(email, "correct horse");
  const error = await signUpCustomer(email, "another password").catch((caught: unknown) => caught);
  assert.ok(error instanceof EmailTakenError, String(error));
  assert.equal(toShopperMessage(error), "An account with this email already exists.");
});

test("a wrong password and an unknown email fail with the same message", async () => {
  const email = uniqueEmail("wrong");
  await signUpCustomer(email, "correct horse");
  const wrongPassword = await logInCustomer(email, "battery staple").catch((caught: unknown) => caught);
  const unknownEmail = await logInCustomer(uniqueEmail("nobody"), "correct horse").catch((caught: unknown) => caught);
  assert.ok(wrongPassword instanceof InvalidCredentialsError, String(wrongPassword));
  assert.ok(unknownEmail instanceof InvalidCredentialsError, String(unknownEmail));
  assert.equal(toShopperMessage(wrongPassword), "Invalid email or password.");
  assert.equal(toShopperMessage(unknownEmail), toShopperMessage(wrongPassword));
});

test("log-out deletes the token in Fauna, so its secret stops working", async () => {
  const email = uniqueEmail("logout");
  await signUpCustomer(email, "correct horse");
  const token = await logInCustomer(email, "correct horse");
  await logOutCustomer(token.secret);
  assert.equal(await isTokenAccepted(token.secret), false);
  await assert.rejects(listProducts(token.secret), SessionExpiredError);
});

test("logging out with a token that is already gone succeeds quietly", async () => {
  const email = uniqueEmail("gone");
  await signUpCustomer(email, "correct horse");
  const token = await logInCustomer(email, "correct horse");
  await deleteTokensOf(fauna.admin, email);
  await logOutCustomer(token.secret);
});

test("an expired token is SessionExpiredError", async () => {
  const email = uniqueEmail("expired");
  await signUpCustomer(email, "correct horse");
  const { data: secret } = await fauna.admin.query<string>(fql`
    Token.create({ document: Customer.byEmail(${email}).first()!, ttl: Time.now().add(1, "second") }).secret
  `);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await assert.rejects(listProducts(secret), SessionExpiredError);
});

test("an unreachable Fauna is FaunaUnavailableError, not a crash", async () => {
  const endpoint = process.env.FAUNA_ENDPOINT;
  process.env.FAUNA_ENDPOINT = "http://127.0.0.1:9";
  try {
    const error = await logInCustomer("a@example.com", "whatever").catch((caught: unknown) => caught);
    assert.ok(error instanceof FaunaUnavailableError, String(error));
    assert.equal(toShopperMessage(error), "The shop is temporarily unavailable. Please try again in a moment.");
  } finally {
    process.env.FAUNA_ENDPOINT = endpoint;
  }
});

test("a missing or rejected app key is FaunaUnavailableError", async () => {
  const secret = process.env.FAUNA_SECRET;
  try {
    process.env.FAUNA_SECRET = "";
    await assert.rejects(logInCustomer("a@example.com", "whatever"), FaunaUnavailableError);
    process.env.FAUNA_SECRET = "fnAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    await assert.rejects(logInCustomer("a@example.com", "whatever"), FaunaUnavailableError);
  } finally {
    process.env.FAUNA_SECRET = secret;
  }
});

test("log-in returns the email as Fauna stores it, whatever the shopper typed", async () => {
  const email = uniqueEmail("typed");
  assert.equal(await signUpCustomer(` ${email.toUpperCase()} `, "correct horse"), email);
  const token = await logInCustomer(email.toUpperCase(), "correct horse");
  assert.equal(token.email, email);
});

test("a password Fauna refuses is a RuleRejectedError with the form's message", async () => {
  const error = await signUpCustomer(uniqueEmail("short"), "1234567").catch((caught: unknown) => caught);
  assert.ok(error instanceof RuleRejectedError, String(error));
  assert.equal(error.field, "password");
  assert.equal(toShopperMessage(error), "Use at least 8 characters.");
});

test("the sixth attempt after five failures is TooManyAttemptsError: 'Too many attempts — try again in 15 minutes.'", async () => {
  const email = uniqueEmail("throttle");
  await signUpCustomer(email, "correct horse");
  for (let i = 0; i < 5; i++) await assert.rejects(logInCustomer(email, "wrong"), InvalidCredentialsError);
  const error = await logInCustomer(email, "correct horse").catch((caught: unknown) => caught);
  assert.ok(error instanceof TooManyAttemptsError, String(error));
  assert.equal(toShopperMessage(error), "Too many attempts — try again in 15 minutes.");
});

test("changing the password signs out other devices and keeps this one", async () => {
  const email = uniqueEmail("change");
  await signUpCustomer(email, "correct horse");
  const here = await logInCustomer(email, "correct horse");
  const there = await logInCustomer(email, "correct horse");
  await assert.rejects(changeCustomerPassword(here.secret, "wrong", "brand new password"), InvalidCredentialsError);
  await assert.rejects(changeCustomerPassword(here.secret, "correct horse", "short"), RuleRejectedError);
  await changeCustomerPassword(here.secret, "correct horse", "brand new password");
  assert.equal(await isTokenAccepted(here.secret), true);
  assert.equal(await isTokenAccepted(there.secret), false);
  await logInCustomer(email, "brand new password");
});

test("log out everywhere deletes every token of the shopper", async () => {
  const email = uniqueEmail("everywhere");
  await signUpCustomer(email, "correct horse");
  const here = await logInCustomer(email, "correct horse");
  const there = await logInCustomer(email, "correct horse");
  await logOutCustomerEverywhere(here.secret);
  assert.equal(await isTokenAccepted(here.secret), false);
  assert.equal(await isTokenAccepted(there.secret), false);
});

test("a logged Fauna error names its class and code, never the query's arguments", async () => {
  const password = "do-not-log-this-password";
  const error = await withAppKeyError(fql`UserSignup("x@example.com", ${password}, "extra")`);
  const line = describeError(new Error("wrapped", { cause: error }));
  assert.match(line, /code=/);
  assert.ok(!line.includes(password), line);
  assert.ok(!line.includes(process.env.FAUNA_SECRET!), line);
});

async function withAppKeyError(query: ReturnType<typeof fql>) {
  const { withAppKey } = await import("./client.ts");
  return withAppKey((client) => client.query(query)).catch((caught: unknown) => caught);
}
