export type StoreSummary = {
  id: string;
  name: string;
};

export type Product = {
  id: string;
  name: string;
  description: string;
  price: number;
  quantity: number;
  backorderLimit: number;
  backordered: boolean;
  store: StoreSummary | null;
};

/** One page of a Fauna Set; `after` is Fauna's opaque cursor for the next page. */
export type Page<T> = {
  data: T[];
  after: string | null;
};

/** A catalog page and how many products the filters match in all. */
export type CatalogPage = Page<Product> & { total: number };

export type ShopperToken = {
  secret: string;
  /** The email as Fauna stores it (normalized by UserLogin). */
  email: string;
  expiresAt: Date;
  emailVerified: boolean;
};

export type Customer = {
  id: string;
  email: string;
  name: string | null;
  /** Whether the shopper followed a verification (or reset) link sent to this email. */
  emailVerified: boolean;
};

/** One of a shopper's sessions: a token of theirs (schema/sessions.fsl). */
export type ShopperSession = {
  id: string;
  device: string;
  signedInAt: Date | null;
  /** When the shopper last used it, to within SESSION_SEEN_INTERVAL_MS (lib/session-seen.ts). */
  lastSeenAt: Date | null;
  expiresAt: Date | null;
  /** The session of the browser asking. */
  current: boolean;
};

export const productSorts = ["featured", "name", "price-asc", "price-desc"] as const;
export type ProductSort = (typeof productSorts)[number];

/** What narrows and orders the catalog: a search query, a store id, a sort. */
export type CatalogFilters = {
  q?: string;
  storeId?: string;
  sort: ProductSort;
};
