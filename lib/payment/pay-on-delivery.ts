import type { PaymentProvider } from "./provider";

/** The courier collects the total when the order arrives; nothing is charged online. */
export const payOnDelivery: PaymentProvider = {
  method: "pay_on_delivery",
  label: "Pay on delivery",
  description: "Pay the courier by card or cash when your order arrives. Nothing is charged now.",
  async collect() {
    return { status: "due_on_delivery" };
  },
};
