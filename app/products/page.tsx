import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CatalogFilters } from "@/components/product/catalog-filters";
import { Pagination } from "@/components/product/pagination";
import { ProductGrid } from "@/components/product/product-grid";
import { SortMenu } from "@/components/product/sort-menu";
import {
  catalogHref,
  firstPage,
  nextPage,
  parseCatalogState,
  previousPage,
  type CatalogState,
} from "@/lib/catalog-url";
import { withShopper } from "@/lib/dal";
import { InvalidCursorError } from "@/lib/fauna/errors";
import { listProducts, listStores, PRODUCTS_PER_PAGE } from "@/lib/fauna/products";
import type { StoreSummary } from "@/lib/fauna/types";

export async function generateMetadata({ searchParams }: PageProps<"/products">): Promise<Metadata> {
  const { q } = parseCatalogState(await searchParams);
  return { title: q ? `Search: ${q}` : "Shop all" };
}

function resultsSummary(total: number, { q }: CatalogState, store: StoreSummary | undefined) {
  const count = `${total} ${total === 1 ? "product" : "products"}`;
  const matching = q ? ` matching “${q}”` : "";
  return `${count}${matching}${store ? ` in ${store.name}` : ""}`;
}

export default async function ProductsPage({ searchParams }: PageProps<"/products">) {
  const state = parseCatalogState(await searchParams);
  const here = catalogHref(state);

  let stores: StoreSummary[];
  let products;
  try {
    [stores, products] = await withShopper(here, (token) =>
      Promise.all([
        listStores(token),
        listProducts(token, {
          q: state.q,
          storeId: state.storeId ?? undefined,
          sort: state.sort,
          after: state.after ?? undefined,
        }),
      ]),
    );
  } catch (error) {
    if (error instanceof InvalidCursorError) redirect(catalogHref(firstPage(state)));
    throw error;
  }
  const store = stores.find((candidate) => candidate.id === state.storeId);
  if (state.storeId && !store) redirect(catalogHref({ ...firstPage(state), storeId: null }));

  const pageCount = Math.max(1, Math.ceil(products.total / PRODUCTS_PER_PAGE));
  const page = Math.min(state.page, pageCount);
  const previous = previousPage(state);
  const filtered = Boolean(state.q || state.storeId);

  return (
    <div>
      <div className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Shop all products</h1>
          <p className="mt-1 text-sm text-neutral-600">From Party Supplies, Foggy Bottom Market and DogExpress.</p>
        </div>
        <SortMenu state={state} />
      </div>

      <CatalogFilters state={state} stores={stores} />

      <div className="mt-8 mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-neutral-900" aria-live="polite" data-testid="results-summary">
          {resultsSummary(products.total, state, store)}
        </h2>
        {filtered ? (
          <Link
            href={catalogHref({ ...firstPage(state), q: "", storeId: null })}
            className="text-sm font-medium text-indigo-600 hover:text-indigo-500"
          >
            {state.q && state.storeId ? "Clear search and store" : state.q ? "Clear search" : "Show every store"}
          </Link>
        ) : null}
      </div>

      {products.data.length > 0 ? (
        <ProductGrid products={products.data} label="Products" />
      ) : (
        <p className="rounded-xl border border-dashed border-neutral-300 bg-white p-10 text-center text-neutral-600">
          {filtered ? "No products match. Try fewer letters, or another store." : "No products here yet."}
        </p>
      )}

      <Pagination
        page={page}
        pageCount={pageCount}
        previousHref={previous ? catalogHref(previous) : null}
        firstHref={!previous && state.page > 1 ? catalogHref(firstPage(state)) : null}
        nextHref={products.after ? catalogHref(nextPage(state, products.after)) : null}
      />
    </div>
  );
}
