"use client";

import type { AuthFormState } from "@/lib/auth/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField } from "./email-field";
import { FormAlert } from "./form-alert";
import { FormField } from "./form-field";
import { useAuthPost } from "./use-auth-post";

/** `initial`: what a form post without JavaScript came back with (lib/auth/flash.ts). */
export function LoginForm({ next, initial }: { next: string | null; initial?: AuthFormState }) {
  const [state, formProps] = useAuthPost("/api/login", initial);
  return (
    <form {...formProps} noValidate className="space-y-5">
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
