import "server-only";
import { fql, type TimeStub } from "fauna";
import type { ClientInfo } from "../client-info";
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
  | { ok: true; secret?: string; ttl?: TimeStub; email?: string; emailVerified?: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled" | "rate_limited"; retryInSeconds: number }
  | { ok: false; reason: string };

/** Throws the typed error for a refusal that carries a wait (throttled, rate limited). */
export function throwIfLimited(result: { ok: boolean; reason?: string; retryInSeconds?: unknown } | null) {
  if (result && !result.ok && typeof result.retryInSeconds === "number") {
    throw new TooManyAttemptsError(result.retryInSeconds);
  }
}

function throwUnlessOk(result: PasswordCheck | null): asserts result is Extract<PasswordCheck, { ok: true }> {
  if (result?.ok) return;
  throwIfLimited(result);
  throw new InvalidCredentialsError("Password check failed");
}

type SignupResult =
  | { ok: true; email: string; verificationSecret: string }
  | { ok: false; reason: "email_taken" }
  | { ok: false; reason: "rate_limited"; retryInSeconds: number };

/** A new account: the email as Fauna stores it, and the secret of its verification link (for the mail only). */
export type NewAccount = { email: string; verificationSecret: string };

/** Creates the Customer, its Credential and a verification link through the UserSignup UDF. */
export async function signUpCustomer(email: string, password: string, client: ClientInfo): Promise<NewAccount> {
  let data: SignupResult;
  try {
    ({ data } = await withAppKey((fauna) =>
      fauna.query<SignupResult>(fql`UserSignup(${email}, ${password}, ${client.ip})`),
    ));
  } catch (error) {
    // A concurrent sign-up for the same email loses on the unique constraint.
    if (violatesUniqueEmail(error)) throw new EmailTakenError("Email already registered", { cause: error });
    throw ruleRejection(error) ?? error;
  }
  if (data.ok) return { email: data.email, verificationSecret: data.verificationSecret };
  throwIfLimited(data);
  throw new EmailTakenError("Email already registered");
}

/** Exchanges email and password for a token through the UserLogin UDF (limited in Fauna). */
export async function logInCustomer(email: string, password: string, client: ClientInfo): Promise<ShopperToken> {
  const { data } = await withAppKey((fauna) =>
    fauna.query<PasswordCheck | null>(fql`UserLogin(${email}, ${password}, ${client.ip}, ${client.device})`),
  );
  throwUnlessOk(data);
  if (!data.secret) throw new InvalidCredentialsError("Login returned no token");
  return {
    secret: data.secret,
    email: data.email ?? email,
    expiresAt: data.ttl?.toDate() ?? new Date(Date.now() + TOKEN_LIFETIME_MS),
    emailVerified: data.emailVerified ?? false,
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
