// Bulk loading: many documents created exactly as `Coll.create(row)` creates them — defaults,
// field validation, permissions, ids, every index entry, unique and check constraints — by the
// same write path, without parsing and evaluating an FQL query per document.
import { QueryError, type ObjectValue } from "../core/index.js";
import type { QueryContext } from "./context.js";
import { createDocument } from "./documents.js";

/** Creates one document per row in `collection` (a user collection); returns how many. */
export function createDocuments(ctx: QueryContext, collection: string, rows: Iterable<ObjectValue>): number {
  if (!ctx.schema.collections.has(collection)) {
    throw new QueryError("invalid_argument", `\`${collection}\` is not a user collection of this database.`);
  }
  let n = 0;
  for (const row of rows) {
    createDocument(ctx, collection, row);
    n++;
  }
  return n;
}
