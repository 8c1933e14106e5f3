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
  tooManyAttemptsMessage,
  toShopperMessage,
} from "./errors.ts";
import { describeError } from "../log.ts";
import { listProducts } from "./products.ts";
import { deleteTokensOf, startTestFauna, testClient, uniqueEmail, type TestFauna } from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

test("sign-up then log-in returns a token secret that expires in about 60 minutes", async () => {
  const email = uniqueEmail("signup");
  await signUpCustomer(email, "correct horse", testClient());
  const token = await logInCustomer(email, "correct horse", testClient());
  assert.match(token.secret, /^\S{20,}$/);
  const minutesLeft = (token.expiresAt.getTime() - Date.now()) / 60_000;
  assert.ok(minutesLeft > 58 && minutesLeft <= 60.5, `token lives ${minutesLeft} minutes`);
  assert.equal(await isTokenAccepted(token.secret), true);
});

test("sign-up stores a Customer and a Credential, never the password", async () => {
  const email = uniqueEmail("stored");
  await signUpCustomer(email, "correct horse", testClient());
  const { data } = await fauna.admin.query<{ customers: number; hasCredential: boolean }>(fql`
    let customer = Customer.byEmail(${email}).first()!
    { customers: Customer.byEmail(${email}).count(), hasCredential: Credential.byDocument(customer).exists() }
  `);
  assert.deepEqual(data, { customers: 1, hasCredential: true });
});

test("signing up twice with one email is EmailTakenError with the shopper's message", async () => {
  const email = uniqueEmail("twice");
  await signUpCustomer(email, "correct horse", testClient());
  const error = await signUpCustomer(email, "another password", testClient()).catch((caught: unknown) => caught);
  assert.ok(error instanceof EmailTakenError, String(error));
  assert.equal(toShopperMessage(error), "An account with this email already exists.");
});

test("a wrong password and an unknown email fail with the same message", async () => {
  const email = uniqueEmail("wrong");
  await signUpCustomer(email, "correct horse", testClient());
  const wrongPassword = await logInCustomer(email, "battery staple", testClient()).catch((caught: unknown) => caught);
  const unknownEmail = await logInCustomer(uniqueEmail("nobody"), "correct horse", testClient()).catch(
    (caught: unknown) => caught,
  );
  assert.ok(wrongPassword instanceof InvalidCredentialsError, String(wrongPassword));
  assert.ok(unknownEmail instanceof InvalidCredentialsError, String(unknownEmail));
  assert.equal(toShopperMessage(wrongPassword), "Invalid email or password.");
  assert.equal(toShopperMessage(unknownEmail), toShopperMessage(wrongPassword));
});

test("log-out deletes the token in Fauna, so its secret stops working", async () => {
  const email = uniqueEmail("logout");
  await signUpCustomer(email, "correct horse", testClient());
  const token = await logInCustomer(email, "correct horse", testClient());
  await logOutCustomer(token.secret);
  assert.equal(await isTokenAccepted(token.secret), false);
  await assert.rejects(listProducts(token.secret), SessionExpiredError);
});

test("logging out with a token that is already gone succeeds quietly", async () => {
  const email = uniqueEmail("gone");
  await signUpCustomer(email, "correct horse", testClient());
  const token = await logInCustomer(email, "correct horse", testClient());
  await deleteTokensOf(fauna.admin, email);
  await logOutCustomer(token.secret);
});

test("an expired token is SessionExpiredError", async () => {
  const email = uniqueEmail("expired");
  await signUpCustomer(email, "correct horse", testClient());
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
    const error = await logInCustomer("a@example.com", "whatever", testClient()).catch((caught: unknown) => caught);
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
    await assert.rejects(logInCustomer("a@example.com", "whatever", testClient()), FaunaUnavailableError);
    process.env.FAUNA_SECRET = "fnAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    await assert.rejects(logInCustomer("a@example.com", "whatever", testClient()), FaunaUnavailableError);
  } finally {
    process.env.FAUNA_SECRET = secret;
  }
});

test("log-in returns the email as Fauna stores it, whatever the shopper typed", async () => {
  const email = uniqueEmail("typed");
  assert.equal((await signUpCustomer(` ${email.toUpperCase()} `, "correct horse", testClient())).email, email);
  const token = await logInCustomer(email.toUpperCase(), "correct horse", testClient());
  assert.equal(token.email, email);
});

test("a password Fauna refuses is a RuleRejectedError with the form's message", async () => {
  const error = await signUpCustomer(uniqueEmail("short"), "1234567", testClient()).catch((caught: unknown) => caught);
  assert.ok(error instanceof RuleRejectedError, String(error));
  assert.equal(error.field, "password");
  assert.equal(toShopperMessage(error), "Use at least 8 characters.");
});

