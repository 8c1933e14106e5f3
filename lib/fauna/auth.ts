import "server-only";
import { fql, QueryRuntimeError, type TimeStub } from "fauna";
import { withAppKey, withShopperToken } from "./client";
import { EmailTakenError, InvalidCredentialsError, SessionExpiredError, violatesUniqueEmail } from "./errors";
import type { ShopperToken } from "./types";

// UserLogin's tokens live 60 minutes (schema/functions.fsl); used only if Fauna omits ttl.
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

type TokenDocument = { secret?: string; ttl?: TimeStub };

/** Creates the Customer and its Credential through the UserSignup UDF. */
export async function signUpCustomer(email: string, password: string): Promise<void> {
  try {
    await withAppKey((client) => client.query(fql`UserSignup(${email}, ${password})`));
  } catch (error) {
    if (violatesUniqueEmail(error)) throw new EmailTakenError("Email already registered", { cause: error });
    throw error;
  }
}

/** Exchanges email and password for a token through the UserLogin UDF. */
export async function logInCustomer(email: string, password: string): Promise<ShopperToken> {
  let token: TokenDocument | null;
  try {
    ({ data: token } = await withAppKey((client) =>
      client.query<TokenDocument | null>(fql`UserLogin(${email}, ${password})`),
    ));
  } catch (error) {
    // A wrong password raises invalid_secret; an unknown email fails inside the UDF
    // on the missing customer. Both are the same answer to the shopper.
    if (error instanceof QueryRuntimeError && error.code !== "permission_denied") {
      throw new InvalidCredentialsError("Login rejected", { cause: error });
    }
    throw error;
  }
  if (!token?.secret) throw new InvalidCredentialsError("Login returned no token");
  return {
    secret: token.secret,
    expiresAt: token.ttl?.toDate() ?? new Date(Date.now() + TOKEN_LIFETIME_MS),
  };
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
