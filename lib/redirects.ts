// Paths the auth flow sends shoppers to. `next` values come from the URL or a form,
// so only same-site relative paths are accepted.

const ORIGIN = "http://storefront.invalid";

// Backslashes (browsers read them as "/"), tabs and newlines (browsers drop them), and
// every other control character.
const UNSAFE_CHARACTER = /[\\\u0000-\u001f\u007f]/;

// Escapes in the path that decode to "/", "\", ".", "%" or a control character. Browsers
// leave them encoded, but a server, proxy or router that decodes the path once more
// could turn them into `//host` or a dot segment.
const UNSAFE_PATH_ESCAPE = /%(?:2f|5c|2e|25|[01][0-9a-f]|7f)/i;

/**
 * A safe same-site path from untrusted input, or null. The value is normalized the way
 * a browser resolves it (dot segments, escapes) and the result is what gets checked and
 * returned: it starts with exactly one "/", has no backslash, control character or
 * dangerous escape, and normalizing it again changes nothing.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const path = normalizedPath(value);
  return path !== null && normalizedPath(path) === path ? path : null;
}

function normalizedPath(value: string): string | null {
  if (!value.startsWith("/") || UNSAFE_CHARACTER.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  const { pathname } = url;
  // "/a/..//host" normalizes to "//host": protocol-relative, another site.
  if (pathname.startsWith("//") || UNSAFE_PATH_ESCAPE.test(pathname)) return null;
  const path = `${pathname}${url.search}${url.hash}`;
  return UNSAFE_CHARACTER.test(path) ? null : path;
}

function withNext(path: string, next: string | null, extra: Record<string, string> = {}) {
  const params = new URLSearchParams(extra);
  const safe = safeNextPath(next);
  if (safe && safe !== "/") params.set("next", safe);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const loginPath = (next: string | null = null) => withNext("/login", next);

export const signupPath = (next: string | null = null) => withNext("/signup", next);

/** Clears the cookie (a route handler may write cookies) and lands on the login form. */
export const sessionExpiredPath = (next: string | null = null) => withNext("/session-expired", next);

export const expiredLoginPath = (next: string | null = null) => withNext("/login", next, { expired: "1" });
