"use client";

import clsx from "clsx";
import { useActionState } from "react";
import { logOut } from "@/app/actions/auth";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormAlert } from "./form-alert";

// When Fauna could not end the session the shopper is still signed in: say so next to
// the button, which becomes the retry.
export function LogoutButton({ variant = "quiet" }: { variant?: "primary" | "quiet" }) {
  const [state, formAction] = useActionState(logOut, undefined);
  return (
    <form action={formAction} className={clsx(variant === "quiet" && "relative")}>
      <SubmitButton variant={variant} pendingLabel="Logging out…">
        {state?.message ? "Try again" : "Log out"}
      </SubmitButton>
      {state?.message ? (
        <div
          className={clsx(
            "whitespace-normal",
            variant === "quiet" ? "absolute top-full right-0 z-20 mt-2 w-72 shadow-lg" : "mt-3",
          )}
        >
          <FormAlert message={state.message} />
        </div>
      ) : null}
    </form>
  );
}
