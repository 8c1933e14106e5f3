import clsx from "clsx";
import Link from "next/link";
import { catalogHref, firstPage, type CatalogState } from "@/lib/catalog-url";
import type { ProductSort } from "@/lib/fauna/types";

const options: { sort: ProductSort; label: string }[] = [
  { sort: "featured", label: "Featured" },
  { sort: "name", label: "Name" },
  { sort: "price-asc", label: "Price: low to high" },
  { sort: "price-desc", label: "Price: high to low" },
];

/** Sort links keep the search and the store, and start again at page 1. */
export function SortMenu({ state }: { state: CatalogState }) {
  return (
    <nav aria-label="Sort products" className="flex flex-wrap gap-2">
      {options.map(({ sort, label }) => (
        <Link
          key={sort}
          href={catalogHref({ ...firstPage(state), sort })}
          aria-current={sort === state.sort ? "page" : undefined}
          className={clsx(
            "rounded-full px-3 py-1 text-sm ring-1 transition-colors",
            sort === state.sort
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
