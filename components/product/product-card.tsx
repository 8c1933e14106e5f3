import Link from "next/link";
import type { Product } from "@/lib/fauna/types";
import { Price } from "./price";
import { ProductTile } from "./product-tile";
import { StockStatus } from "./stock-status";

export function ProductCard({ product }: { product: Product }) {
  return (
    <li
      data-product-id={product.id}
      className="group relative flex flex-col rounded-xl border border-neutral-200 bg-white p-3 shadow-xs transition hover:shadow-md"
    >
      <ProductTile name={product.name} />
      <div className="mt-3 flex flex-1 flex-col gap-1 px-1">
        <p className="text-xs font-medium tracking-wide text-neutral-500 uppercase">
          {product.store?.name ?? "Unknown store"}
        </p>
        <h3 className="text-sm font-semibold text-neutral-900 capitalize">
          <Link href={`/products/${product.id}`} className="after:absolute after:inset-0">
            {product.name}
          </Link>
        </h3>
        <p className="line-clamp-2 text-sm text-neutral-600">{product.description}</p>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-2 gap-y-1 pt-2">
          <Price amount={product.price} className="text-base font-semibold text-neutral-900" />
          <StockStatus product={product} />
        </div>
      </div>
    </li>
  );
}
