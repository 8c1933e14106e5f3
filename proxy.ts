import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { FLASH_COOKIE, FLASH_HEADER } from "@/lib/auth/flash";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";
import { noteSessionSeen } from "@/lib/session-activity";
import { isPrefetch } from "@/lib/session-seen";
import { SESSION_COOKIE } from "@/lib/session-cookie";

// Pages that need a session. Optimistic only: the proxy looks for the cookie and never
// waits for Fauna (it also runs on prefetches); pages and actions verify it in lib/dal.ts.
// It also notes the session as seen, at most every 5 minutes and after the response.
const PROTECTED = [/^\/products(\/|$)/, /^\/account(\/|$)/, /^\/cart(\/|$)/, /^\/checkout(\/|$)/, /^\/orders(\/|$)/];

const FORM_PAGES = ["/login", "/signup"];

export function proxy(request: NextRequest, event: NextFetchEvent) {
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
  // A no-JavaScript form's answer (lib/auth/flash.ts) is shown once: this page load hands
  // it to the page in a request header (a cookie deleted here would be hidden from the
  // page too), and the browser drops the cookie.
  requestHeaders.delete(FLASH_HEADER);
  const flash = request.cookies.get(FLASH_COOKIE)?.value;
  const showFlash = Boolean(flash) && FORM_PAGES.includes(pathname) && !isPrefetch(request.headers);
  if (showFlash) requestHeaders.set(FLASH_HEADER, flash!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (showFlash) response.cookies.delete(FLASH_COOKIE);
  noteSessionSeen(request, response, event);
  return response;
}

export const config = {
  // Every page and route handler; static files and images need no CSP.
  matcher: ["/((?!_next/static|_next/image|images/|favicon.ico|favicon.svg).*)"],
};
