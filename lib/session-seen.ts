// When a request should note "last seen" on the shopper's session (schema/sessions.fsl,
// SessionSeen). A browser remembers when it last did so in a small cookie, so the
// proxy decides without asking Fauna and writes at most once per interval; Fauna
// enforces the same interval whatever the cookie says. Pure, so it can be tested.

/** At most one "last seen" write per session per 5 minutes (SessionSeen checks it too). */
export const SESSION_SEEN_INTERVAL_MS = 5 * 60 * 1000;

/** When this browser last noted its session as seen (epoch ms). Not secret: only timing. */
export const SESSION_SEEN_COOKIE = "storefront_seen";

/**
 * Whether to note the session as seen now: only for a shopper with a session, not for
 * a prefetch (the router or the browser fetching ahead is not the shopper), and only
 * when the last note is older than the interval — or unreadable, or in the future
 * (another clock, a forged value), which cannot be trusted to hold it back.
 */
export function sessionSeenDue({
  signedIn,
  prefetch,
  lastNoted,
  now,
}: {
  signedIn: boolean;
  prefetch: boolean;
  lastNoted: string | undefined;
  now: number;
}): boolean {
  if (!signedIn || prefetch) return false;
  if (!lastNoted || !/^\d{1,15}$/.test(lastNoted)) return true;
  const age = now - Number(lastNoted);
  return age >= SESSION_SEEN_INTERVAL_MS || age < -SESSION_SEEN_INTERVAL_MS;
}

/** A request made ahead of time: Next's router prefetching a page, or a browser's prefetch/prerender. */
export function isPrefetch(headers: Headers): boolean {
  if (headers.get("next-router-prefetch")) return true;
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""}`;
  return /\bpre(fetch|render)\b/i.test(purpose);
}
