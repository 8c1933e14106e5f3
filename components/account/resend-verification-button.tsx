"use client";

import clsx from "clsx";
import { useActionState } from "react";
import { postJson, type PostAnswer } from "@/lib/http/post-json";
import { SubmitButton } from "@/components/ui/submit-button";

async function resend(): Promise<PostAnswer> {
  return postJson("/api/email-verification", {});
}

/** "Resend" for the verification mail, with what happened next to it. */
export function ResendVerificationButton({ className }: { className?: string }) {
  const [state, formAction] = useActionState(resend, undefined);
  return (
    <form action={formAction} className={clsx("flex flex-wrap items-center gap-x-3 gap-y-1", className)}>
      <SubmitButton variant="quiet" pendingLabel="Sending…" className="bg-white ring-1 ring-neutral-300">
        Resend
      </SubmitButton>
      {state?.message ? (
        <span
          role={state.done ? "status" : "alert"}
          className={clsx("text-sm", state.done ? "text-neutral-700" : "text-red-700")}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
