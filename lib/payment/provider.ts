// The payment seam. Checkout (schema/orders.fsl) places the order and records
// `payment: { method }`; the provider then settles it. Only pay-on-delivery exists
// today — see README "Cart, checkout and orders" for where a card provider plugs in.

export type PaymentRequest = {
  orderId: string;
  /** The order's total as Fauna computed it at checkout, in dollars. */
  amount: number;
  currency: "USD";
};

export type PaymentOutcome =
  /** Nothing to collect now; the courier collects `amount` on delivery. */
  | { status: "due_on_delivery" }
  /** Settled by the provider; `reference` identifies the payment there. */
  | { status: "paid"; reference: string }
  /** Declined or failed: the app cancels the order, which puts the stock back. */
  | { status: "failed"; message: string };

export interface PaymentProvider {
  /** Stored on the order as `payment.method`. */
  readonly method: string;
  /** What the checkout page tells the shopper. */
  readonly label: string;
  readonly description: string;
  /** Settles a placed order. Must be idempotent per orderId (a retry must not charge twice). */
  collect(request: PaymentRequest): Promise<PaymentOutcome>;
}
