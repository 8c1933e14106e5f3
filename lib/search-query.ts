// The catalog search box's text as Fauna looks it up. Product.searchTerms
// (schema/collections.fsl) indexes prefixes of up to 32 characters, so only the
// first 32 characters of a query can matter; Fauna case-folds it (`casefold()`),
// exactly as it case-folds the names it indexes.

export const SEARCH_TERM_MAX_LENGTH = 32;

/** NFKC, single spaces, trimmed, at most 32 characters; "" means "no search". */
export function normalizeSearchQuery(raw: unknown): string {
  if (typeof raw !== "string") return "";
  // Capped first, so a huge query costs nothing.
  const text = raw
    .slice(0, 4 * SEARCH_TERM_MAX_LENGTH)
    .normalize("NFKC")
    .replace(/\s+/gu, " ")
    .trim();
  return Array.from(text).slice(0, SEARCH_TERM_MAX_LENGTH).join("").trimEnd();
}
