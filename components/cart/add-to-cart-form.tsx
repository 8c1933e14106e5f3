"use client";

import Link from "next/link";
import { useActionState } from "react";
import { addToCartAction } from "@/app/actions/cart";
import { SubmitButton } from "@/components/ui/submit-button";

/** Quantity and "Add to cart" for one product; disabled when nothing can be ordered. */
export function AddToCartForm({ productId, maxQuantity }: { productId: string; maxQuantity: number }) {
  const [state, formAction] = useActionState(addToCartAction, undefined);
  const soldOut = maxQuantity === 0;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="add-quantity" className="block text-sm font-medium text-neutral-900">
            Quantity
          </label>
          <input
            id="add-quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(maxQuantity, 1)}
            defaultValue={state?.ok === false ? state.quantity : "1"}
            disabled={soldOut}
            aria-describedby={state?.message ? "add-to-cart-message" : undefined}
            className="mt-1.5 block h-10 w-20 rounded-md border border-neutral-300 bg-white px-3 text-neutral-900 shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none disabled:bg-neutral-100 disabled:text-neutral-400"
          />
        </div>
        {soldOut ? (
          <button
            type="button"
            disabled
            className="w-full cursor-not-allowed rounded-md bg-neutral-200 px-4 py-2.5 text-sm font-medium text-neutral-500 sm:w-auto"
          >
            Add to cart
          </button>
        ) : (
          <SubmitButton pendingLabel="Adding…" className="sm:w-auto sm:px-6">
            Add to cart
          </SubmitButton>
        )}
      </div>
      {/* Sold out: the product page's stock status above the form already says so. */}
      {!soldOut && state?.message ? (
        <p
          id="add-to-cart-message"
          role={state.ok ? "status" : "alert"}
          className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-600"}
        >
          {state.message}
          {state.ok ? (
            <>
              {" "}
              <Link href="/cart" className="font-medium text-indigo-600 underline-offset-2 hover:underline">
                View cart
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}
