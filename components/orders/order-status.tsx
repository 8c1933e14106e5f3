import clsx from "clsx";
import type { OrderStatus } from "@/lib/fauna/order-types";

const labels: Record<OrderStatus, string> = { processing: "Processing", cancelled: "Cancelled" };

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span
      data-testid="order-status"
      className={clsx(
        "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium",
        status === "processing" && "bg-amber-50 text-amber-800 ring-1 ring-amber-200",
        status === "cancelled" && "bg-neutral-100 text-neutral-600 ring-1 ring-neutral-200",
      )}
    >
      {labels[status]}
    </span>
  );
}
