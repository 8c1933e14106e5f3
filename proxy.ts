import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";
import { SESSION_COOKIE } from "@/lib/session-cookie";

// Pages that need a session. Optimistic only: the proxy looks for the cookie and never
// calls Fauna (it also runs on prefetches); pages and actions verify it in lib/dal.ts.
const PROTECTED = [/^\/products(\/|$)/, /^\/account(\/|$)/, /^\/cart(\/|$)/, /^\/checkout(\/|$)/, /^\/orders(\/|$)/];

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const { pathname, search } = request.nextUrl;

  if (PROTECTED.some((path) => path.test(pathname)) && !request.cookies.has(SESSION_COOKIE)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    redirect.headers.set("Content-Security-Policy", csp);
    return redirect;
  }

  // Next reads the nonce from the request's CSP and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every page and route handler; static files and images need no CSP.
  matcher: ["/((?!_next/static|_next/image|images/|favicon.ico|favicon.svg).*)"],
};
