"use client";

import { useActionState } from "react";
import { logIn } from "@/app/actions/auth";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField } from "./email-field";
import { FormAlert } from "./form-alert";
import { FormField } from "./form-field";

export function LoginForm({ next }: { next: string | null }) {
  const [state, formAction] = useActionState(logIn, undefined);
  return (
    <form action={formAction} noValidate className="space-y-5">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormAlert message={state?.message} />
      <EmailField defaultValue={state?.email} errors={state?.fieldErrors?.email} />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        errors={state?.fieldErrors?.password}
      />
      <SubmitButton pendingLabel="Logging in…">Log in</SubmitButton>
    </form>
  );
}
