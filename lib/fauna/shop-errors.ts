import "server-only";
import { AbortError } from "fauna";
import { z } from "zod";
import { addressFields } from "../checkout-validation";
import { logError } from "../log";
import { FaunaUnavailableError, SessionExpiredError, shopperMessages } from "./errors";

// The structured refusals of the cart and order UDFs (schema/orders.fsl), as data.
const shortage = z.object({
  productId: z.string().nullable(),
  name: z.string().nullable(),
  requested: z.number(),
  available: z.number(),
});
export type StockShortage = z.infer<typeof shortage>;

const rejection = z.discriminatedUnion("reason", [
  z.object({ reason: z.literal("insufficient_stock"), lines: z.array(shortage) }),
  z.object({ reason: z.literal("invalid_quantity"), max: z.number() }),
  z.object({ reason: z.literal("product_not_found") }),
  z.object({ reason: z.literal("not_in_cart") }),
  z.object({ reason: z.literal("cart_full"), maxLines: z.number() }),
  z.object({ reason: z.literal("empty_cart") }),
  z.object({ reason: z.literal("invalid_address"), fields: z.array(z.enum(addressFields)) }),
  z.object({ reason: z.literal("order_not_found") }),
  z.object({ reason: z.literal("not_cancellable"), status: z.string() }),
  z.object({ reason: z.literal("not_signed_in") }),
]);
export type ShopRejection = z.infer<typeof rejection>;

/** A cart or order UDF refused the request; `rejection` says why. */
export class ShopRuleError extends Error {
  override name = "ShopRuleError";
  constructor(readonly rejection: ShopRejection) {
    super(`Refused: ${rejection.reason}`);
  }
}

/** Runs a UDF call and turns its abort() value into a ShopRuleError. */
export async function withShopRules<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AbortError) {
      const parsed = rejection.safeParse(error.abort);
      if (parsed.success) throw new ShopRuleError(parsed.data);
    }
    throw error;
  }
}

const units = (n: number) => `${n} ${n === 1 ? "unit" : "units"}`;

/** What a shopper reads about one short line. */
export function shortageMessage({ name, requested, available }: StockShortage): string {
  const what = name ?? "A product that is no longer sold";
  if (available === 0) return `${what}: sold out (you asked for ${units(requested)}).`;
  return `${what}: only ${units(available)} left (you asked for ${requested}).`;
}

/** The sentence a cart, checkout or order form shows for a refusal. */
export function shopMessage(refusal: ShopRejection): string {
  switch (refusal.reason) {
    case "insufficient_stock": {
      const [only] = refusal.lines;
      if (refusal.lines.length === 1 && only) {
        return only.available === 0
          ? "Sold out."
          : `Only ${units(only.available)} left — you can order up to ${only.available}.`;
      }
      return "Some products in your cart are no longer available in the quantity you chose.";
    }
    case "invalid_quantity":
      return `Choose a quantity from 1 to ${refusal.max}.`;
    case "product_not_found":
      return "This product is no longer available.";
    case "not_in_cart":
      return "This product is no longer in your cart.";
    case "cart_full":
      return `Your cart can hold up to ${refusal.maxLines} different products.`;
    case "empty_cart":
      return "Your cart is empty.";
    case "invalid_address":
      return "Check the highlighted address fields.";
    case "order_not_found":
      return "We couldn't find that order.";
    case "not_cancellable":
      return "This order can no longer be cancelled.";
    case "not_signed_in":
      return "Your session has expired. Please log in again.";
  }
}

/**
 * The sentence for a failed cart or order call. A rejected token is rethrown, so
 * withShopper (lib/dal.ts) can send the shopper to log in again.
 */
export function shopFailureMessage(error: unknown): string {
  if (error instanceof SessionExpiredError) throw error;
  if (error instanceof ShopRuleError) return shopMessage(error.rejection);
  if (error instanceof FaunaUnavailableError) return shopperMessages.unavailable;
  logError("unexpected error in a cart or order action", error);
  return "Something went wrong on our side. Please try again.";
}
