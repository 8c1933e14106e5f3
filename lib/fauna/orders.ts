import "server-only";
import { fql, ServiceError, TimeStub } from "fauna";
import type { ShippingAddress } from "../checkout-validation";
import { lineTotal } from "../money";
import { withShopperToken } from "./client";
import { InvalidCursorError, isBadDocumentId } from "./errors";
import type { OrderDetail, OrderStatus, OrderSummary, PlacedOrder } from "./order-types";
import type { Page } from "./types";
import { withShopRules } from "./shop-errors";

export const ORDERS_PER_PAGE = 10;

type RawSummary = { id: string; status: OrderStatus; placedAt: TimeStub; total: number; itemCount: number };

const summaryFields = fql`
  id: order.id,
  status: order.status,
  placedAt: order.placedAt,
  total: order.total,
  itemCount: OrderItem.byOrder(order).fold(0, (count, item) => count + item.quantity)
`;

const toSummary = (raw: RawSummary): OrderSummary => ({ ...raw, placedAt: raw.placedAt.toDate() });

/** The shopper's placed orders, newest first; `after` is the cursor of the previous page. */
export async function listOrders(tokenSecret: string, { after }: { after?: string } = {}): Promise<Page<OrderSummary>> {
  const query = after
    ? fql`Set.paginate(${after})`
    : fql`
        let me: Any = Query.identity()
        Order.placedByCustomer(me).map(placed => {
          let order: Any = placed
          { ${summaryFields} }
        }).paginate(${ORDERS_PER_PAGE})
      `;
  try {
    const { data } = await withShopperToken(tokenSecret, (client) =>
      client.query<{ data: RawSummary[]; after?: string }>(query),
    );
    return { data: data.data.map(toSummary), after: data.after ?? null };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "invalid_cursor") {
      throw new InvalidCursorError("Unknown cursor", { cause: error });
    }
    throw error;
  }
}

type RawDetail = RawSummary & {
  cancelledAt: TimeStub | null;
  shippingAddress: ShippingAddress;
  payment: { method: string };
  lines: { productId: string | null; name: string; unitPrice: number; quantity: number }[];
};

const DOCUMENT_ID = /^\d{1,19}$/;

/**
 * One of the shopper's placed orders with the prices paid, or null. Another
 * shopper's order is unreadable for this token, so it is null too.
 */
export async function getOrder(tokenSecret: string, id: string): Promise<OrderDetail | null> {
  if (!DOCUMENT_ID.test(id)) return null;
  try {
    const { data } = await withShopperToken(tokenSecret, (client) =>
      client.query<RawDetail | null>(fql`
        let order: Any = Order.byId(${id})
        if (order == null || order.status == "cart") null else {
          ${summaryFields},
          cancelledAt: order.cancelledAt,
          shippingAddress: order.shippingAddress,
          payment: order.payment,
          lines: OrderItem.byOrder(order).map(item => {
            let line: Any = item
            { productId: line.product?.id, name: line.productName, unitPrice: line.unitPrice, quantity: line.quantity }
          }).toArray()
        }
      `),
    );
    if (!data) return null;
    return {
      ...toSummary(data),
      cancelledAt: data.cancelledAt?.toDate() ?? null,
      shippingAddress: data.shippingAddress,
      paymentMethod: data.payment.method,
      lines: data.lines.map((line) => ({ ...line, lineTotal: lineTotal(line.unitPrice, line.quantity) })),
    };
  } catch (error) {
    if (isBadDocumentId(error)) return null;
    throw error;
  }
}

/** The address the shopper last shipped to, for prefilling checkout. */
export async function getSavedAddress(tokenSecret: string): Promise<ShippingAddress | null> {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<ShippingAddress | null>(fql`
      let me: Any = Query.identity()
      me?.address
    `),
  );
  return data;
}

/** Checkout: places the cart in one transaction. Throws ShopRuleError when refused. */
export async function placeOrder(tokenSecret: string, address: ShippingAddress): Promise<PlacedOrder> {
  const { data } = await withShopRules(() =>
    withShopperToken(tokenSecret, (client) => client.query<PlacedOrder>(fql`Checkout(${address})`)),
  );
  return data;
}

/** Cancels a processing order of the shopper (CancelOrder). Throws ShopRuleError when refused. */
export async function cancelOrder(tokenSecret: string, orderId: string): Promise<void> {
  await withShopRules(() => withShopperToken(tokenSecret, (client) => client.query(fql`CancelOrder(${orderId})`)));
}
