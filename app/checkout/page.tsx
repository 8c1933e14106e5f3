import type { Metadata } from "next";
import Link from "next/link";
import { OrderSummary } from "@/components/cart/order-summary";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { withShopper } from "@/lib/dal";
import { getCart } from "@/lib/fauna/cart";
import { getSavedAddress } from "@/lib/fauna/orders";
import { checkoutPaymentProvider } from "@/lib/payment";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const [cart, savedAddress] = await withShopper("/checkout", (token) =>
    Promise.all([getCart(token), getSavedAddress(token)]),
  );

  if (cart.lines.length === 0) {
    return (
      <div className="mx-auto max-w-md py-16 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Your cart is empty</h1>
        <p className="mt-2 text-neutral-600">Add something to your cart before checking out.</p>
        <Link
          href="/products"
          className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Browse the catalog
        </Link>
      </div>
    );
  }

  const { label, description } = checkoutPaymentProvider();
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="lg:order-2">
          <OrderSummary
            lines={cart.lines.map((line) => ({
              key: line.productId,
              name: line.name ?? "A product that is no longer sold",
              quantity: line.quantity,
              lineTotal: line.lineTotal,
            }))}
            total={cart.total}
          />
          <Link href="/cart" className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Edit cart
          </Link>
        </div>
        <div className="rounded-xl border border-neutral-200 bg-white p-6 shadow-xs lg:order-1">
          <CheckoutForm savedAddress={savedAddress} payment={{ label, description }} />
        </div>
      </div>
    </div>
  );
}
