import type { PaymentProvider } from "./provider";
import { payOnDelivery } from "./pay-on-delivery";

export type { PaymentOutcome, PaymentProvider, PaymentRequest } from "./provider";

const providers: Record<string, PaymentProvider> = { [payOnDelivery.method]: payOnDelivery };

/** The provider checkout uses. A second provider would be chosen here (e.g. by the shopper's pick). */
export const checkoutPaymentProvider = (): PaymentProvider => payOnDelivery;

/** The shopper-facing name of a stored `payment.method`. */
export const paymentLabel = (method: string): string => providers[method]?.label ?? method;
