import assert from "node:assert/strict";
import { test } from "node:test";
import { confirmPasswordProblem, emailProblem, signupMessages } from "./signup-checks.ts";
import { fieldErrorsOf, logInSchema } from "./validation.ts";

test("the browser's email check says what the server's would for the usual mistakes", () => {
  for (const [value, problem] of [
    ["", signupMessages.emailInvalid],
    ["ann", signupMessages.emailInvalid],
    ["ann@example", signupMessages.emailInvalid],
    ["ann@@example.com", signupMessages.emailInvalid],
    [`${"a".repeat(250)}@example.com`, signupMessages.emailTooLong],
    ["  Ann@Example.com ", null],
  ] as const) {
    assert.equal(emailProblem(value), problem, value);
    const server = logInSchema.safeParse({ email: value, password: "x" });
    assert.deepEqual(server.success ? null : fieldErrorsOf(server.error).email?.[0], problem, `server: ${value}`);
  }
});

test("the confirmation must repeat the password exactly", () => {
  assert.equal(confirmPasswordProblem("correct horse", "correct horse"), null);
  assert.equal(confirmPasswordProblem("correct horse", "correct hose"), signupMessages.confirmDiffers);
  assert.equal(confirmPasswordProblem("correct horse", "Correct horse"), signupMessages.confirmDiffers);
  assert.equal(confirmPasswordProblem("correct horse", ""), signupMessages.confirmMissing);
  assert.equal(confirmPasswordProblem("correct horse", null), signupMessages.confirmMissing);
});
