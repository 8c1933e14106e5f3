import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getCartItemCount } from "./fauna/cart";
import { getCurrentCustomer } from "./fauna/customers";
import { SessionExpiredError } from "./fauna/errors";
import { logError } from "./log";
import { loginPath, sessionExpiredPath } from "./redirects";
import { readSession } from "./session";

export type Session = {
  token: string;
  email: string;
  expiresAt: Date;
};

type SessionState = { status: "signed-in"; session: Session } | { status: "expired" } | { status: "none" };

const sessionState = cache(async (): Promise<SessionState> => {
  const { token, expiresAt, email } = await readSession();
  if (!token || !expiresAt) return { status: "none" };
  if (expiresAt <= Date.now()) return { status: "expired" };
  return { status: "signed-in", session: { token, email: email ?? "", expiresAt: new Date(expiresAt) } };
});

/** The signed-in shopper, or null. For UI that differs by who is looking (the header). */
export async function getSession(): Promise<Session | null> {
  const state = await sessionState();
  return state.status === "signed-in" ? state.session : null;
}

/**
 * The only way protected pages and actions learn who is signed in.
 * `returnTo` is where the shopper comes back to after logging in.
 */
export async function requireSession(returnTo: string): Promise<Session> {
  const state = await sessionState();
  if (state.status === "signed-in") return state.session;
  redirect(state.status === "expired" ? sessionExpiredPath(returnTo) : loginPath(returnTo));
}

/** Runs Fauna queries with the shopper's token; a token Fauna rejects ends the session. */
export async function withShopper<T>(
  returnTo: string,
  run: (token: string, session: Session) => Promise<T>,
): Promise<T> {
  const session = await requireSession(returnTo);
  try {
    return await run(session.token, session);
  } catch (error) {
    if (error instanceof SessionExpiredError) redirect(sessionExpiredPath(returnTo));
    throw error;
  }
}

/**
 * The number of items in the shopper's cart for the header, or null when Fauna cannot say:
 * a rejected token or an outage must not break every page (the page itself reports it).
 */
export async function cartCountForHeader(token: string): Promise<number | null> {
  try {
    return await getCartItemCount(token);
  } catch (error) {
    if (!(error instanceof SessionExpiredError)) logError("cart count for the header failed", error);
    return null;
  }
}

/**
 * The email the header asks the shopper to verify, or null when it is verified or Fauna cannot
 * say (the page itself reports an outage or an ended session; the notice just stays away).
 */
export async function unverifiedEmailForHeader(token: string): Promise<string | null> {
  try {
    const customer = await getCurrentCustomer(token);
    return customer && !customer.emailVerified ? customer.email : null;
  } catch (error) {
    if (!(error instanceof SessionExpiredError)) logError("email verification state for the header failed", error);
    return null;
  }
}
