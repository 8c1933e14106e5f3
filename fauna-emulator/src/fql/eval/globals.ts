// Global names: what the host defines (collections, UDFs, its native modules) first, then the
// language's functions and modules. Anything else is unbound.
import { QueryError, mod, type NativeFunctionValue, type Value } from "../../core/index.js";
import { ascFn, descFn } from "../stdlib/index.js";
import { builtinFunctions } from "./builtins.js";
import type { EvalContext } from "./context.js";

/** The language's own modules. */
export const LANGUAGE_MODULES = new Set([
  "Math",
  "Time",
  "Date",
  "Object",
  "String",
  "Array",
  "Bytes",
  "Boolean",
  "Number",
  "Int",
  "Long",
  "Double",
  "Float",
  "Null",
  "Any",
  "Function",
  "TransactionTime",
  "ID",
  "UUID",
]);

/** The language's global functions. */
export const GLOBAL_FUNCTIONS: Record<string, NativeFunctionValue> = { asc: ascFn, desc: descFn, ...builtinFunctions };

function languageGlobal(name: string): Value | undefined {
  if (name in GLOBAL_FUNCTIONS) return GLOBAL_FUNCTIONS[name]!;
  if (LANGUAGE_MODULES.has(name)) return mod(name);
  return undefined;
}

/** Whether `name` resolves globally in this database (used by the static unbound-name check). */
export function isGlobal(ctx: EvalContext, name: string): boolean {
  return ctx.host.global(ctx, name) !== undefined || languageGlobal(name) !== undefined;
}

export function resolveGlobal(ctx: EvalContext, name: string): Value {
  const v = ctx.host.global(ctx, name) ?? languageGlobal(name);
  if (v === undefined) throw new QueryError("unbound_variable", `Unbound variable \`${name}\``);
  return v;
}
