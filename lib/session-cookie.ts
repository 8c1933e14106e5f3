// Shared with proxy.ts, which may only look at the cookie's presence.
export const SESSION_COOKIE = "storefront_session";

// A readable companion of the session cookie holding only when the session ends
// (epoch ms): no secret, but enough for the header to notice, without asking the
// server, that the session changed behind it (components/layout/session-watch.tsx).
export const SESSION_ENDS_COOKIE = "storefront_session_ends";

/** The session end the companion cookie records in `document.cookie`, or null. */
export function sessionEndsFromCookies(cookieHeader: string): number | null {
  for (const part of cookieHeader.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === SESSION_ENDS_COOKIE && value && /^\d+$/.test(value)) return Number(value);
  }
  return null;
}

// Both cookies outlive the token by a day, so a session that timed out is still
// told apart from no session ("Your session has expired"); the token inside is dead.
export const ENDED_SESSION_GRACE_SECONDS = 24 * 60 * 60;
