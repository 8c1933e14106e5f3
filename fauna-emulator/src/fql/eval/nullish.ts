// Null semantics shared by `?.`, `??` and postfix `!`: a document that does not exist or
// cannot be read behaves like null (reference §9.5); the host knows which do.
import { QueryError, isDoc, isNamedDoc, type Value } from "../../core/index.js";
import type { EvalContext } from "./context.js";

export function isNullish(ctx: EvalContext, v: Value): boolean {
  return v === null || ((isDoc(v) || isNamedDoc(v)) && !ctx.host.exists(ctx, v));
}

/** Postfix `!`. */
export function nonNull(ctx: EvalContext, v: Value, reason = "Null literal value"): Value {
  if (v === null) throw new QueryError("null_value", reason);
  if (isDoc(v) || isNamedDoc(v)) ctx.host.mustExist(ctx, v);
  return v;
}
