import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { LogoutEverywhereButton } from "@/components/account/logout-everywhere-button";
import { ResendVerificationButton } from "@/components/account/resend-verification-button";
import { SessionList } from "@/components/account/session-list";
import { LogoutButton } from "@/components/auth/logout-button";
import { requireSession, withShopper } from "@/lib/dal";
import { getCurrentCustomer } from "@/lib/fauna/customers";
import { listSessions } from "@/lib/fauna/sessions";

export const metadata: Metadata = { title: "Your account" };

const timeFormat = new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage() {
  const session = await requireSession("/account");
  const [customer, sessions] = await withShopper("/account", (token) =>
    Promise.all([getCurrentCustomer(token), listSessions(token)]),
  );
  const email = customer?.email ?? session.email;

  return (
    <div className="mx-auto max-w-xl space-y-6 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <div className="rounded-xl border border-neutral-200 bg-white p-6 shadow-xs">
        <dl className="space-y-4 text-sm">
          <div>
            <dt className="text-neutral-500">Email</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-2 font-medium text-neutral-900">
              <span data-testid="account-email" className="break-all">
                {email}
              </span>
              {customer?.emailVerified ? (
                <span
                  data-testid="email-status"
                  className="rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 ring-1 ring-green-200"
                >
                  Verified
                </span>
              ) : (
                <span
                  data-testid="email-status"
                  className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200"
                >
                  Not verified
                </span>
              )}
            </dd>
            {customer && !customer.emailVerified ? (
              <div className="mt-2 space-y-2">
                <p className="text-neutral-600">Follow the link we emailed you to verify this address.</p>
                <ResendVerificationButton />
              </div>
            ) : null}
          </div>
          <div>
            <dt className="text-neutral-500">Session</dt>
            <dd className="mt-1 text-neutral-900">Signed in until {timeFormat.format(session.expiresAt)} UTC</dd>
          </div>
        </dl>
        <div className="mt-6 space-y-3 border-t border-neutral-200 pt-6">
          <LogoutButton variant="primary" />
          <LogoutEverywhereButton />
        </div>
      </div>
      <div className="rounded-xl border border-neutral-200 bg-white p-6 shadow-xs">
        <SessionList sessions={sessions} />
      </div>
      <div className="rounded-xl border border-neutral-200 bg-white p-6 shadow-xs">
        <ChangePasswordForm email={email} />
      </div>
    </div>
  );
}
