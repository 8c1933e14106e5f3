import { ResendVerificationButton } from "@/components/account/resend-verification-button";
import { unverifiedEmailForHeader } from "@/lib/dal";

/** Under the header until the shopper follows the link we mailed; nothing else waits for it. */
export async function VerifyEmailNotice({ token }: { token: string }) {
  const email = await unverifiedEmailForHeader(token);
  if (!email) return null;
  return (
    <div data-testid="verify-email-notice" className="border-t border-amber-200 bg-amber-50">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm text-amber-900 sm:px-6 lg:px-8">
        <p>
          <span className="font-semibold">Verify your email</span>
          <span className="max-sm:hidden"> — we sent a link to {email}</span>
        </p>
        <ResendVerificationButton />
      </div>
    </div>
  );
}
