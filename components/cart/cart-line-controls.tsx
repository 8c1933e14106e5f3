"use client";

import clsx from "clsx";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { updateCartLineAction } from "@/app/actions/cart";

type Props = { productId: string; name: string; quantity: number; changeable: boolean };

/** One cart line's quantity with "Update", and "Remove". */
export function CartLineControls({ productId, name, quantity, changeable }: Props) {
  const [state, formAction] = useActionState(updateCartLineAction, undefined);
  const inputId = `quantity-${productId}`;
  const messageId = `${inputId}-message`;
  const failed = state?.ok === false;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-1.5">
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-end gap-2">
        {changeable ? (
          <div>
            <label htmlFor={inputId} className="block text-xs font-medium text-neutral-600">
              Quantity
            </label>
            <input
              // Remount with the stored quantity after each successful update.
              key={quantity}
              id={inputId}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={99}
              defaultValue={failed ? state.quantity : String(quantity)}
              aria-invalid={failed}
              aria-describedby={failed ? messageId : undefined}
              aria-label={`Quantity of ${name}`}
              className="mt-1 block w-20 rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 text-sm text-neutral-900 shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none aria-invalid:border-red-500"
            />
          </div>
        ) : null}
        {changeable ? (
          <LineButton intent="update" pendingLabel="Updating…">
            Update
          </LineButton>
        ) : null}
        <LineButton intent="remove" pendingLabel="Removing…" quiet>
          Remove
        </LineButton>
      </div>
      {failed ? (
        <p id={messageId} role="alert" className="text-sm text-red-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

function LineButton({
  intent,
  pendingLabel,
  quiet,
  children,
}: {
  intent: "update" | "remove";
  pendingLabel: string;
  quiet?: boolean;
  children: string;
}) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get("intent") === intent;
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      className={clsx(
        "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-70",
        quiet
          ? "text-neutral-600 hover:bg-neutral-100 hover:text-red-700"
          : "border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-50",
      )}
    >
      {mine ? pendingLabel : children}
    </button>
  );
}
