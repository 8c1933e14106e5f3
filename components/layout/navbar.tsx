import Link from "next/link";
import { Suspense } from "react";
import { LogoutButton } from "@/components/auth/logout-button";
import { getSession } from "@/lib/dal";
import { CartLink, CartLinkView } from "./cart-link";
import { SessionExpiry } from "./session-expiry";
import { VerifyEmailNotice } from "./verify-email-notice";

export async function Navbar() {
  const session = await getSession();
  const renderedAt = Date.now();
  return (
    <header className="sticky top-0 z-10 border-b border-neutral-200 bg-white/90 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex h-16 max-w-7xl items-center gap-3 px-4 whitespace-nowrap sm:gap-6 sm:px-6 lg:px-8"
      >
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-neutral-900">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
          >
            S
          </span>
          {/* A signed-in phone header also holds Account, Cart and Log out: the logo is enough there. */}
          <span className={session ? "max-sm:sr-only" : undefined}>Storefront</span>
        </Link>
        <Link href="/products" className="hidden text-sm font-medium text-neutral-600 hover:text-neutral-900 sm:inline">
          Shop all
        </Link>
        <div className="ml-auto flex items-center gap-1 sm:gap-3">
          {session ? (
            <>
              <div className="hidden text-right md:block">
                <p className="text-sm text-neutral-600" data-testid="signed-in-as">
                  Signed in as <span className="font-medium text-neutral-900">{session.email}</span>
                </p>
                <SessionExpiry expiresAt={session.expiresAt.getTime()} renderedAt={renderedAt} />
              </div>
              <Link
                href="/orders"
                className="rounded-md px-2 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 sm:px-3"
              >
                Orders
              </Link>
              <Link
                href="/account"
                className="rounded-md px-2 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 sm:px-3"
              >
                Account
              </Link>
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
      {session ? (
        <Suspense fallback={null}>
          <VerifyEmailNotice token={session.token} />
        </Suspense>
      ) : null}
    </header>
  );
}
