import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { LogoutEverywhereButton } from "@/components/account/logout-everywhere-button";
import { LogoutButton } from "@/components/auth/logout-button";
import { requireSession, withShopper } from "@/lib/dal";
import { getCurrentCustomer } from "@/lib/fauna/customers";

export const metadata: Metadata = { title: "Your account" };

const timeFormat = new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage() {
  const session = await requireSession("/account");
  const customer = await withShopper("/account", getCurrentCustomer);
  const email = customer?.email ?? session.email;

  return (
    <div className="mx-auto max-w-xl space-y-6 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <div className="rounded-xl border border-neutral-200 bg-white p-6 shadow-xs">
        <dl className="space-y-4 text-sm">
          <div>
            <dt className="text-neutral-500">Email</dt>
            <dd className="mt-1 font-medium text-neutral-900" data-testid="account-email">
              {email}
            </dd>
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
        <ChangePasswordForm email={email} />
      </div>
    </div>
  );
}
