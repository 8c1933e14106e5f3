import "server-only";
import { fql } from "fauna";
import { throwIfLimited } from "./auth";
import { withAppKey, withLinkToken } from "./client";
import { faunaCode, LinkExpiredError, RuleRejectedError } from "./errors";

// The emailed links of schema/account-links.fsl. A link's secret is a Fauna token
// secret: it is only ever mailed or sent back to Fauna, never logged or rendered.

/** What RequestPasswordReset / RequestEmailVerification answer: a secret only when there is something to mail. */
export type LinkRequest = { sent: true; email: string; secret: string } | { sent: false };

type StoredLinkRequest =
  | { ok: true; sent: true; email: string; secret: string }
  | { ok: true; sent: false }
  | { ok: false; reason: string; retryInSeconds?: number };

function linkRequest(result: StoredLinkRequest): LinkRequest {
  if (result.ok) return result.sent ? { sent: true, email: result.email, secret: result.secret } : { sent: false };
  throwIfLimited(result);
  // An email or client address Fauna would not take: nothing to mail, and nothing to tell.
  return { sent: false };
}

/** Starts a password reset for whoever owns `email`; limited per address and per email in Fauna. */
export async function requestPasswordReset(email: string, clientIp: string): Promise<LinkRequest> {
  const { data } = await withAppKey((client) =>
    client.query<StoredLinkRequest>(fql`RequestPasswordReset(${email}, ${clientIp})`),
  );
  return linkRequest(data);
}

/** A new verification link for an unverified account; limited like a reset. */
export async function requestEmailVerification(email: string, clientIp: string): Promise<LinkRequest> {
  const { data } = await withAppKey((client) =>
    client.query<StoredLinkRequest>(fql`RequestEmailVerification(${email}, ${clientIp})`),
  );
  return linkRequest(data);
}

// Fauna secrets are base64url; anything else in a link cannot be one, and must not
// reach an Authorization header.
const LINK_SECRET = /^[A-Za-z0-9_-]{20,128}$/;

function checkedSecret(secret: string): string {
  if (!LINK_SECRET.test(secret)) throw new LinkExpiredError("Not a link secret");
  return secret;
}

/** Runs a link's one call; a token of the other kind of link may not make it, and is no link here. */
async function withLink<T>(secret: string, run: Parameters<typeof withLinkToken<T>>[1]): Promise<T> {
  try {
    return await withLinkToken(checkedSecret(secret), run);
  } catch (error) {
    if (faunaCode(error) === "permission_denied") throw new LinkExpiredError("Not this kind of link", { cause: error });
    throw error;
  }
}

/** Whether Fauna still accepts the link (not expired, used or replaced). */
export async function isLinkUsable(secret: string): Promise<boolean> {
  try {
    await withLinkToken(checkedSecret(secret), (client) => client.query(fql`null`));
    return true;
  } catch (error) {
    if (error instanceof LinkExpiredError) return false;
    throw error;
  }
}

/** Sets the new password with a reset link; every session of the account ends. Returns the account's email. */
export async function resetPasswordWithLink(secret: string, newPassword: string): Promise<string> {
  const { data } = await withLink(secret, (client) =>
    client.query<{ ok: true; email: string } | { ok: false; reason: string }>(fql`ResetPassword(${newPassword})`),
  );
  if (!data.ok) throw new RuleRejectedError("password", data.reason);
  return data.email;
}

/** Marks the account's email verified with a verification link. Returns the email. */
export async function verifyEmailWithLink(secret: string): Promise<string> {
  const { data } = await withLink(secret, (client) => client.query<{ ok: true; email: string }>(fql`VerifyEmail()`));
  return data.email;
}
