import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CancelOrderForm } from "@/components/orders/cancel-order-form";
import { formatOrderTime, itemsLabel } from "@/components/orders/format";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { Price } from "@/components/product/price";
import { withShopper } from "@/lib/dal";
import { getOrder } from "@/lib/fauna/orders";
import { paymentLabel } from "@/lib/payment";

// One Fauna read per request, shared by the metadata and the page.
const loadOrder = cache((id: string) => withShopper(`/orders/${id}`, (token) => getOrder(token, id)));

export async function generateMetadata({ params }: PageProps<"/orders/[id]">): Promise<Metadata> {
  const order = await loadOrder((await params).id);
  return { title: order ? `Order #${order.id}` : "Order not found" };
}

export default async function OrderPage({ params, searchParams }: PageProps<"/orders/[id]">) {
  const order = await loadOrder((await params).id);
  if (!order) notFound();
  const justPlaced = (await searchParams).placed === "1" && order.status === "processing";
  const { shippingAddress: address } = order;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-neutral-500">
        <Link href="/orders" className="hover:text-neutral-900">
          Your orders
        </Link>
        <span aria-hidden className="mx-2">
          /
        </span>
        <span className="text-neutral-900">#{order.id}</span>
      </nav>

      {justPlaced ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200"
        >
          Thank you — your order is placed. You pay on delivery.
        </p>
      ) : null}

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
            Order <span className="font-mono text-lg font-medium text-neutral-700 sm:text-2xl">#{order.id}</span>
          </h1>
          <p className="mt-1 text-sm text-neutral-600">
            Placed {formatOrderTime(order.placedAt)} · {itemsLabel(order.itemCount)}
            {order.cancelledAt ? ` · cancelled ${formatOrderTime(order.cancelledAt)}` : null}
          </p>
        </div>
        <OrderStatusBadge status={order.status} />
      </div>

      <section
        aria-labelledby="items-heading"
        className="rounded-xl border border-neutral-200 bg-white px-5 shadow-xs sm:px-6"
      >
        <h2 id="items-heading" className="sr-only">
          Items
        </h2>
        <ul aria-label="Items" className="divide-y divide-neutral-200">
          {order.lines.map((line) => (
            <li key={`${line.productId}-${line.name}`} className="flex items-start justify-between gap-4 py-4">
              <div className="min-w-0">
                <p className="font-medium text-neutral-900 capitalize">
                  {line.productId ? (
                    <Link href={`/products/${line.productId}`} className="hover:text-indigo-600">
                      {line.name}
                    </Link>
                  ) : (
                    line.name
                  )}
                </p>
                <p className="mt-0.5 text-sm text-neutral-600" data-testid="paid-unit-price">
                  {line.quantity} × <Price amount={line.unitPrice} />
                </p>
              </div>
              <Price amount={line.lineTotal} className="shrink-0 font-semibold" />
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-neutral-200 py-4 text-lg font-semibold">
          <span>Total</span>
          <Price amount={order.total} />
        </p>
      </section>

      <div className="grid gap-6 sm:grid-cols-2">
        <section
          aria-labelledby="address-heading"
          className="rounded-xl border border-neutral-200 bg-white p-5 shadow-xs"
        >
          <h2 id="address-heading" className="text-sm font-semibold text-neutral-500">
            Shipping address
          </h2>
          <address className="mt-2 text-sm text-neutral-900 not-italic" data-testid="shipping-address">
            {address.street}
            <br />
            {address.city}, {address.state} {address.postalCode}
            <br />
            {address.country}
          </address>
        </section>
        <section
          aria-labelledby="payment-heading"
          className="rounded-xl border border-neutral-200 bg-white p-5 shadow-xs"
        >
          <h2 id="payment-heading" className="text-sm font-semibold text-neutral-500">
            Payment
          </h2>
          <p className="mt-2 text-sm text-neutral-900">{paymentLabel(order.paymentMethod)}</p>
        </section>
      </div>

      {order.status === "processing" ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-neutral-600">Changed your mind? You can cancel while the order is processing.</p>
          <CancelOrderForm orderId={order.id} />
        </div>
      ) : null}
    </div>
  );
}
