// Calling user-defined functions: the `call` privilege check, then the body with the
// function's `@role` (if any) while the caller's identity is kept (reference §6.6).
import { QueryError, type Value } from "../core/index.js";
import { arityAccepts, arityError, Scope, evalBlock } from "../fql/index.js";
import { roleAccess } from "./access.js";
import { canCall, denied } from "./auth/permissions.js";
import type { QueryContext } from "./context.js";

export function callUdf(ctx: QueryContext, name: string, args: Value[]): Value {
  const fn = ctx.schema.functions.get(name);
  if (!fn) throw new QueryError("invalid_function_invocation", `The function \`${name}\` does not exist.`);
  if (!canCall(ctx, fn.name, args)) throw denied();
  const n = fn.params.length;
  const arity = fn.variadic === null ? { fixed: [n] } : { atLeast: n };
  if (!arityAccepts(arity, args.length)) throw arityError(arity, args.length);
  const scope = new Scope();
  fn.params.forEach((p, i) => scope.define(p.name, args[i] ?? null));
  if (fn.variadic) scope.define(fn.variadic.name, args.slice(n));
  const body = ctx.schema.body(fn);
  const access = fn.role ? roleAccess(fn.role, ctx.access) : ctx.access;
  return ctx.withAccess(access, () => evalBlock(ctx, body, scope, `*udf:${fn.name}*`, fn.body.text));
}
