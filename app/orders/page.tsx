import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OrderList } from "@/components/orders/order-list";
import { withShopper } from "@/lib/dal";
import { InvalidCursorError } from "@/lib/fauna/errors";
import { listOrders } from "@/lib/fauna/orders";

export const metadata: Metadata = { title: "Your orders" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function OrdersPage({ searchParams }: PageProps<"/orders">) {
  const after = first((await searchParams).after) || undefined;
  const here = after ? `/orders?after=${encodeURIComponent(after)}` : "/orders";

  let orders;
  try {
    orders = await withShopper(here, (token) => listOrders(token, { after }));
  } catch (error) {
    if (error instanceof InvalidCursorError) redirect("/orders");
    throw error;
  }

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your orders</h1>
      <div className="mt-6">
        {orders.data.length > 0 ? (
          <OrderList orders={orders.data} />
        ) : (
          <div className="rounded-xl border border-dashed border-neutral-300 bg-white p-10 text-center">
            <p className="text-neutral-600">{after ? "No older orders." : "You haven't placed any orders yet."}</p>
            <Link
              href="/products"
              className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500"
            >
              Browse the catalog
            </Link>
          </div>
        )}
      </div>
      <nav aria-label="Order pages" className="mt-6 flex justify-between text-sm font-medium">
        {after ? (
          <Link href="/orders" className="text-indigo-600 hover:text-indigo-500">
            ← Newest orders
          </Link>
        ) : (
          <span />
        )}
        {orders.after ? (
          <Link
            href={`/orders?after=${encodeURIComponent(orders.after)}`}
            className="text-indigo-600 hover:text-indigo-500"
          >
            Older orders →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
