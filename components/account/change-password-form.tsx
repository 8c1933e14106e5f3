"use client";

import { useActionState } from "react";
import { changePassword } from "@/app/actions/account";
import { FormAlert } from "@/components/auth/form-alert";
import { FormField } from "@/components/auth/form-field";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { SubmitButton } from "@/components/ui/submit-button";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(changePassword, undefined);
  return (
    <form action={formAction} noValidate className="space-y-5" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="text-lg font-semibold">
        Change password
      </h2>
      {state?.ok ? <FormAlert tone="info" message={state.message} /> : <FormAlert message={state?.message} />}
      <FormField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={state?.fieldErrors?.currentPassword}
      />
      <NewPasswordField
        label="New password"
        name="newPassword"
        errors={state?.fieldErrors?.newPassword}
        userInputs={[email]}
      />
      <SubmitButton pendingLabel="Changing password…">Change password</SubmitButton>
    </form>
  );
}
