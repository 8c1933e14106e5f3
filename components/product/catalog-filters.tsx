"use client";

import { useRouter } from "next/navigation";
import { catalogHref, type CatalogState } from "@/lib/catalog-url";
import type { StoreSummary } from "@/lib/fauna/types";
import { normalizeSearchQuery, SEARCH_TERM_MAX_LENGTH } from "@/lib/search-query";
import { StoreSelect } from "./store-select";

/**
 * Search and store filter. A GET form, so without JavaScript it still lands in the
 * URL (?q=&store=); with it, the URL is built without empty parameters. A new
 * search starts at page 1 and keeps the sort.
 */
export function CatalogFilters({ state, stores }: { state: CatalogState; stores: StoreSummary[] }) {
  const router = useRouter();
  return (
    <form
      action="/products"
      role="search"
      aria-label="Products"
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const store = data.get("store");
        router.push(
          catalogHref({
            q: normalizeSearchQuery(data.get("q")),
            storeId: typeof store === "string" && store ? store : null,
            sort: state.sort,
          }),
        );
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor="catalog-search" className="block text-sm font-medium text-neutral-900">
          Search
        </label>
        <input
          id="catalog-search"
          name="q"
          type="search"
          defaultValue={state.q}
          maxLength={4 * SEARCH_TERM_MAX_LENGTH}
          placeholder="Cups, dog food, limes…"
          autoComplete="off"
          className="mt-1.5 block h-10 w-full rounded-md border border-neutral-300 bg-white px-3 text-neutral-900 shadow-xs placeholder:text-neutral-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
      </div>
      <div className="sm:w-56">
        <StoreSelect stores={stores} current={state.storeId} />
      </div>
      {state.sort !== "featured" ? <input type="hidden" name="sort" value={state.sort} /> : null}
      <button
        type="submit"
        className="h-10 rounded-md bg-indigo-600 px-5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Search
      </button>
    </form>
  );
}
