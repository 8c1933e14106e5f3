"use server";

import { refresh } from "next/cache";
import { withShopper } from "@/lib/dal";
import { documentId } from "@/lib/checkout-validation";
import { cancelOrder } from "@/lib/fauna/orders";
import { shopFailureMessage } from "@/lib/fauna/shop-errors";

export type CancelOrderState = { ok: boolean; message: string } | undefined;

export async function cancelOrderAction(_previous: CancelOrderState, formData: FormData): Promise<CancelOrderState> {
  const parsed = documentId.safeParse(formData.get("orderId"));
  if (!parsed.success) return { ok: false, message: "We couldn't find that order." };
  const orderId = parsed.data;

  return withShopper(`/orders/${orderId}`, async (token) => {
    try {
      await cancelOrder(token, orderId);
      refresh();
      return { ok: true, message: "Your order is cancelled." };
    } catch (error) {
      return { ok: false, message: shopFailureMessage(error) };
    }
  });
}
