// The catalog's state lives in the URL (shareable, and the back button works):
// ?q= search, ?store= store id, ?sort=, and for pages after the first ?page=,
// ?after= (Fauna's cursor for this page) and ?back= (the cursors of the pages
// before it, oldest first). Fauna cursors only point forward, so "Previous"
// needs that history; it keeps the last 10 cursors to bound the URL's length.
import { productSorts, type ProductSort } from "./fauna/types";
import { normalizeSearchQuery } from "./search-query";

export const MAX_CURSOR_HISTORY = 10;

export type CatalogState = {
  q: string;
  storeId: string | null;
  sort: ProductSort;
  page: number;
  after: string | null;
  back: string[];
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const STORE_ID = /^\d{1,19}$/;

export function parseCatalogState(params: SearchParams): CatalogState {
  const sort = productSorts.find((candidate) => candidate === first(params.sort)) ?? "featured";
  const store = first(params.store);
  const after = first(params.after) || null;
  const back = after ? all(params.back).filter(Boolean).slice(-MAX_CURSOR_HISTORY) : [];
  const page = after ? Math.max(back.length + 2, Number.parseInt(first(params.page) ?? "", 10) || 0) : 1;
  return {
    q: normalizeSearchQuery(first(params.q)),
    storeId: store && STORE_ID.test(store) ? store : null,
    sort,
    page,
    after,
    back,
  };
}

export function catalogHref(state: Partial<CatalogState>): string {
  const search = new URLSearchParams();
  if (state.q) search.set("q", state.q);
  if (state.storeId) search.set("store", state.storeId);
  if (state.sort && state.sort !== "featured") search.set("sort", state.sort);
  if (state.after) {
    search.set("page", String(state.page ?? 2));
    for (const cursor of state.back ?? []) search.append("back", cursor);
    search.set("after", state.after);
  }
  const query = search.toString();
  return query ? `/products?${query}` : "/products";
}

/** The first page with the same search, store and sort. */
export const firstPage = ({ q, storeId, sort }: CatalogState): CatalogState => ({
  q,
  storeId,
  sort,
  page: 1,
  after: null,
  back: [],
});

export function nextPage(state: CatalogState, cursor: string): CatalogState {
  const back = state.after ? [...state.back, state.after].slice(-MAX_CURSOR_HISTORY) : [];
  return { ...state, page: state.page + 1, after: cursor, back };
}

/** The page before this one, or null on the first page or beyond the kept history. */
export function previousPage(state: CatalogState): CatalogState | null {
  if (state.page <= 1 || !state.after) return null;
  if (state.page === 2) return firstPage(state);
  const after = state.back.at(-1);
  if (!after) return null;
  return { ...state, page: state.page - 1, after, back: state.back.slice(0, -1) };
}
