// Null semantics shared by `?.`, `??` and postfix `!`: a document that does not exist or
// cannot be read behaves like null (reference §9.5).
import { QueryError } from "../../core/errors.js";
import { isDoc, isNamedDoc, type Value } from "../../core/values.js";
import type { QueryContext } from "./context.js";
import { docState, notFound } from "../../db/documents.js";
import { namedExists } from "../../db/named.js";

export function isNullish(ctx: QueryContext, v: Value): boolean {
  return v === null || (isDoc(v) && !docState(ctx, v).ok) || (isNamedDoc(v) && !namedExists(ctx, v));
}

/** Postfix `!`. */
export function nonNull(ctx: QueryContext, v: Value, reason = "Null literal value"): Value {
  if (v === null) throw new QueryError("null_value", reason);
  if (isNamedDoc(v) && !namedExists(ctx, v)) throw new QueryError("document_not_found", `${v.coll} \`${v.name}\` not found.`);
  if (isDoc(v)) {
    const st = docState(ctx, v);
    if (!st.ok) {
      if (st.cause === "permission denied") throw new QueryError("null_value", "Null value, due to permission denied");
      throw notFound(v);
    }
  }
  return v;
}
