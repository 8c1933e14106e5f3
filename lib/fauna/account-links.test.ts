import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  isLinkUsable,
  requestEmailVerification,
  requestPasswordReset,
  resetPasswordWithLink,
  verifyEmailWithLink,
} from "./account-links.ts";
import { isTokenAccepted, logInCustomer, signUpCustomer } from "./auth.ts";
import { getCurrentCustomer } from "./customers.ts";
import {
  InvalidCredentialsError,
  LinkExpiredError,
  RuleRejectedError,
  TooManyAttemptsError,
  toShopperMessage,
} from "./errors.ts";
import { startTestFauna, testClient, uniqueEmail, type TestFauna } from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

const PASSWORD = "correct horse";

async function resetSecretFor(email: string) {
  const request = await requestPasswordReset(email, testClient().ip);
  assert.ok(request.sent, "a link for an account");
  return request.secret;
}

test("a reset link changes the password, ends sessions, and then says it has expired", async () => {
  const email = uniqueEmail("reset");
  await signUpCustomer(email, PASSWORD, testClient());
  const session = await logInCustomer(email, PASSWORD, testClient());
  const secret = await resetSecretFor(email);

  assert.equal(await isLinkUsable(secret), true);
  await assert.rejects(resetPasswordWithLink(secret, "short"), RuleRejectedError);
  assert.equal(await resetPasswordWithLink(secret, "a brand new pass phrase"), email);
  assert.equal(await isTokenAccepted(session.secret), false);
  await assert.rejects(logInCustomer(email, PASSWORD, testClient()), InvalidCredentialsError);
  assert.equal((await logInCustomer(email, "a brand new pass phrase", testClient())).emailVerified, true);

  assert.equal(await isLinkUsable(secret), false);
  const reused = await resetPasswordWithLink(secret, "yet another pass phrase").catch((caught: unknown) => caught);
  assert.ok(reused instanceof LinkExpiredError, String(reused));
  assert.equal(toShopperMessage(reused), "This link has expired or was already used.");
});

test("an unknown email gets no link; the fourth request for one email is TooManyAttemptsError", async () => {
  assert.deepEqual(await requestPasswordReset(uniqueEmail("nobody"), testClient().ip), { sent: false });
  const email = uniqueEmail("limited");
  for (let i = 0; i < 3; i++) await requestPasswordReset(email, testClient().ip);
  await assert.rejects(requestPasswordReset(email, testClient().ip), TooManyAttemptsError);
});

test("anything that is not a live link of the right kind is an expired link", async () => {
  const email = uniqueEmail("kinds");
  const account = await signUpCustomer(email, PASSWORD, testClient());
  for (const secret of ["", "not a secret", "a\nb".repeat(20), "x".repeat(500)]) {
    assert.equal(await isLinkUsable(secret), false);
    await assert.rejects(resetPasswordWithLink(secret, "a brand new pass phrase"), LinkExpiredError);
  }
  // A verification link cannot reset a password, nor a reset link verify an email.
  await assert.rejects(resetPasswordWithLink(account.verificationSecret, "a brand new pass phrase"), LinkExpiredError);
  const resetSecret = await resetSecretFor(email);
  await assert.rejects(verifyEmailWithLink(resetSecret), LinkExpiredError);
  assert.equal((await logInCustomer(email, PASSWORD, testClient())).emailVerified, false);
});

test("a verification link verifies once; a resent one replaces it", async () => {
  const email = uniqueEmail("verify");
  const account = await signUpCustomer(email, PASSWORD, testClient());
  const resent = await requestEmailVerification(email, testClient().ip);
  assert.ok(resent.sent);
  await assert.rejects(verifyEmailWithLink(account.verificationSecret), LinkExpiredError);
  assert.equal(await verifyEmailWithLink(resent.secret), email);
  const { secret } = await logInCustomer(email, PASSWORD, testClient());
  assert.equal((await getCurrentCustomer(secret))?.emailVerified, true);
  assert.deepEqual(await requestEmailVerification(email, testClient().ip), { sent: false });
});
