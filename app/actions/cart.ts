"use server";

import { refresh } from "next/cache";
import { withShopper } from "@/lib/dal";
import { cartLineSchema } from "@/lib/checkout-validation";
import { addToCart, updateCartItem } from "@/lib/fauna/cart";
import { shopFailureMessage } from "@/lib/fauna/shop-errors";

export type CartActionState = { ok: boolean; message: string; quantity?: string } | undefined;

const lineFrom = (formData: FormData) => ({
  productId: String(formData.get("productId") ?? ""),
  quantity: String(formData.get("quantity") ?? ""),
});

const refusal = (error: unknown, quantity: string): CartActionState => ({
  ok: false,
  message: shopFailureMessage(error),
  quantity,
});

// Actions are public endpoints: each one re-checks the session through withShopper,
// and Fauna acts only for the token's own customer.
export async function addToCartAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const input = lineFrom(formData);
  const parsed = cartLineSchema(1).safeParse(input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Check the quantity.", quantity: input.quantity };
  const { productId, quantity } = parsed.data;

  return withShopper(`/products/${productId}`, async (token) => {
    try {
      const { itemCount } = await addToCart(token, productId, quantity);
      refresh(); // the header's cart count
      return {
        ok: true,
        message: `Added to cart. Your cart holds ${itemCount} ${itemCount === 1 ? "item" : "items"}.`,
      };
    } catch (error) {
      return refusal(error, input.quantity);
    }
  });
}

/** The quantity field's "Update" (intent=update) or the line's "Remove" (intent=remove). */
export async function updateCartLineAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const input = lineFrom(formData);
  const remove = formData.get("intent") === "remove";
  const parsed = cartLineSchema(0).safeParse(remove ? { ...input, quantity: "0" } : input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Check the quantity.", quantity: input.quantity };
  const { productId, quantity } = parsed.data;

  return withShopper("/cart", async (token) => {
    try {
      await updateCartItem(token, productId, quantity);
      refresh();
      return { ok: true, message: quantity === 0 ? "Removed." : "Updated.", quantity: String(quantity) };
    } catch (error) {
      return refusal(error, input.quantity);
    }
  });
}
