// Paths the auth flow sends shoppers to. `next` values come from the URL or a form,
// so only same-site relative paths are accepted.

const ORIGIN = "http://storefront.invalid";

/** A safe same-site path from untrusted input, or null. */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return null;
  if (/[\\\u0000-\u001f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
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
