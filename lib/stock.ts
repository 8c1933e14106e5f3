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
