// What the sign-up form re-checks in the browser while the shopper fixes a field:
// the same sentences as the server's checks (lib/validation.ts), without zod or
// zxcvbn, so the page stays light. The server action checks everything again.
import { passwordMessages } from "./password-messages";

/** The longest address SMTP delivers (RFC 5321); Fauna's UDFs refuse longer ones too. */
export const MAX_EMAIL_LENGTH = 254;

export const signupMessages = {
  emailInvalid: "Enter a valid email address.",
  emailTooLong: `Email addresses are at most ${MAX_EMAIL_LENGTH} characters.`,
  confirmMissing: "Type your password again.",
  confirmDiffers: "The two passwords are not the same.",
} as const;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function emailProblem(value: string): string | null {
  const email = value.normalize("NFKC").trim();
  if (email.length > MAX_EMAIL_LENGTH) return signupMessages.emailTooLong;
  return EMAIL_SHAPE.test(email) ? null : signupMessages.emailInvalid;
}

/** The "Confirm password" field must repeat the password exactly. */
export function confirmPasswordProblem(password: unknown, confirmation: unknown): string | null {
  if (typeof confirmation !== "string" || confirmation === "") return signupMessages.confirmMissing;
  return confirmation === password ? null : signupMessages.confirmDiffers;
}

export { passwordMessages };
