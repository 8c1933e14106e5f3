// Calling user-defined functions: the `call` privilege check, then the body with the
// function's `@role` (if any) while the caller's identity is kept (reference §6.6).
import { roleAccess } from "./auth/access.js";
import { canCall, denied } from "./auth/permissions.js";
import { QueryError } from "../core/errors.js";
import { arityAccepts, arityError } from "../fql/stdlib/args.js";
import type { Value } from "../core/values.js";
import type { QueryContext } from "../fql/eval/context.js";
import { evalBlock } from "../fql/eval/evaluator.js";
import { Scope } from "../fql/eval/scope.js";

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
