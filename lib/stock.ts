// How many units a shopper can order now: the stock on hand plus, when backorders are
// allowed (backorderLimit > 0), that many below zero. Mirrors OrderableQuantity in
// schema/orders.fsl, which is the rule Fauna enforces; the app uses it for the UI.

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 50;

export type StockLevels = { quantity: number; backorderLimit: number };

export function orderableQuantity({ quantity, backorderLimit }: StockLevels): number {
  return Math.max(quantity + Math.max(backorderLimit, 0), 0);
}

/** The most a shopper can put on one cart line for this product (0 = sold out). */
export function maxLineQuantity(stock: StockLevels): number {
  return Math.min(orderableQuantity(stock), MAX_LINE_QUANTITY);
}

// A product with this many units or fewer on hand says how many are left.
export const LOW_STOCK = 5;

export type StockLabel = { text: string; tone: "ok" | "low" | "backorder" | "out" };

/** What a shopper reads about availability: never raw counts or database flags. */
export function stockLabel(stock: StockLevels): StockLabel {
  const { quantity } = stock;
  if (quantity > LOW_STOCK) return { text: "In stock", tone: "ok" };
  if (quantity > 0) return { text: `Only ${quantity} left`, tone: "low" };
  // Nothing on hand, but the store takes backorders (up to backorderLimit units).
  if (orderableQuantity(stock) > 0) return { text: "Ships in about two weeks", tone: "backorder" };
  return { text: "Sold out", tone: "out" };
}
