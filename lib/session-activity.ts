import "server-only";
import type { NextFetchEvent, NextRequest, NextResponse } from "next/server";
import { FaunaUnavailableError, SessionExpiredError } from "./fauna/errors";
import { markSessionSeen } from "./fauna/sessions";
import { logError } from "./log";
import { sessionFromSealedCookie } from "./session";
import { SESSION_COOKIE } from "./session-cookie";
import { isPrefetch, SESSION_SEEN_COOKIE, sessionSeenDue } from "./session-seen";

/**
 * The proxy's part in "last seen" (README, Sessions): every request of a signed-in
 * shopper passes here, page loads, client-side navigations and form posts alike. When a
 * note is due (lib/session-seen.ts) the browser's cookie is moved on at once and
 * SessionSeen runs after the response (`waitUntil`), so no request waits for it; when
 * none is due this costs a cookie read.
 */
export function noteSessionSeen(request: NextRequest, response: NextResponse, event: NextFetchEvent, now = Date.now()) {
  const sealed = request.cookies.get(SESSION_COOKIE)?.value;
  const due = sessionSeenDue({
    signedIn: Boolean(sealed),
    prefetch: isPrefetch(request.headers),
    lastNoted: request.cookies.get(SESSION_SEEN_COOKIE)?.value,
    now,
  });
  if (!due || !sealed) return;
  response.cookies.set(SESSION_SEEN_COOKIE, String(now), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: 24 * 60 * 60,
  });
  event.waitUntil(markSeen(sealed, now));
}

async function markSeen(sealed: string, now: number) {
  const { token, expiresAt } = await sessionFromSealedCookie(sealed);
  if (!token || !expiresAt || expiresAt <= now) return;
  try {
    await markSessionSeen(token);
  } catch (error) {
    // An ended session or an outage shows on the page itself; this note just waits.
    if (error instanceof SessionExpiredError || error instanceof FaunaUnavailableError) return;
    logError("noting the session as seen failed", error);
  }
}
