// Global functions: abort, log, dbg, newId, ID.
import { QueryError, isNumber, toJsNumber, type NativeFunctionValue, type Value } from "../../core/index.js";
import { checkArity } from "../stdlib/index.js";
import type { EvalContext } from "./context.js";

const native = (name: string, call: (ctx: EvalContext, args: Value[]) => Value): NativeFunctionValue => ({
  kind: "native",
  name,
  call: (ctx, args) => call(ctx as EvalContext, args),
});

/** Parses a document id argument: a digit string or an integer. */
export function idArg(v: Value | undefined): string {
  const s =
    typeof v === "string"
      ? v
      : v !== undefined && isNumber(v) && Number.isInteger(toJsNumber(v))
        ? String(v.kind === "long" ? v.value : toJsNumber(v))
        : null;
  if (s === null || !/^\d{1,19}$/.test(s)) {
    throw new QueryError(
      "invalid_id",
      `\`${v === undefined ? "" : typeof v === "string" ? v : String(s ?? "")}\` is not a valid ID.`,
    );
  }
  return BigInt(s).toString();
}

export const builtinFunctions: Record<string, NativeFunctionValue> = {
  abort: native("abort", (_ctx, args) => {
    checkArity(args, 1);
    throw new QueryError("abort", "Query aborted.", { abortValue: args[0]! });
  }),
  log: native("log", (ctx, args) => {
    ctx.logs.push(args.map((a) => ctx.display(a)).join(" "));
    return null;
  }),
  dbg: native("dbg", (ctx, args) => {
    checkArity(args, 1);
    ctx.logs.push(ctx.display(args[0]!));
    return args[0]!;
  }),
  newId: native("newId", (ctx, args) => {
    checkArity(args, 0);
    return ctx.newId();
  }),
  ID: native("ID", (_ctx, args) => {
    checkArity(args, 1);
    return idArg(args[0]);
  }),
};
