// Global functions: abort, log, dbg, newId, ID.
import { QueryError } from "../../core/errors.js";
import { checkArity } from "../stdlib/args.js";
import type { NativeFunctionValue, Value } from "../../core/values.js";
import type { QueryContext } from "./context.js";
import { idArg } from "../../db/collections.js";

const native = (name: string, call: (ctx: QueryContext, args: Value[]) => Value): NativeFunctionValue => ({
  kind: "native",
  name,
  call: (ctx, args) => call(ctx as QueryContext, args),
});

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
