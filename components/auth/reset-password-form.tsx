"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { checkLink, resetPassword, type LinkState } from "@/app/actions/account-links";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormAlert } from "./form-alert";
import { NewPasswordField } from "./new-password-field";
import { useLinkSecret } from "./use-link-secret";

const EXPIRED = "This link has expired or was already used.";
const UNAVAILABLE = "The shop is temporarily unavailable. Please try again in a moment.";

function ExpiredLink() {
  return (
    <div className="space-y-5">
      <FormAlert message={EXPIRED} />
      <Link
        href="/forgot-password"
        className="block text-center text-sm font-medium text-indigo-600 hover:text-indigo-500"
      >
        Send a new link
      </Link>
    </div>
  );
}

/** Checks the link as the page opens, so an expired one says so before the shopper types. */
export function ResetPasswordForm() {
  const secret = useLinkSecret();
  // What Fauna said about which link: a new secret is "checking" until its own answer arrives.
  const [checked, setChecked] = useState<{ secret: string; state: LinkState } | null>(null);
  const link: LinkState | "checking" =
    secret === null ? "expired" : secret !== undefined && checked?.secret === secret ? checked.state : "checking";

  useEffect(() => {
    if (typeof secret !== "string") return;
    let current = true;
    void checkLink(secret).then((state) => {
      if (current) setChecked({ secret, state });
    });
    return () => {
      current = false;
    };
  }, [secret]);

  if (link === "checking" || !secret) {
    return link === "expired" ? <ExpiredLink /> : <p className="text-sm text-neutral-600">Checking your link…</p>;
  }
  if (link === "expired") return <ExpiredLink />;
  // A new link opened in this tab starts a new form.
  return <NewPasswordForm key={secret} secret={secret} unavailable={link === "unavailable"} />;
}

function NewPasswordForm({ secret, unavailable }: { secret: string; unavailable: boolean }) {
  const [state, formAction] = useActionState(resetPassword, undefined);
  if (state?.expired) return <ExpiredLink />;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="token" value={secret} />
      <FormAlert message={state?.message ?? (unavailable ? UNAVAILABLE : undefined)} />
      <NewPasswordField label="New password" name="newPassword" errors={state?.fieldErrors?.newPassword} />
      <SubmitButton pendingLabel="Resetting password…">Reset password</SubmitButton>
    </form>
  );
}
