import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmailStatus } from "@/components/auth/verify-email-status";

export const metadata: Metadata = { title: "Verify your email", referrer: "no-referrer" };

// The link's secret is in the URL fragment, which the page reads in the browser.
export default function VerifyEmailPage() {
  return (
    <AuthCard title="Verify your email" subtitle="Confirming the address of your Storefront account.">
      <VerifyEmailStatus />
    </AuthCard>
  );
}
