import clsx from "clsx";
import Link from "next/link";
import type { ProductSort } from "@/lib/fauna/types";

const options: { sort: ProductSort; label: string }[] = [
  { sort: "featured", label: "Featured" },
  { sort: "name", label: "Name" },
  { sort: "price-asc", label: "Price: low to high" },
  { sort: "price-desc", label: "Price: high to low" },
];

export const sortHref = (sort: ProductSort) => (sort === "featured" ? "/products" : `/products?sort=${sort}`);

export function SortMenu({ current }: { current: ProductSort }) {
  return (
    <nav aria-label="Sort products" className="flex flex-wrap gap-2">
      {options.map(({ sort, label }) => (
        <Link
          key={sort}
          href={sortHref(sort)}
          aria-current={sort === current ? "page" : undefined}
          className={clsx(
            "rounded-full px-3 py-1 text-sm ring-1 transition-colors",
            sort === current
              ? "bg-neutral-900 text-white ring-neutral-900"
              : "bg-white text-neutral-700 ring-neutral-200 hover:ring-neutral-400",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
