// The check Next makes for server actions, for the shop's own POST endpoints: the
// request's Origin is this host. Browsers send Origin with every POST (forms and
// fetch alike), so a request without one did not come from a page of the shop.

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
