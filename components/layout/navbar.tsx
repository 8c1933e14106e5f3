import Link from "next/link";
import { Suspense } from "react";
import { LogoutButton } from "@/components/auth/logout-button";
import { getSession } from "@/lib/dal";
import { CartLink, CartLinkView } from "./cart-link";
import { SessionExpiry } from "./session-expiry";
import { SessionWatch } from "./session-watch";
import { VerifyEmailNotice } from "./verify-email-notice";

function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className="rounded-md px-2 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 sm:px-3"
    >
      {children}
    </Link>
  );
}

// Phones: logo, Cart and Log out (or Log in, Sign up) on top, the page links in a
// second row, so the catalog is always one tap away. Wider screens: one row.
export async function Navbar() {
  const session = await getSession();
  // A server component renders once per request: this is that request's time.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();
  return (
    <header className="sticky top-0 z-10 border-b border-neutral-200 bg-white/90 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 px-4 whitespace-nowrap sm:h-16 sm:flex-nowrap sm:gap-x-6 sm:px-6 lg:px-8"
      >
        <Link
          href="/"
          className="flex h-14 items-center gap-2 text-lg font-semibold tracking-tight text-neutral-900 sm:h-auto"
        >
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
          >
            S
          </span>
          Storefront
        </Link>
        <div className="flex items-center gap-1 max-sm:order-last max-sm:-mx-2 max-sm:w-[calc(100%+1rem)] max-sm:border-t max-sm:border-neutral-100 max-sm:py-1">
          <NavLink href="/products">Shop all</NavLink>
          {session ? (
            <>
              <NavLink href="/orders">Orders</NavLink>
              <NavLink href="/account">Account</NavLink>
            </>
          ) : null}
        </div>
        <div className="ml-auto flex items-center gap-1 sm:gap-3">
          {session ? (
            <>
              <div className="hidden text-right lg:block">
                <p className="max-w-72 truncate text-sm text-neutral-600" data-testid="signed-in-as">
                  Signed in as <span className="font-medium text-neutral-900">{session.email}</span>
                </p>
                <SessionExpiry expiresAt={session.expiresAt.getTime()} renderedAt={renderedAt} />
              </div>
              <Suspense fallback={<CartLinkView count={null} />}>
                <CartLink token={session.token} />
              </Suspense>
              <LogoutButton />
            </>
          ) : (
            <>
              <Link
                href="/login"
                className="rounded-md px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900"
              >
                Log in
              </Link>
              <Link
                href="/signup"
                className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
      <SessionWatch expiresAt={session ? session.expiresAt.getTime() : null} />
      {session ? (
        <Suspense fallback={null}>
          <VerifyEmailNotice token={session.token} />
        </Suspense>
      ) : null}
    </header>
  );
}
