import "server-only";
import { fql, ServiceError, type Query } from "fauna";
import { withShopperToken } from "./client";
import { InvalidCursorError, isBadDocumentId } from "./errors";
import type { Page, Product, ProductSort } from "./types";

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

const productSets: Record<ProductSort, Query> = {
  featured: fql`Product.all()`,
  name: fql`Product.sortedByName()`,
  "price-asc": fql`Product.sortedByPriceLowToHigh()`,
  "price-desc": fql`Product.sortedByPriceHighToLow()`,
};

type RawPage = { data: Product[]; after?: string };

/**
 * One page of the catalog. `after` is the cursor Fauna returned for the previous
 * page; it already encodes the sort order and page size.
 */
export async function listProducts(
  tokenSecret: string,
  {
    after,
    sort = "featured",
    pageSize = PRODUCTS_PER_PAGE,
  }: { after?: string; sort?: ProductSort; pageSize?: number } = {},
): Promise<Page<Product>> {
  const query = after
    ? fql`Set.paginate(${after})`
    : fql`${productSets[sort]}.map(product => ${productFields(fql`product`)}).paginate(${pageSize})`;
  try {
    const { data } = await withShopperToken(tokenSecret, (client) => client.query<RawPage>(query));
    return { data: data.data, after: data.after ?? null };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "invalid_cursor") {
      throw new InvalidCursorError("Unknown cursor", { cause: error });
    }
    throw error;
  }
}

const DOCUMENT_ID = /^\d{1,19}$/;

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
