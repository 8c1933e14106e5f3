import type { Product } from "@/lib/fauna/types";
import { ProductCard } from "./product-card";

/** `headingLevel`: the level of each card's name, one below the heading above the grid. */
export function ProductGrid({
  products,
  label,
  headingLevel = 3,
}: {
  products: Product[];
  label: string;
  headingLevel?: 2 | 3;
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3 xl:grid-cols-4">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
