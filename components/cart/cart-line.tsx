import Link from "next/link";
import { Price } from "@/components/product/price";
import type { CartLine } from "@/lib/fauna/order-types";
import { CartLineControls } from "./cart-line-controls";

export function CartLineItem({ line }: { line: CartLine }) {
  const gone = line.name === null || line.unitPrice === null;
  const short = !gone && line.quantity > line.orderable;
  return (
    <li data-product-id={line.productId} className="flex flex-col gap-3 py-5 sm:flex-row sm:items-center sm:gap-6">
      <div className="min-w-0 flex-1">
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
            {gone || line.orderable === 0 ? "Sold out — remove it to check out." : `Only ${line.orderable} left — lower the quantity to check out.`}
          </p>
        ) : null}
      </div>
      <div className="flex items-end justify-between gap-4 sm:justify-end">
        <CartLineControls productId={line.productId} name={line.name ?? "this product"} quantity={line.quantity} changeable={!gone} />
        <p className="w-24 pb-1.5 text-right font-semibold text-neutral-900" data-testid="line-total">
          <Price amount={line.lineTotal} />
        </p>
      </div>
    </li>
  );
}
