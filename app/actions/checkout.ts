"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withShopper } from "@/lib/dal";
import {
  addressErrorsOf,
  addressFrom,
  addressMessages,
  addressSchema,
  type AddressErrors,
  type ShippingAddress,
} from "@/lib/checkout-validation";
import { cancelOrder, placeOrder } from "@/lib/fauna/orders";
import { ShopRuleError, shopFailureMessage, shopMessage, shortageMessage } from "@/lib/fauna/shop-errors";
import { logError } from "@/lib/log";
import { checkoutPaymentProvider } from "@/lib/payment";

export type CheckoutState =
  | {
      values: ShippingAddress;
      fieldErrors?: AddressErrors;
      message?: string;
      /** One sentence per cart line that cannot be ordered as it is. */
      shortages?: string[];
    }
  | undefined;

export async function placeOrderAction(_previous: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const values = addressFrom(formData);
  const parsed = addressSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: addressErrorsOf(parsed.error) };

  const outcome = await withShopper("/checkout", async (token) => {
    let placed;
    try {
      placed = await placeOrder(token, parsed.data);
    } catch (error) {
      return { failed: refusal(error, values) };
    }
    const payment = checkoutPaymentProvider();
    const paid = await payment.collect({ orderId: placed.orderId, amount: placed.total, currency: "USD" });
    if (paid.status === "failed") {
      // The order was placed but not paid: cancel it so the stock goes back.
      await cancelOrder(token, placed.orderId).catch((error: unknown) =>
        logError("cancelling an unpaid order failed", error),
      );
      return { failed: { values, message: paid.message } };
    }
    return { orderId: placed.orderId };
  });
  if ("failed" in outcome) return outcome.failed;
  revalidatePath("/", "layout"); // the header's cart count is 0 on the page we go to
  redirect(`/orders/${outcome.orderId}?placed=1`);
}

function refusal(error: unknown, values: ShippingAddress): CheckoutState {
  if (!(error instanceof ShopRuleError)) return { values, message: shopFailureMessage(error) };
  const { rejection } = error;
  if (rejection.reason === "insufficient_stock") {
    return {
      values,
      message: "Some products in your cart are no longer available in the quantity you chose. Nothing was ordered.",
      shortages: rejection.lines.map(shortageMessage),
    };
  }
  if (rejection.reason === "invalid_address") {
    return {
      values,
      message: shopMessage(rejection),
      fieldErrors: Object.fromEntries(rejection.fields.map((field) => [field, [addressMessages[field]]])),
    };
  }
  return { values, message: shopMessage(rejection) };
}
