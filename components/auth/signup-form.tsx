"use client";

import { useActionState } from "react";
import { signUp } from "@/app/actions/auth";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField } from "./email-field";
import { FormAlert } from "./form-alert";
import { NewPasswordField } from "./new-password-field";

export function SignupForm({ next }: { next: string | null }) {
  const [state, formAction] = useActionState(signUp, undefined);
  return (
    <form action={formAction} noValidate className="space-y-5">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormAlert message={state?.message} />
      <EmailField defaultValue={state?.email} errors={state?.fieldErrors?.email} />
      <NewPasswordField label="Password" name="password" errors={state?.fieldErrors?.password} />
      <SubmitButton pendingLabel="Creating your account…">Sign up</SubmitButton>
    </form>
  );
}
