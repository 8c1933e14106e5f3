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

/** The module of the static globals (faunadb GlobalResolvers.FQL): `FQL.Math`, `FQL.asc`. */
export const FQL_MODULE = "FQL";

function languageGlobal(name: string): Value | undefined {
  if (name === FQL_MODULE) return mod(FQL_MODULE);
  if (name in GLOBAL_FUNCTIONS) return GLOBAL_FUNCTIONS[name]!;
  if (LANGUAGE_MODULES.has(name)) return mod(name);
  return undefined;
}

// Fauna keeps `evalV4` behind an account flag the local Fauna never sets: as there, calling it fails.
const evalV4: NativeFunctionValue = {
  kind: "native",
  name: "evalV4",
  call: () => {
    throw missingFqlFunction("evalV4");
  },
};

export const missingFqlFunction = (name: string) =>
  new QueryError("invalid_function_invocation", `The function \`${name}\` does not exist on \`${FQL_MODULE}\``);

/**
 * `FQL.name`: the language's modules and functions and the database's own modules, never a
 * user's collection or function (FQL2InterpreterSpec "does not expose user objects in FQL
 * namespace"), nor `FQL` itself; undefined for anything else.
 */
export function fqlMember(ctx: EvalContext, name: string): Value | undefined {
  if (name === "evalV4") return evalV4;
  // `Any` is only a type name here, not one of Fauna's modules.
  if (name === FQL_MODULE || name === "Any") return undefined;
  return ctx.host.nativeGlobal(name) ?? languageGlobal(name);
}

/** Whether `name` resolves globally in this database (used by the static unbound-name check). */
export function isGlobal(ctx: EvalContext, name: string): boolean {
  return name === FQL_MODULE || ctx.host.global(ctx, name) !== undefined || languageGlobal(name) !== undefined;
}

export function resolveGlobal(ctx: EvalContext, name: string): Value {
  const v = name === FQL_MODULE ? mod(FQL_MODULE) : (ctx.host.global(ctx, name) ?? languageGlobal(name));
  if (v === undefined) throw new QueryError("unbound_variable", `Unbound variable \`${name}\``);
  return v;
}
