import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Pagination } from "@/components/product/pagination";
import { ProductGrid } from "@/components/product/product-grid";
import { SortMenu, sortHref } from "@/components/product/sort-menu";
import { withShopper } from "@/lib/dal";
import { InvalidCursorError } from "@/lib/fauna/errors";
import { listProducts } from "@/lib/fauna/products";
import { productSorts, type ProductSort } from "@/lib/fauna/types";

export const metadata: Metadata = { title: "Shop all" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function parseSort(value: string | undefined): ProductSort {
  return productSorts.find((sort) => sort === value) ?? "featured";
}

function productsHref(params: { sort: ProductSort; after?: string; page?: number }) {
  const search = new URLSearchParams();
  if (params.sort !== "featured") search.set("sort", params.sort);
  if (params.after) search.set("after", params.after);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/products?${query}` : "/products";
}

export default async function ProductsPage({ searchParams }: PageProps<"/products">) {
  const params = await searchParams;
  const sort = parseSort(first(params.sort));
  const after = first(params.after) || undefined;
  const page = after ? Math.max(2, Number.parseInt(first(params.page) ?? "", 10) || 2) : 1;
  const here = productsHref({ sort, after, page });

  let products;
  try {
    products = await withShopper(here, (token) => listProducts(token, { after, sort }));
  } catch (error) {
    if (error instanceof InvalidCursorError) redirect(sortHref(sort));
    throw error;
  }

  return (
    <div>
      <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Shop all products</h1>
          <p className="mt-1 text-sm text-neutral-600">From Party Supplies, Foggy Bottom Market and DogExpress.</p>
        </div>
        <SortMenu current={sort} />
      </div>

      {products.data.length > 0 ? (
        <ProductGrid products={products.data} label="Products" />
      ) : (
        <p className="rounded-xl border border-dashed border-neutral-300 bg-white p-10 text-center text-neutral-600">
          No products here yet.
        </p>
      )}

      <Pagination
        page={page}
        firstHref={after ? sortHref(sort) : null}
        nextHref={products.after ? productsHref({ sort, after: products.after, page: page + 1 }) : null}
      />
    </div>
  );
}
