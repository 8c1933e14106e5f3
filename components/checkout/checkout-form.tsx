"use client";

import Link from "next/link";
import { useActionState } from "react";
import { placeOrderAction } from "@/app/actions/checkout";
import { FormField } from "@/components/auth/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ShippingAddress } from "@/lib/checkout-validation";

type Props = {
  savedAddress: ShippingAddress | null;
  payment: { label: string; description: string };
};

const empty: ShippingAddress = { street: "", city: "", state: "", postalCode: "", country: "" };

/** The shipping address (prefilled from the last order) and "Place order". */
export function CheckoutForm({ savedAddress, payment }: Props) {
  const [state, formAction] = useActionState(placeOrderAction, undefined);
  const values = state?.values ?? savedAddress ?? empty;
  const errors = state?.fieldErrors;
  return (
    <form action={formAction} noValidate className="space-y-6" aria-labelledby="shipping-heading">
      {state?.message ? (
        <div role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200">
          <p className="font-medium">{state.message}</p>
          {state.shortages?.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-5" aria-label="Products short of stock">
              {state.shortages.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {state.shortages?.length ? (
            <Link href="/cart" className="mt-2 inline-block font-medium underline underline-offset-2">
              Update your cart
            </Link>
          ) : null}
        </div>
      ) : null}

      <fieldset className="space-y-4">
        <legend id="shipping-heading" className="text-lg font-semibold">
          Shipping address
        </legend>
        <FormField
          label="Street"
          name="street"
          type="text"
          autoComplete="street-address"
          defaultValue={values.street}
          errors={errors?.street}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label="City"
            name="city"
            type="text"
            autoComplete="address-level2"
            defaultValue={values.city}
            errors={errors?.city}
          />
          <FormField
            label="State"
            name="state"
            type="text"
            autoComplete="address-level1"
            defaultValue={values.state}
            errors={errors?.state}
          />
          <FormField
            label="Postal code"
            name="postalCode"
            type="text"
            autoComplete="postal-code"
            defaultValue={values.postalCode}
            errors={errors?.postalCode}
          />
          <FormField
            label="Country"
            name="country"
            type="text"
            autoComplete="country-name"
            defaultValue={values.country}
            errors={errors?.country}
          />
        </div>
      </fieldset>

      <section aria-labelledby="payment-heading" className="space-y-1">
        <h2 id="payment-heading" className="text-lg font-semibold">
          Payment
        </h2>
        <p className="text-sm font-medium text-neutral-900">{payment.label}</p>
        <p className="text-sm text-neutral-600">{payment.description}</p>
      </section>

      <SubmitButton pendingLabel="Placing order…">Place order</SubmitButton>
    </form>
  );
}
