"use client";

import { useEffect, useState } from "react";
import type { AuthFormState } from "@/lib/auth/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmPasswordProblem, emailProblem } from "@/lib/signup-checks";
import { EmailField } from "./email-field";
import { FormAlert } from "./form-alert";
import { FormField } from "./form-field";
import { NewPasswordField } from "./new-password-field";
import { useAuthPost } from "./use-auth-post";

const FIELDS = ["email", "password", "confirmPassword"] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string[]>>;

const errorsOf = (state: AuthFormState): Errors => ({
  email: state?.fieldErrors?.email,
  password: state?.fieldErrors?.password,
  confirmPassword: state?.fieldErrors?.confirmPassword,
});

/** `initial`: what a form post without JavaScript came back with (lib/auth/flash.ts). */
export function SignupForm({ next, initial }: { next: string | null; initial?: AuthFormState }) {
  const [state, formProps] = useAuthPost("/api/signup", initial);
  // The server's field errors, then re-checked as the shopper fixes each field.
  const [errors, setErrors] = useState<Errors>(() => errorsOf(state));
  const [answered, setAnswered] = useState<AuthFormState>(state);
  if (answered !== state) {
    setAnswered(state);
    setErrors(errorsOf(state));
  }
  // Both passwords are kept (controlled) after a refused sign-up, so fixing one field
  // does not mean typing the others again.
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [shown, setShown] = useState(false);

  // After each answer, focus moves to the first invalid field, whose error is then read out.
  useEffect(() => {
    const first = FIELDS.find((field) => state?.fieldErrors?.[field]?.length);
    if (first) document.getElementById(`field-${first}`)?.focus();
  }, [state]);

  // A shown error follows the input: it changes with it and goes once the input is valid.
  const recheck = (field: Field, problem: string | null) =>
    setErrors((current) => (current[field] ? { ...current, [field]: problem ? [problem] : undefined } : current));

  return (
    <form {...formProps} noValidate className="space-y-5">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormAlert message={state?.message} />
      <EmailField
        defaultValue={state?.email}
        errors={errors.email}
        onChange={(value) => recheck("email", emailProblem(value))}
      />
      <NewPasswordField
        label="Password"
        name="password"
        shown={shown}
        value={password}
        errors={errors.password}
        onChange={(value) => {
          setPassword(value);
          if (confirmation) recheck("confirmPassword", confirmPasswordProblem(value, confirmation));
        }}
        onProblem={(problem) => recheck("password", problem)}
      />
      <FormField
        label="Confirm password"
        name="confirmPassword"
        type={shown ? "text" : "password"}
        autoComplete="new-password"
        value={confirmation}
        errors={errors.confirmPassword}
        onChange={(value) => {
          setConfirmation(value);
          recheck("confirmPassword", confirmPasswordProblem(password, value));
        }}
      />
      <label className="flex items-center gap-2 text-sm text-neutral-700">
        <input
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
          className="size-4 rounded border-neutral-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        />
        Show password
      </label>
      <SubmitButton pendingLabel="Creating your account…">Sign up</SubmitButton>
    </form>
  );
}
