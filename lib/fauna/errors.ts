import "server-only";
import {
  AbortError,
  AuthenticationError,
  ContendedTransactionError,
  NetworkError,
  ProtocolError,
  QueryTimeoutError,
  ServiceError,
  ServiceInternalError,
  ThrottlingError,
} from "fauna";
import { passwordMessages } from "../password-messages";
import { logError } from "../log";

// What shoppers read. One text for unknown email and wrong password, so the
// form does not reveal which emails have accounts.
export const shopperMessages = {
  invalidCredentials: "Invalid email or password.",
  emailTaken: "An account with this email already exists.",
  sessionExpired: "Your session has expired. Please log in again.",
  unavailable: "The shop is temporarily unavailable. Please try again in a moment.",
  logOutFailed:
    'We couldn\'t end your session on the server. Try again, or use "Log out of all devices" once the shop is back.',
  wrongCurrentPassword: "Your current password is not correct.",
  invalidEmail: "Enter a valid email address.",
  linkExpired: "This link has expired or was already used.",
} as const;

/** "Too many attempts — try again in 15 seconds." (minutes from two minutes on). */
export function tooManyAttemptsMessage(seconds: number): string {
  const wait = Math.max(1, Math.ceil(seconds));
  if (wait < 120) return `Too many attempts — try again in ${wait} ${wait === 1 ? "second" : "seconds"}.`;
  return `Too many attempts — try again in ${Math.ceil(wait / 60)} minutes.`;
}

/**
 * Fauna refused the attempt for a while: the email's log-in wait (CheckPassword in
 * schema/functions.fsl) or a per-address or per-email limit (schema/rate-limits.fsl).
 */
export class TooManyAttemptsError extends Error {
  override name = "TooManyAttemptsError";
  constructor(readonly retryInSeconds: number) {
    super(`Refused for ${retryInSeconds} seconds`);
  }
}

/** Fauna refused an emailed link's token: it expired, was used, or a newer link replaced it. */
export class LinkExpiredError extends Error {
  override name = "LinkExpiredError";
}

/** A UDF refused the email or a new password (PasswordProblem / UserSignup). */
export class RuleRejectedError extends Error {
  override name = "RuleRejectedError";
  constructor(
    readonly field: "email" | "password",
    readonly reason: string,
  ) {
    super(`${field} rejected: ${reason}`);
  }
}

/** The value a UDF passed to abort(), when it is a { field, reason } refusal. */
export function ruleRejection(error: unknown): RuleRejectedError | null {
  if (!(error instanceof AbortError)) return null;
  const value = error.abort as { field?: unknown; reason?: unknown } | null;
  if ((value?.field === "email" || value?.field === "password") && typeof value.reason === "string") {
    return new RuleRejectedError(value.field, value.reason);
  }
  return null;
}

/** Fauna rejected the shopper's token (401): it expired or was deleted. */
export class SessionExpiredError extends Error {
  override name = "SessionExpiredError";
}

/** Unknown email or wrong password. */
export class InvalidCredentialsError extends Error {
  override name = "InvalidCredentialsError";
}

/** Sign-up hit the unique constraint on Customer.email. */
export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

/** A pagination cursor from the URL that Fauna does not accept. */
export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
}

/** Fauna could not be reached or could not serve the request; nothing the shopper did. */
export class FaunaUnavailableError extends Error {
  override name = "FaunaUnavailableError";
}

export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof ProtocolError ||
    error instanceof ServiceInternalError ||
    error instanceof QueryTimeoutError ||
    error instanceof ThrottlingError ||
    error instanceof ContendedTransactionError ||
    (error instanceof ServiceError && (error.httpStatus ?? 0) >= 500)
  );
}

export const isTokenRejected = (error: unknown) => error instanceof AuthenticationError;

export function faunaCode(error: unknown): string | undefined {
  return error instanceof ServiceError ? error.code : undefined;
}

/** Fauna refused an id that cannot be a document id (e.g. digits beyond the 64-bit range). */
export function isBadDocumentId(error: unknown): boolean {
  return error instanceof ServiceError && (error.code === "invalid_argument" || error.code === "invalid_id");
}

export function violatesUniqueEmail(error: unknown): boolean {
  if (!(error instanceof ServiceError) || error.code !== "constraint_failure") return false;
  return (error.constraint_failures ?? []).some((failure) =>
    (failure.paths ?? []).some((path) => path.join(".") === "email"),
  );
}

/** The sentence a form shows for a failed sign-up or log-in. */
export function toShopperMessage(error: unknown): string {
  if (error instanceof InvalidCredentialsError) return shopperMessages.invalidCredentials;
  if (error instanceof EmailTakenError) return shopperMessages.emailTaken;
  if (error instanceof SessionExpiredError) return shopperMessages.sessionExpired;
  if (error instanceof FaunaUnavailableError) return shopperMessages.unavailable;
  if (error instanceof TooManyAttemptsError) return tooManyAttemptsMessage(error.retryInSeconds);
  if (error instanceof LinkExpiredError) return shopperMessages.linkExpired;
  if (error instanceof RuleRejectedError) return ruleMessage(error);
  logError("unexpected error in an auth form", error);
  return "Something went wrong on our side. Please try again.";
}

function ruleMessage({ field, reason }: RuleRejectedError): string {
  if (field === "email") return shopperMessages.invalidEmail;
  if (reason === "password_too_short") return passwordMessages.tooShort;
  if (reason === "password_too_long") return passwordMessages.tooLong;
  return passwordMessages.missing;
}
