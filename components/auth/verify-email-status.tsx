"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { confirmEmail, type VerifyEmailState } from "@/app/actions/account-links";
import { FormAlert } from "./form-alert";
import { useLinkSecret } from "./use-link-secret";

const EXPIRED = "This link has expired or was already used.";
const UNAVAILABLE = "The shop is temporarily unavailable. Please open the link again in a moment.";

/** Confirms the email with the link's secret as soon as the page opens. */
export function VerifyEmailStatus() {
  const router = useRouter();
  const secret = useLinkSecret();
  const sentFor = useRef<string | null | undefined>(undefined);
  const [answer, setAnswer] = useState<{ secret: string; result: VerifyEmailState } | null>(null);
  // No secret in the link at all is an expired link; a new secret waits for its own answer.
  const outcome: VerifyEmailState | null =
    secret === null ? { status: "expired" } : answer && answer.secret === secret ? answer.result : null;

  useEffect(() => {
    // A link works once: never send the same one twice.
    if (typeof secret !== "string" || sentFor.current === secret) return;
    sentFor.current = secret;
    void confirmEmail(secret).then((result) => {
      setAnswer({ secret, result });
      // The header's "Verify your email" notice goes away.
      if (result.status === "verified") router.refresh();
    });
  }, [secret, router]);

  if (!outcome) return <p className="text-sm text-neutral-600">Verifying your email…</p>;
  if (outcome.status === "verified") {
    return (
      <div className="space-y-5">
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm font-medium text-green-800 ring-1 ring-green-200"
        >
          Email verified
        </p>
        <p className="text-sm text-neutral-600">
          Thank you. We will use this address for your orders and your account.
        </p>
        <Link href="/products" className="block text-center text-sm font-medium text-indigo-600 hover:text-indigo-500">
          Continue shopping
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <FormAlert message={outcome.status === "expired" ? EXPIRED : UNAVAILABLE} />
      {outcome.status === "expired" ? (
        <p className="text-sm text-neutral-600">
          Signed in? You can send a new link from{" "}
          <Link href="/account" className="font-medium text-indigo-600 hover:text-indigo-500">
            your account
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
