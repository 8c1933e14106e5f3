// Shared with proxy.ts, which may only look at the cookie's presence.
export const SESSION_COOKIE = "storefront_session";
