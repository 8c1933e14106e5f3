import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Reset password", referrer: "no-referrer" };

// The link's secret is in the URL fragment, which the page reads in the browser.
export default function ResetPasswordPage() {
  return (
    <AuthCard title="Choose a new password" subtitle="Every device signed in to your account will be logged out.">
      <ResetPasswordForm />
    </AuthCard>
  );
}
