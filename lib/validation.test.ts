import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { newPasswordProblem, passwordStrength } from "./password-policy.ts";
import { changePasswordSchema, fieldErrorsOf, logInSchema, signUpSchema } from "./validation.ts";

test("emails are trimmed and lower-cased before they reach Fauna", () => {
  const parsed = logInSchema.parse({ email: "  Shopper@Example.COM ", password: "x" });
  assert.equal(parsed.email, "shopper@example.com");
});

test("a malformed email is a field error on email", () => {
  const result = logInSchema.safeParse({ email: "not-an-email", password: "secret-pass" });
  assert.equal(result.success, false);
  assert.deepEqual(fieldErrorsOf(result.error!).email, ["Enter a valid email address."]);
});

test("an empty password is a field error on password", () => {
  const result = logInSchema.safeParse({ email: "a@example.com", password: "" });
  assert.equal(result.success, false);
  assert.deepEqual(fieldErrorsOf(result.error!).password, ["Enter your password."]);
});

test("emails longer than 254 characters are refused, even a 4 MB one, before normalizing", () => {
  const longest = `${"a".repeat(242)}@example.com`;
  assert.equal(logInSchema.parse({ email: longest, password: "x" }).email, longest);
  for (const email of [`${"a".repeat(243)}@example.com`, `${"a".repeat(4 * 1024 * 1024)}@example.com`]) {
    const result = signUpSchema.safeParse({ email, password: "correct horse battery" });
    assert.deepEqual(fieldErrorsOf(result.error!).email, ["Email addresses are at most 254 characters."]);
  }
});

test("emails are NFKC-normalized too: fullwidth letters and a no-break space", () => {
  const parsed = logInSchema.parse({ email: "\u00a0ＳＨＯＰＰＥＲ@example.com", password: "x" });
  assert.equal(parsed.email, "shopper@example.com");
});

const TOO_LONG = "Use at most 72 bytes (fewer characters if it has accents or emoji).";

test("sign-up asks for 8 to 72 bytes, counted in UTF-8 as bcrypt counts them", () => {
  const passwordErrors = (password: string) =>
    fieldErrorsOf(signUpSchema.safeParse({ email: "a@example.com", password }).error ?? new z.ZodError([])).password;
  assert.deepEqual(passwordErrors("1234567"), ["Use at least 8 characters."]);
  assert.deepEqual(passwordErrors("x".repeat(73)), [TOO_LONG]);
  assert.deepEqual(passwordErrors("é".repeat(37)), [TOO_LONG]); // 37 characters, 74 bytes
  assert.deepEqual(passwordErrors("x".repeat(1_000_000)), [TOO_LONG]);
  assert.equal(passwordErrors("12345678"), undefined);
  assert.equal(passwordErrors("x".repeat(72)), undefined);
});

test("change password checks the new password's size and needs the current one", () => {
  const result = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short" });
  assert.deepEqual(fieldErrorsOf(result.error!), {
    currentPassword: ["Enter your password."],
    newPassword: ["Use at least 8 characters."],
  });
});

test("the strength check refuses common and personal passwords and accepts passphrases", async () => {
  assert.equal(
    await newPasswordProblem("password1"),
    "This is a commonly used password. Add another word or two; uncommon words are best.",
  );
  assert.equal(
    await newPasswordProblem("shopper@example.com1", ["shopper@example.com"]),
    "Don't build your password from your email address.",
  );
  assert.equal(await newPasswordProblem("correct horse battery", ["shopper@example.com"]), null);
  assert.ok((await passwordStrength("12345678")).score < 3);
});

test("sign-up with an empty password says to choose one", () => {
  const result = signUpSchema.safeParse({ email: "a@example.com", password: "" });
  assert.deepEqual(fieldErrorsOf(result.error!).password, ["Choose a password."]);
});
