import "server-only";
import { fql, type TimeStub } from "fauna";
import { withAppKey, withShopperToken } from "./client";
import {
  EmailTakenError,
  InvalidCredentialsError,
  RuleRejectedError,
  ruleRejection,
  SessionExpiredError,
  TooManyAttemptsError,
  violatesUniqueEmail,
} from "./errors";
import type { ShopperToken } from "./types";

// UserLogin's tokens live 60 minutes (schema/functions.fsl); used only if Fauna omits ttl.
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** What UserLogin and UserChangePassword return instead of raising, so failures are recorded. */
type PasswordCheck =
  | { ok: true; secret?: string; ttl?: TimeStub; email?: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryInMinutes: number }
  | { ok: false; reason: string };

function throwUnlessOk(result: PasswordCheck | null): asserts result is Extract<PasswordCheck, { ok: true }> {
  if (result?.ok) return;
  if (result?.reason === "throttled" && "retryInMinutes" in result)
    throw new TooManyAttemptsError(result.retryInMinutes);
  throw new InvalidCredentialsError("Password check failed");
}

/** Creates the Customer and its Credential through the UserSignup UDF. Returns the stored email. */
export async function signUpCustomer(email: string, password: string): Promise<string> {
  try {
    const { data } = await withAppKey((client) =>
      client.query<{ email: string }>(fql`UserSignup(${email}, ${password})`),
    );
    return data.email;
  } catch (error) {
    if (violatesUniqueEmail(error)) throw new EmailTakenError("Email already registered", { cause: error });
    throw ruleRejection(error) ?? error;
  }
}

/** Exchanges email and password for a token through the UserLogin UDF (throttled in Fauna). */
export async function logInCustomer(email: string, password: string): Promise<ShopperToken> {
  const { data } = await withAppKey((client) =>
    client.query<PasswordCheck | null>(fql`UserLogin(${email}, ${password})`),
  );
  throwUnlessOk(data);
  if (!data.secret) throw new InvalidCredentialsError("Login returned no token");
  return {
    secret: data.secret,
    email: data.email ?? email,
    expiresAt: data.ttl?.toDate() ?? new Date(Date.now() + TOKEN_LIFETIME_MS),
  };
}

/**
 * Sets a new password after checking the current one (throttled like a log-in); every
 * other token of the shopper is deleted in the same transaction.
 */
export async function changeCustomerPassword(tokenSecret: string, currentPassword: string, newPassword: string) {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<PasswordCheck>(fql`UserChangePassword(${currentPassword}, ${newPassword})`),
  );
  if (!data.ok && data.reason.startsWith("password_")) throw new RuleRejectedError("password", data.reason);
  throwUnlessOk(data);
}

/** Deletes the shopper's token in Fauna; a token that is already gone is fine. */
export async function logOutCustomer(tokenSecret: string): Promise<void> {
  try {
    await withShopperToken(tokenSecret, (client) => client.query(fql`UserLogout()`));
  } catch (error) {
    if (error instanceof SessionExpiredError) return;
    throw error;
  }
}

/** Deletes every token of the shopper: every device is signed out. */
export async function logOutCustomerEverywhere(tokenSecret: string): Promise<void> {
  await withShopperToken(tokenSecret, (client) => client.query(fql`UserLogoutEverywhere()`));
}

/** Whether Fauna still authenticates this token secret. */
export async function isTokenAccepted(tokenSecret: string): Promise<boolean> {
  try {
    await withShopperToken(tokenSecret, (client) => client.query(fql`null`));
    return true;
  } catch (error) {
    if (error instanceof SessionExpiredError) return false;
    throw error;
  }
}
