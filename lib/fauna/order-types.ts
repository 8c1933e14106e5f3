import type { ShippingAddress } from "../checkout-validation";

export type CartLine = {
  productId: string;
  /** null for a product an operator deleted since (the line can still be removed). */
  name: string | null;
  /** Today's price; Checkout copies it onto the line. */
  unitPrice: number | null;
  quantity: number;
  lineTotal: number;
  /** Units that can be ordered now (0 = sold out or gone). */
  orderable: number;
};

export type Cart = {
  lines: CartLine[];
  itemCount: number;
  total: number;
};

export type OrderStatus = "processing" | "cancelled";

export type OrderSummary = {
  id: string;
  status: OrderStatus;
  placedAt: Date;
  total: number;
  itemCount: number;
};

export type OrderLine = {
  productId: string | null;
  name: string;
  /** The price paid. */
  unitPrice: number;
  quantity: number;
  lineTotal: number;
};

export type OrderDetail = OrderSummary & {
  cancelledAt: Date | null;
  shippingAddress: ShippingAddress;
  paymentMethod: string;
  lines: OrderLine[];
};

export type PlacedOrder = { orderId: string; total: number };
