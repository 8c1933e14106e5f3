// Argument checking shared by every stdlib method, with Fauna's exact error wording
// (faunadb: NativeFunction.scala, QueryFailure.scala, Value.Func.Arity).
import {
  QueryError,
  double,
  int,
  isFunction,
  long,
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  typeName,
  type FunctionValue,
  type Value,
} from "../../core/index.js";

/** Parameter types as Fauna's TypeTags see them at runtime. */
export type ParamType =
  | "Any"
  | "Int"
  | "Long"
  | "Double"
  | "Number"
  | "String"
  | "Boolean"
  | "Array"
  | "Object" // object or document (Fauna's AnyObject)
  | "Struct" // plain object only
  | "Function"
  | "Time"
  | "Date"
  | "Set";

export interface Param {
  readonly name: string;
  readonly type: ParamType;
}
export type Signature = readonly Param[];

export const p = (name: string, type: ParamType = "Any"): Param => ({ name, type });

const EXPECTED: Record<ParamType, string> = {
  Any: "Any",
  Int: "Int",
  Long: "Long",
  Double: "Double",
  Number: "Number",
  String: "String",
  Boolean: "Boolean",
  Array: "Array<Any>",
  Object: "{ *: Any }",
  Struct: "{ *: Any }",
  Function: "Function",
  Time: "Time",
  Date: "Date",
  Set: "Set<Any>",
};

/**
 * Fauna's runtime ("dynamic") type name used in argument errors: `typeName` but for the kinds
 * whose dynamic name is generic (a document is `Doc`, an array `Array<Any>`, ...).
 */
export function dynamicTypeName(v: Value): string {
  if (Array.isArray(v)) return "Array<Any>";
  if (v instanceof Map) return "{ *: Any }";
  if (v !== null && typeof v === "object") {
    if (v.kind === "doc" || v.kind === "named") return "Doc";
    if (v.kind === "set") return "Set<Any>";
    if (v.kind === "lambda") return "Lambda";
  }
  return typeName(v);
}

/** Casts `v` to `type` the way Fauna's TypeTag.cast does (Int accepts integral Long/Double...). */
export function cast(type: ParamType, v: Value): Value | undefined {
  const k = v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map) ? v.kind : undefined;
  switch (type) {
    case "Any":
      return v;
    case "Int":
      if (k === "int") return v;
      if (k === "long") {
        const n = (v as { value: bigint }).value;
        return n >= BigInt(INT_MIN) && n <= BigInt(INT_MAX) ? int(Number(n)) : undefined;
      }
      if (k === "double") {
        const d = (v as { value: number }).value;
        return Number.isInteger(d) && d >= INT_MIN && d <= INT_MAX ? int(d) : undefined;
      }
      return undefined;
    case "Long":
      if (k === "long") return v;
      if (k === "int") return long(BigInt((v as { value: number }).value));
      if (k === "double") {
        const d = (v as { value: number }).value;
        if (!Number.isInteger(d)) return undefined;
        const b = BigInt(d);
        return long(b > LONG_MAX ? LONG_MAX : b < LONG_MIN ? LONG_MIN : b); // JVM toLong saturates
      }
      return undefined;
    case "Double":
      if (k === "double") return v;
      if (k === "int") return double((v as { value: number }).value);
      if (k === "long") return double(Number((v as { value: bigint }).value));
      return undefined;
    case "Number":
      return k === "int" || k === "long" || k === "double" ? v : undefined;
    case "String":
      return typeof v === "string" ? v : undefined;
    case "Boolean":
      return typeof v === "boolean" ? v : undefined;
    case "Array":
      return Array.isArray(v) ? v : undefined;
    case "Object":
      return v instanceof Map || k === "doc" || k === "named" ? v : undefined;
    case "Struct":
      return v instanceof Map ? v : undefined;
    case "Function":
      return isFunction(v) ? v : undefined;
    case "Time":
      return k === "time" ? v : undefined;
    case "Date":
      return k === "date" ? v : undefined;
    case "Set":
      return k === "set" ? v : undefined;
  }
}

// ---- arity ------------------------------------------------------------------------------

export type Arity = { readonly fixed: readonly number[] } | { readonly atLeast: number };

/** Fauna's Arity.displayString: "no arguments", "exactly 1 argument", "1 or 2 arguments", "at least 1 argument". */
export function arityText(a: Arity, word = "argument"): string {
  if ("atLeast" in a) {
    if (a.atLeast === 0) return `any number of ${word}s`;
    return a.atLeast === 1 ? `at least 1 ${word}` : `at least ${a.atLeast} ${word}s`;
  }
  const l = [...new Set(a.fixed)].sort((x, y) => x - y);
  if (l.length === 1) {
    const n = l[0]!;
    return n === 0 ? `no ${word}s` : n === 1 ? `exactly 1 ${word}` : `exactly ${n} ${word}s`;
  }
  return `${l.slice(0, -1).join(", ")} or ${l[l.length - 1]} ${word}s`;
}

export const arityAccepts = (a: Arity, n: number): boolean => ("atLeast" in a ? n >= a.atLeast : a.fixed.includes(n));

