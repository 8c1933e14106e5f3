import type { Metadata } from "next";
import Link from "next/link";
import { CartLineItem } from "@/components/cart/cart-line";
import { Price } from "@/components/product/price";
import { withShopper } from "@/lib/dal";
import { getCart } from "@/lib/fauna/cart";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const cart = await withShopper("/cart", getCart);

  if (cart.lines.length === 0) {
    return (
      <div className="mx-auto max-w-md py-16 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Your cart is empty</h1>
        <p className="mt-2 text-neutral-600">Find something you like in the catalog and add it here.</p>
        <Link
          href="/products"
          className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Browse the catalog
        </Link>
      </div>
    );
  }

  const blocked = cart.lines.some((line) => line.name === null || line.quantity > line.orderable);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your cart</h1>
      <div className="mt-6 rounded-xl border border-neutral-200 bg-white px-5 shadow-xs sm:px-6">
        <ul aria-label="Cart" className="divide-y divide-neutral-200">
          {cart.lines.map((line) => (
            <CartLineItem key={line.productId} line={line} />
          ))}
        </ul>
      </div>
      <div className="mt-6 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <Link href="/products" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
          ← Continue shopping
        </Link>
        <div className="flex flex-col gap-3 sm:items-end">
          <p className="flex items-baseline justify-between gap-6 text-lg font-semibold sm:justify-end">
            <span>
              Total{" "}
              <span className="text-sm font-normal text-neutral-500">
                ({cart.itemCount} {cart.itemCount === 1 ? "item" : "items"})
              </span>
            </span>
            <Price amount={cart.total} className="text-xl" />
          </p>
          <p className="text-sm text-neutral-500">Prices are confirmed when you place the order.</p>
          {blocked ? (
            <p className="text-sm font-medium text-amber-700">Fix the lines marked above to check out.</p>
          ) : null}
          <Link
            href="/checkout"
            className="inline-flex items-center justify-center rounded-md bg-indigo-600 px-6 py-2.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Checkout
          </Link>
        </div>
      </div>
    </div>
  );
}
