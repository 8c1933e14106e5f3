import Link from "next/link";
import { Price } from "@/components/product/price";
import type { CartLine } from "@/lib/fauna/order-types";
import { CartLineControls } from "./cart-line-controls";

export function CartLineItem({ line }: { line: CartLine }) {
  const gone = line.name === null || line.unitPrice === null;
  const short = !gone && line.quantity > line.orderable;
  return (
    // Phones: name and line total on top, the controls below. Wider: one row.
    <li
      data-product-id={line.productId}
      className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-4 gap-y-3 py-5 sm:grid-cols-[minmax(0,1fr)_auto_6rem] sm:items-center sm:gap-x-6"
    >
      <div className="col-start-1 row-start-1 min-w-0">
        {gone ? (
          <p className="font-medium text-neutral-500">A product that is no longer sold</p>
        ) : (
          <h2 className="font-medium text-neutral-900 capitalize">
            <Link href={`/products/${line.productId}`} className="hover:text-indigo-600">
              {line.name}
            </Link>
          </h2>
        )}
        {line.unitPrice !== null ? (
          <p className="mt-0.5 text-sm text-neutral-600">
            <Price amount={line.unitPrice} /> each
          </p>
        ) : null}
        {gone || short ? (
          <p className="mt-1 text-sm font-medium text-amber-700">
            {gone || line.orderable === 0
              ? "Sold out — remove it to check out."
              : `Only ${line.orderable} left — lower the quantity to check out.`}
          </p>
        ) : null}
      </div>
      <p
        className="col-start-2 row-start-1 text-right font-semibold text-neutral-900 sm:col-start-3"
        data-testid="line-total"
      >
        <Price amount={line.lineTotal} />
      </p>
      <div className="col-span-2 row-start-2 sm:col-span-1 sm:col-start-2 sm:row-start-1">
        <CartLineControls
          productId={line.productId}
          name={line.name ?? "this product"}
          quantity={line.quantity}
          changeable={!gone}
        />
      </div>
    </li>
  );
}
