// Global names: collections, UDFs, built-in modules and functions. Anything else is unbound.
import { QueryError } from "../../core/errors.js";
import { NAMED_COLLECTIONS, NATIVE_DOC_COLLECTIONS } from "../../db/schema.js";
import { ascFn, descFn } from "../stdlib/index.js";
import { mod, type NativeFunctionValue, type Value } from "../../core/values.js";
import type { QueryContext } from "./context.js";
import { builtinFunctions } from "./builtins.js";

/** Modules that exist in every database. */
export const BUILTIN_MODULES = new Set([
  "Math", "Time", "Date", "Object", "String", "Array", "Set", "Query", "Bytes", "Boolean", "Number",
  "Int", "Long", "Double", "Float", "Null", "Any", "Function", "TransactionTime", "ID", "UUID",
  ...NATIVE_DOC_COLLECTIONS, "Credentials", ...NAMED_COLLECTIONS,
]);

const functions: Record<string, NativeFunctionValue> = { asc: ascFn, desc: descFn, ...builtinFunctions };

/** Whether `name` resolves globally in this database (used by the static unbound-name check). */
export function isGlobal(ctx: QueryContext, name: string): boolean {
  return ctx.schema.collections.has(name) || ctx.schema.functions.has(name) || BUILTIN_MODULES.has(name) || name in functions;
}

export function resolveGlobal(ctx: QueryContext, name: string): Value {
  if (ctx.schema.collections.has(name)) return mod(name);
  if (ctx.schema.functions.has(name)) return { kind: "udf", name: ctx.schema.functions.get(name)!.name };
  if (name in functions) return functions[name]!;
  if (BUILTIN_MODULES.has(name)) return mod(name === "Credentials" ? "Credential" : name);
  throw new QueryError("unbound_variable", `Unbound variable \`${name}\``);
}
