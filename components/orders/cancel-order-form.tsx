"use client";

import { useActionState } from "react";
import { cancelOrderAction } from "@/app/actions/orders";
import { SubmitButton } from "@/components/ui/submit-button";

export function CancelOrderForm({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(cancelOrderAction, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton
        pendingLabel="Cancelling…"
        variant="quiet"
        className="w-full border border-neutral-300 bg-white hover:border-red-300 hover:text-red-700 sm:w-auto"
      >
        Cancel order
      </SubmitButton>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