test("the sixth attempt after five failures is TooManyAttemptsError: 'Too many attempts — try again in 15 seconds.'", async () => {
  const email = uniqueEmail("throttle");
  await signUpCustomer(email, "correct horse", testClient());
  for (let i = 0; i < 5; i++)
    await assert.rejects(logInCustomer(email, "wrong", testClient()), InvalidCredentialsError);
  const error = await logInCustomer(email, "correct horse", testClient()).catch((caught: unknown) => caught);
  assert.ok(error instanceof TooManyAttemptsError, String(error));
  assert.equal(toShopperMessage(error), "Too many attempts — try again in 15 seconds.");
});

test("the 11th sign-up from one address within an hour is TooManyAttemptsError", async () => {
  const client = testClient();
  for (let i = 0; i < 10; i++) await signUpCustomer(uniqueEmail(`batch${i}`), "correct horse", client);
  const error = await signUpCustomer(uniqueEmail("late"), "correct horse", client).catch((caught: unknown) => caught);
  assert.ok(error instanceof TooManyAttemptsError, String(error));
  assert.match(toShopperMessage(error), /^Too many attempts — try again in (59|60) minutes\.$/);
});

test("sign-up returns the verification link's secret and log-in says whether the email is verified", async () => {
  const email = uniqueEmail("verify-state");
  const account = await signUpCustomer(email, "correct horse", testClient());
  assert.match(account.verificationSecret, /^[A-Za-z0-9_-]{20,}$/);
  assert.equal((await logInCustomer(email, "correct horse", testClient())).emailVerified, false);
});

test("the wait is told in seconds under two minutes, in minutes after", () => {
  assert.equal(tooManyAttemptsMessage(1), "Too many attempts — try again in 1 second.");
  assert.equal(tooManyAttemptsMessage(15), "Too many attempts — try again in 15 seconds.");
  assert.equal(tooManyAttemptsMessage(119), "Too many attempts — try again in 119 seconds.");
  assert.equal(tooManyAttemptsMessage(119.2), "Too many attempts — try again in 2 minutes.");
  assert.equal(tooManyAttemptsMessage(300), "Too many attempts — try again in 5 minutes.");
  assert.equal(tooManyAttemptsMessage(3599), "Too many attempts — try again in 60 minutes.");
});

test("changing the password signs out other devices and keeps this one", async () => {
  const email = uniqueEmail("change");
  await signUpCustomer(email, "correct horse", testClient());
  const here = await logInCustomer(email, "correct horse", testClient());
  const there = await logInCustomer(email, "correct horse", testClient());
  await assert.rejects(changeCustomerPassword(here.secret, "wrong", "brand new password"), InvalidCredentialsError);
  await assert.rejects(changeCustomerPassword(here.secret, "correct horse", "short"), RuleRejectedError);
  await changeCustomerPassword(here.secret, "correct horse", "brand new password");
  assert.equal(await isTokenAccepted(here.secret), true);
  assert.equal(await isTokenAccepted(there.secret), false);
  await logInCustomer(email, "brand new password", testClient());
});

test("log out everywhere deletes every token of the shopper", async () => {
  const email = uniqueEmail("everywhere");
  await signUpCustomer(email, "correct horse", testClient());
  const here = await logInCustomer(email, "correct horse", testClient());
  const there = await logInCustomer(email, "correct horse", testClient());
  await logOutCustomerEverywhere(here.secret);
  assert.equal(await isTokenAccepted(here.secret), false);
  assert.equal(await isTokenAccepted(there.secret), false);
});

test("a logged Fauna error names its class and code, never the query's arguments", async () => {
  const password = "do-not-log-this-password";
  const error = await withAppKeyError(fql`UserSignup("x@example.com", ${password}, "10.0.0.1", "extra")`);
  const line = describeError(new Error("wrapped", { cause: error }));
  assert.match(line, /code=/);
  assert.ok(!line.includes(password), line);
  assert.ok(!line.includes(process.env.FAUNA_SECRET!), line);
});

test("a logged HTTP/2 stream error says which reset code the peer sent", () => {
  const stream = Object.assign(new Error("Stream closed with error code NGHTTP2_REFUSED_STREAM"), {
    code: "ERR_HTTP2_STREAM_ERROR",
  });
  assert.equal(
    describeError(new Error("network", { cause: stream })),
    "Error <- Error code=ERR_HTTP2_STREAM_ERROR (Stream closed with error code NGHTTP2_REFUSED_STREAM)",
  );
});

async function withAppKeyError(query: ReturnType<typeof fql>) {
  const { withAppKey } = await import("./client.ts");
  return withAppKey((client) => client.query(query)).catch((caught: unknown) => caught);
}
