import "server-only";
import { getIronSession, unsealData, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { ENDED_SESSION_GRACE_SECONDS, SESSION_COOKIE, SESSION_ENDS_COOKIE } from "./session-cookie";

/** What the encrypted cookie holds: the Fauna token secret and when it expires. */
export type SessionData = {
  token?: string;
  expiresAt?: number; // epoch ms, the token's ttl
  email?: string;
};

const DEFAULT_MAX_AGE_SECONDS = 60 * 60 + ENDED_SESSION_GRACE_SECONDS;

const cookieOptions = (maxAgeSeconds: number) => ({
  sameSite: "lax" as const,
  secure: process.env.NODE_ENV === "production",
  path: "/",
  maxAge: maxAgeSeconds,
});

function sessionOptions(maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS): SessionOptions {
  const password = process.env.SESSION_PASSWORD;
  if (!password || password.length < 32) {
    throw new Error("SESSION_PASSWORD must be at least 32 characters (`npm run dev` generates one).");
  }
  return {
    password,
    cookieName: SESSION_COOKIE,
    // iron-session treats a seal as expired 60 s before its ttl.
    ttl: maxAgeSeconds + 60,
    cookieOptions: { ...cookieOptions(maxAgeSeconds), httpOnly: true },
  };
}

export async function readSession(): Promise<SessionData> {
  const session = await getIronSession<SessionData>(await cookies(), sessionOptions());
  return { token: session.token, expiresAt: session.expiresAt, email: session.email };
}

/**
 * The session in a sealed cookie value, for the proxy (which has the request's cookies
 * but no `cookies()`); empty when it does not unseal.
 */
export async function sessionFromSealedCookie(sealed: string): Promise<SessionData> {
  const { password, ttl } = sessionOptions();
  try {
    const { token, expiresAt, email } = await unsealData<SessionData>(sealed, { password, ttl });
    return { token, expiresAt, email };
  } catch {
    return {};
  }
}

export async function saveSession({ token, expiresAt, email }: { token: string; expiresAt: Date; email: string }) {
  const remainingSeconds = Math.floor((expiresAt.getTime() - Date.now()) / 1000);
  if (remainingSeconds <= 0) throw new Error("Refusing to store an already expired token");
  // The cookies outlive the token (see ENDED_SESSION_GRACE_SECONDS); lib/dal.ts goes by `expiresAt`.
  const maxAge = remainingSeconds + ENDED_SESSION_GRACE_SECONDS;
  const jar = await cookies();
  const session = await getIronSession<SessionData>(jar, sessionOptions(maxAge));
  session.token = token;
  session.expiresAt = expiresAt.getTime();
  session.email = email;
  await session.save();
  jar.set(SESSION_ENDS_COOKIE, String(expiresAt.getTime()), { ...cookieOptions(maxAge), httpOnly: false });
}

export async function destroySession() {
  const jar = await cookies();
  const session = await getIronSession<SessionData>(jar, sessionOptions());
  session.destroy();
  jar.delete(SESSION_ENDS_COOKIE);
}