/** `invalid_function_invocation`: "callee function expects exactly 1 argument, but 2 were provided." */
export const arityError = (a: Arity, actual: number): QueryError =>
  new QueryError(
    "invalid_function_invocation",
    `callee function expects ${arityText(a)}, but ${actual} ${actual === 1 ? "was" : "were"} provided.`,
  );

/** Throws the arity error unless `args.length` is one of `counts`. */
export function checkArity(args: readonly Value[], ...counts: number[]): void {
  if (!counts.includes(args.length)) throw arityError({ fixed: counts }, args.length);
}

// ---- errors -----------------------------------------------------------------------------

export const invalidArgument = (name: string, reason: string): QueryError =>
  new QueryError("invalid_argument", `invalid argument \`${name}\`: ${reason}`);

export const invalidArgumentType = (name: string, expected: string, actual: Value): QueryError =>
  new QueryError(
    "invalid_argument",
    `expected value for \`${name}\` of type ${expected}, received ${dynamicTypeName(actual)}`,
  );

/** `type_mismatch` "expected type: Boolean, received Int" (e.g. a predicate returned a non-boolean). */
export const typeMismatch = (expected: string, actual: Value): QueryError =>
  new QueryError("type_mismatch", `expected type: ${expected}, received ${dynamicTypeName(actual)}`);

export const indexOutOfBounds = (idx: number, length: number): QueryError =>
  new QueryError("index_out_of_bounds", `index ${idx} out of bounds for length ${length}`);

export const valueTooLarge = (reason: string): QueryError =>
  new QueryError("value_too_large", `Value too large: ${reason}.`);

export const functionDoesNotExist = (name: string, on: Value): QueryError =>
  new QueryError(
    "invalid_function_invocation",
    `The function \`${name}\` does not exist on \`${dynamicTypeName(on)}\``,
  );

// ---- signature checking -----------------------------------------------------------------

/**
 * Checks `args` against one or more overloads of method `fname` and returns the cast
 * arguments. Wrong count → arity error; wrong types → Fauna's single-signature message
 * ("expected value for `x` of type T, received U") or, for overloaded methods,
 * "expected arguments to `f` of type (A) | (A, B), received (C)".
 */
export function checkArgs(fname: string, overloads: readonly Signature[], args: readonly Value[]): Value[] {
  const arity: Arity = { fixed: overloads.map((s) => s.length) };
  if (!arityAccepts(arity, args.length)) throw arityError(arity, args.length);
  const candidates = overloads.filter((s) => s.length === args.length);
  for (const sig of candidates) {
    const out: Value[] = [];
    let ok = true;
    for (let i = 0; i < sig.length; i++) {
      const c = cast(sig[i]!.type, args[i]!);
      if (c === undefined) {
        ok = false;
        break;
      }
      out.push(c);
    }
    if (ok) return out;
  }
  if (overloads.length === 1) {
    const sig = overloads[0]!;
    for (let i = 0; i < sig.length; i++) {
      if (cast(sig[i]!.type, args[i]!) === undefined)
        throw invalidArgumentType(sig[i]!.name, EXPECTED[sig[i]!.type], args[i]!);
    }
  }
  const expected = candidates.map((s) => `(${s.map((q) => EXPECTED[q.type]).join(", ")})`).join(" | ");
  const actual = `(${args.map(dynamicTypeName).join(", ")})`;
  throw new QueryError(
    "invalid_argument",
    `expected arguments to \`${fname}\` of type ${expected}, received ${actual}`,
  );
}

/** Shorthand for a method with exactly one signature. */
export const check = (fname: string, sig: Signature, args: readonly Value[]): Value[] => checkArgs(fname, [sig], args);

// ---- callbacks --------------------------------------------------------------------------

/** The arity of an FQL function if known (lambdas); natives/UDFs are checked when called. */
export function funcArity(fn: FunctionValue): Arity | null {
  if (fn.kind !== "lambda") return null;
  return fn.variadic !== null ? { atLeast: fn.params.length } : { fixed: [fn.params.length] };
}

/** "`predicate` should accept 1 parameter, provided function requires exactly 2 parameters." */
export function checkCallback(name: string, expected: number, fn: Value): void {
  if (!isFunction(fn)) throw invalidArgumentType(name, "Function", fn);
  const a = funcArity(fn);
  if (a && !arityAccepts(a, expected)) {
    throw new QueryError(
      "invalid_argument",
      `\`${name}\` should accept ${expected} parameter${expected === 1 ? "" : "s"}, provided function requires ${arityText(a, "parameter")}.`,
    );
  }
}

/** Interprets a predicate's result: true keeps, false/null drops, anything else is a type error. */
export function truthy(v: Value): boolean {
  if (v === true) return true;
  if (v === false || v === null) return false;
  throw typeMismatch("Boolean", v);
}

// ---- narrowing accessors for already-checked arguments ----------------------------------

export const asInt = (v: Value): number => (v as { value: number }).value;
export const asStr = (v: Value): string => v as string;
export const asArr = (v: Value): Value[] => v as Value[];
