// The size rules for a new password, without the strength estimator: light enough
// for the sign-up form to check as the shopper types (zxcvbn loads separately).
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES, passwordMessages } from "./password-messages";

/** The password's size in UTF-8 bytes; anything longer than the limit in UTF-16 units is over it anyway. */
export function passwordBytes(password: string): number {
  if (password.length > PASSWORD_MAX_BYTES) return password.length;
  return new TextEncoder().encode(password).length;
}

/** Why a new password's size is refused, or null. Cheap, so it runs before anything else. */
export function passwordSizeProblem(password: string): string | null {
  if (!password) return passwordMessages.missing;
  const bytes = passwordBytes(password);
  if (bytes < PASSWORD_MIN_BYTES) return passwordMessages.tooShort;
  if (bytes > PASSWORD_MAX_BYTES) return passwordMessages.tooLong;
  return null;
}
