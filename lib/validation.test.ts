import assert from "node:assert/strict";
import { test } from "node:test";
import { fieldErrorsOf, logInSchema, signUpSchema } from "./validation.ts";

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

test("sign-up asks for at least 8 and at most 72 characters", () => {
  const short = signUpSchema.safeParse({ email: "a@example.com", password: "1234567" });
  assert.deepEqual(fieldErrorsOf(short.error!).password, ["Use at least 8 characters."]);
  const long = signUpSchema.safeParse({ email: "a@example.com", password: "x".repeat(73) });
  assert.deepEqual(fieldErrorsOf(long.error!).password, ["Use at most 72 characters."]);
  assert.equal(signUpSchema.safeParse({ email: "a@example.com", password: "12345678" }).success, true);
});

test("sign-up with an empty password says to choose one", () => {
  const result = signUpSchema.safeParse({ email: "a@example.com", password: "" });
  assert.deepEqual(fieldErrorsOf(result.error!).password, ["Choose a password."]);
});
