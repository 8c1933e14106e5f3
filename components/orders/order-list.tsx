import Link from "next/link";
import { Price } from "@/components/product/price";
import type { OrderSummary } from "@/lib/fauna/order-types";
import { formatOrderTime, itemsLabel } from "./format";
import { OrderStatusBadge } from "./order-status";

export function OrderList({ orders }: { orders: OrderSummary[] }) {
  return (
    <ul
      aria-label="Orders"
      className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 bg-white shadow-xs"
    >
      {orders.map((order) => (
        <li
          key={order.id}
          data-order-id={order.id}
          className="relative flex items-start justify-between gap-4 px-5 py-4 hover:bg-neutral-50"
        >
          <div className="min-w-0">
            <h2 className="text-sm font-semibold text-neutral-900">
              <Link href={`/orders/${order.id}`} className="after:absolute after:inset-0">
                Order <span className="font-mono font-medium">#{order.id}</span>
              </Link>
            </h2>
            <p className="mt-0.5 text-sm text-neutral-600">
              Placed {formatOrderTime(order.placedAt)} · {itemsLabel(order.itemCount)}
            </p>
          </div>
          <div className="flex shrink-0 flex-col items-end gap-1.5">
            <Price amount={order.total} className="font-semibold" />
            <OrderStatusBadge status={order.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
