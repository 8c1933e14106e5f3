import Link from "next/link";
import type { Product } from "@/lib/fauna/types";
import { displayName } from "@/lib/product-name";
import { Price } from "./price";
import { ProductPicture } from "./product-picture";
import { StockStatus } from "./stock-status";

// The whole card is the link's target (its ::after covers the card), so the focus
// ring goes around the whole card too, not just around the name.
export function ProductCard({ product, headingLevel = 3 }: { product: Product; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li
      data-product-id={product.id}
      className="group relative flex flex-col rounded-xl border border-neutral-200 bg-white p-3 shadow-xs transition hover:shadow-md has-[a:focus-visible]:ring-3 has-[a:focus-visible]:ring-indigo-600 has-[a:focus-visible]:ring-offset-2"
    >
      <ProductPicture name={product.name} />
      <div className="mt-3 flex flex-1 flex-col gap-1 px-1">
        <p className="text-xs font-medium tracking-wide text-neutral-500 uppercase">
          {product.store?.name ?? "Unknown store"}
        </p>
        <Heading className="text-sm font-semibold text-neutral-900">
          <Link
            href={`/products/${product.id}`}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
          >
            {displayName(product.name)}
          </Link>
        </Heading>
        <p className="line-clamp-2 text-sm text-neutral-600">{product.description}</p>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-2 gap-y-1 pt-2">
          <Price amount={product.price} className="text-base font-semibold text-neutral-900" />
          <StockStatus product={product} />
        </div>
      </div>
    </li>
  );
}
