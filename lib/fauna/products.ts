import "server-only";
import { fql, ServiceError, type Query } from "fauna";
import { normalizeSearchQuery } from "../search-query";
import { withShopperToken } from "./client";
import { InvalidCursorError, isBadDocumentId } from "./errors";
import type { CatalogFilters, CatalogPage, Product, ProductSort, StoreSummary } from "./types";

export const PRODUCTS_PER_PAGE = 12;

// What a product card and the detail page need, with the store's name resolved.
const productFields = (product: Query) => fql`${product} {
  id,
  name,
  description,
  price,
  quantity,
  backorderLimit,
  backordered,
  store { id, name }
}`;

// Every set below is one index read (or, for "featured" without filters, the
// collection in id order): a search or a store filter never scans the catalog.
const allProducts: Record<ProductSort, Query> = {
  featured: fql`Product.all()`,
  name: fql`Product.sortedByName()`,
  "price-asc": fql`Product.sortedByPriceLowToHigh()`,
  "price-desc": fql`Product.sortedByPriceHighToLow()`,
};

// Index methods cannot be chosen by name at run time, hence one entry per sort.
const matching: Record<ProductSort, (term: Query) => Query> = {
  featured: (term) => fql`Product.matching(${term})`,
  name: (term) => fql`Product.matchingSortedByName(${term})`,
  "price-asc": (term) => fql`Product.matchingSortedByPriceLowToHigh(${term})`,
  "price-desc": (term) => fql`Product.matchingSortedByPriceHighToLow(${term})`,
};

const inStoreMatching: Record<ProductSort, (store: Query, term: Query) => Query> = {
  featured: (store, term) => fql`Product.inStoreMatching(${store}, ${term})`,
  name: (store, term) => fql`Product.inStoreMatchingSortedByName(${store}, ${term})`,
  "price-asc": (store, term) => fql`Product.inStoreMatchingSortedByPriceLowToHigh(${store}, ${term})`,
  "price-desc": (store, term) => fql`Product.inStoreMatchingSortedByPriceHighToLow(${store}, ${term})`,
};

const DOCUMENT_ID = /^\d{1,19}$/;

/** The catalog's products for these filters, in the sort's order, as a Fauna Set. */
export function catalogSet({ q, storeId, sort = "featured" }: CatalogFilters): Query {
  const search = normalizeSearchQuery(q);
  // Fauna folds the query with the same casefold() that built Product.searchTerms.
  const term = fql`${search}.casefold()`;
  if (storeId && DOCUMENT_ID.test(storeId)) return inStoreMatching[sort](fql`Store.byId(${storeId})`, term);
  if (search) return matching[sort](term);
  return allProducts[sort];
}

/**
 * The query behind one catalog page. Without `after` it starts at the first page;
 * `after` is the cursor Fauna returned for the previous page (it encodes the set,
 * its order and the page size). The documents are projected after paging, so a
 * cursor carries no projection. `total` counts the filtered products through the
 * same index (any catalog order has the same count).
 */
export function catalogPageQuery(
  filters: CatalogFilters,
  {
    after,
    pageSize = PRODUCTS_PER_PAGE,
    withTotal = true,
  }: { after?: string; pageSize?: number; withTotal?: boolean } = {},
): Query {
  const countable =
    filters.q || filters.storeId ? catalogSet({ ...filters, sort: "name" }) : fql`Product.sortedByName()`;
  const page = after ? fql`Set.paginate(${after})` : fql`${catalogSet(filters)}.paginate(${pageSize})`;
  return fql`
    let page: Any = ${page}
    {
      data: page.data.map(product => ${productFields(fql`product`)}),
      after: page.after,
      total: ${withTotal ? fql`${countable}.count()` : fql`null`}
    }
  `;
}

type RawPage = { data: Product[]; after?: string | null; total: number | null };

/** One page of the catalog, with the number of products the filters match. */
export async function listProducts(
  tokenSecret: string,
  {
    after,
    pageSize,
    withTotal,
    ...filters
  }: Partial<CatalogFilters> & { after?: string; pageSize?: number; withTotal?: boolean } = {},
): Promise<CatalogPage> {
  const query = catalogPageQuery({ sort: "featured", ...filters }, { after, pageSize, withTotal });
  try {
    const { data } = await withShopperToken(tokenSecret, (client) => client.query<RawPage>(query));
    return { data: data.data, after: data.after ?? null, total: data.total ?? data.data.length };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "invalid_cursor") {
      throw new InvalidCursorError("Unknown cursor", { cause: error });
    }
    throw error;
  }
}

/** Every store, by name, for the catalog's store filter. */
export async function listStores(tokenSecret: string): Promise<StoreSummary[]> {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<StoreSummary[]>(fql`Store.sortedByName().map(store => store { id, name }).toArray()`),
  );
  return data;
}

/** The product with this id, or null when there is none. */
export async function getProduct(tokenSecret: string, id: string): Promise<Product | null> {
  if (!DOCUMENT_ID.test(id)) return null;
  try {
    const { data } = await withShopperToken(tokenSecret, (client) =>
      client.query<Product | null>(productFields(fql`Product.byId(${id})`)),
    );
    return data;
  } catch (error) {
    if (isBadDocumentId(error)) return null;
    throw error;
  }
}
