import { z } from "zod";
import { passwordMessages } from "./password-messages";
import { passwordSizeProblem } from "./password-size";
import { MAX_EMAIL_LENGTH, signupMessages } from "./signup-checks";

export { MAX_EMAIL_LENGTH };

/** An email is an identity: NFKC, trimmed, lower-cased (Fauna's UDFs normalize it again). */
export function normalizeEmail(value: string): string {
  return value.normalize("NFKC").trim().toLowerCase();
}

const tooLongEmail = signupMessages.emailTooLong;

const email = z
  .string({ error: "Enter your email address." })
  // Capped before normalizing, so an absurdly long input costs nothing.
  .max(4 * MAX_EMAIL_LENGTH, { error: tooLongEmail })
  .transform(normalizeEmail)
  .pipe(z.email({ error: signupMessages.emailInvalid }).max(MAX_EMAIL_LENGTH, { error: tooLongEmail }));

const currentPassword = z
  .string({ error: "Enter your password." })
  .min(1, { error: "Enter your password." })
  // Nothing longer can be right (bcrypt's limit), so it is never sent to Fauna.
  .max(1024, { error: "Enter your password." });

const newPassword = z.string({ error: passwordMessages.missing }).superRefine((value, ctx) => {
  const problem = passwordSizeProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const logInSchema = z.object({ email, password: currentPassword });

export const signUpSchema = z.object({ email, password: newPassword });

export const changePasswordSchema = z.object({ currentPassword, newPassword });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  // The link's secret, checked by Fauna; only its size is checked here.
  token: z.string().max(256),
  newPassword,
});

export type FieldErrors = Partial<
  Record<"email" | "password" | "confirmPassword" | "currentPassword" | "newPassword", string[]>
>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
