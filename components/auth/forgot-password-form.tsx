"use client";

import Link from "next/link";
import { useActionState } from "react";
import { postJson, type PostAnswer } from "@/lib/http/post-json";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField } from "./email-field";
import { FormAlert } from "./form-alert";

type State = (PostAnswer & { email: string }) | undefined;

async function requestLink(_previous: State, formData: FormData): Promise<State> {
  const email = String(formData.get("email") ?? "");
  return { email, ...(await postJson("/api/password-reset", { email })) };
}

export function ForgotPasswordForm() {
  const [state, formAction] = useActionState(requestLink, undefined);
  if (state?.done) {
    return (
      <div className="space-y-5">
        <FormAlert tone="info" message={state.message} />
        <Link href="/login" className="block text-center text-sm font-medium text-indigo-600 hover:text-indigo-500">
          Back to log in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormAlert message={state?.message} />
      <EmailField defaultValue={state?.email} errors={state?.fieldErrors?.email} />
      <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
