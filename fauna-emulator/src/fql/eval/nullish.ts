// Null semantics shared by `?.`, `??` and postfix `!`: a document that does not exist or
// cannot be read behaves like null (reference §9.5).
import { QueryError } from "../../errors.js";
import { isDoc, type Value } from "../values.js";
import type { QueryContext } from "./context.js";
import { docState, notFound } from "./documents.js";

export function isNullish(ctx: QueryContext, v: Value): boolean {
  return v === null || (isDoc(v) && !docState(ctx, v).ok);
}

/** Postfix `!`. */
export function nonNull(ctx: QueryContext, v: Value): Value {
  if (v === null) throw new QueryError("null_value", "Null literal value");
  if (isDoc(v)) {
    const st = docState(ctx, v);
    if (!st.ok) {
      if (st.cause === "permission denied") throw new QueryError("null_value", "Null value, due to permission denied");
      throw notFound(v);
    }
  }
  return v;
}
