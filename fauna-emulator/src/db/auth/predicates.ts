// Role predicates (membership and privilege predicates): FQL lambdas from FSL evaluated
// read-only with the given access; only an exact `true` grants, and an error means "deny".
import { ProtocolError, type Value } from "../../core/index.js";
import { Scope, callValue, evaluate } from "../../fql/index.js";
import type { FqlSource } from "../../fsl/index.js";
import type { Access } from "../access.js";
import type { QueryContext } from "../context.js";

export function evaluatePredicate(ctx: QueryContext, access: Access, src: FqlSource, args: Value[]): boolean {
  try {
    return ctx.withAccess(access, () =>
      ctx.readOnly(() => {
        const fn = evaluate(ctx, ctx.schema.expr(src), new Scope());
        return callValue(ctx, fn, args) === true;
      }),
    );
  } catch (e) {
    if (e instanceof ProtocolError) throw e; // time-outs still end the query
    return false;
  }
}
