// The FQL value model shared by every layer (parser-free evaluator, wire codecs, storage).
//
// Primitive FQL values map onto JS primitives where that is lossless:
//   null → null, Boolean → boolean, String → string,
//   Array → Value[] (a plain JS array), Object → Map<string, Value> (insertion ordered).
// Everything else is a tagged object with a `kind` discriminator.

export type Value =
  | null
  | boolean
  | string
  | Value[]
  | ObjectValue
  | IntValue
  | LongValue
  | DoubleValue
  | TimeValue
  | DateValue
  | BytesValue
  | DocValue
  | NamedDocValue
  | ModuleValue
  | SetValue
  | FunctionValue;

export type ObjectValue = Map<string, Value>;

/** 32-bit integer. */
export interface IntValue {
  readonly kind: "int";
  readonly value: number;
}
/** 64-bit integer. */
export interface LongValue {
  readonly kind: "long";
  readonly value: bigint;
}
/** IEEE double. */
export interface DoubleValue {
  readonly kind: "double";
  readonly value: number;
}
export type NumberValue = IntValue | LongValue | DoubleValue;

/** An instant with nanosecond precision: epoch nanoseconds as a bigint. */
export interface TimeValue {
  readonly kind: "time";
  readonly nanos: bigint;
}
/** A calendar date, ISO `YYYY-MM-DD`. */
export interface DateValue {
  readonly kind: "date";
  readonly iso: string;
}
export interface BytesValue {
  readonly kind: "bytes";
  readonly bytes: Uint8Array;
}

/**
 * A reference to a document of a collection with a numeric id (user collections and the
 * native `Key`, `Token`, `Credential` collections). Whether it exists / is readable is only
 * decided when it is read. `override` holds an in-memory version (data incl. `secret`) for
 * documents returned by Key.create/Token.create/login, which render without a read check.
 * `cause` is set for references known not to resolve (e.g. the result of `.delete()`).
 */
export interface DocValue {
  readonly kind: "doc";
  readonly coll: string;
  readonly id: string;
  readonly override?: ObjectValue;
  readonly cause?: NullCause;
  /** Read as of this transaction time (documents on a cursor's later page). */
  readonly at?: bigint;
}

export type NullCause = "not found" | "permission denied" | "deleted" | "collection deleted";

/** A named schema document: Collection/Function/Role/... definitions addressed by name. */
export interface NamedDocValue {
  readonly kind: "named";
  readonly coll: string; // "Collection" | "Function" | "Role" | "AccessProvider" | "Database"
  readonly name: string;
  /** Set on references known not to resolve (the result of `.delete()`). */
  readonly cause?: NullCause;
}

/** A module / global object: a user collection (`Product`), `Math`, `Time`, `Collection`... */
export interface ModuleValue {
  readonly kind: "module";
  readonly name: string;
}

/** A lazy Set. `source` is interpreted by the evaluator's set engine. */
export interface SetValue {
  readonly kind: "set";
  readonly source: unknown;
}

/** Anything callable. */
export type FunctionValue = LambdaValue | NativeFunctionValue | UdfValue;

export interface LambdaValue {
  readonly kind: "lambda";
  readonly params: readonly string[];
  readonly variadic: string | null;
  /** Opaque to everything but the evaluator (AST + captured scope). */
  readonly body: unknown;
  readonly scope: unknown;
}

export interface NativeFunctionValue {
  readonly kind: "native";
  readonly name: string;
  /** Invoked by the evaluator; `ctx` is the evaluator's call context. */
  readonly call: (ctx: unknown, args: Value[]) => Value;
}

export interface UdfValue {
  readonly kind: "udf";
  readonly name: string;
}

// ---- constructors -------------------------------------------------------------------------

export const int = (value: number): IntValue => ({ kind: "int", value });
export const long = (value: bigint): LongValue => ({ kind: "long", value });
export const double = (value: number): DoubleValue => ({ kind: "double", value });
export const time = (nanos: bigint): TimeValue => ({ kind: "time", nanos });
export const date = (iso: string): DateValue => ({ kind: "date", iso });
export const bytes = (b: Uint8Array): BytesValue => ({ kind: "bytes", bytes: b });
export const doc = (coll: string, id: string, extra?: { override?: ObjectValue; cause?: NullCause }): DocValue => ({
  kind: "doc",
  coll,
  id,
  ...extra,
});
export const named = (coll: string, name: string): NamedDocValue => ({ kind: "named", coll, name });
export const mod = (name: string): ModuleValue => ({ kind: "module", name });
export const obj = (entries: Iterable<readonly [string, Value]> = []): ObjectValue => new Map(entries);

export const INT_MIN = -(2 ** 31);
export const INT_MAX = 2 ** 31 - 1;
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/** The narrowest integer value for a bigint: Int if it fits 32 bits, else Long, else Double. */
export function integer(n: bigint): NumberValue {
  if (n >= BigInt(INT_MIN) && n <= BigInt(INT_MAX)) return int(Number(n));
  if (n >= LONG_MIN && n <= LONG_MAX) return long(n);
  return double(Number(n));
}

// ---- guards -------------------------------------------------------------------------------

type Tagged = Exclude<Value, null | boolean | string | Value[] | ObjectValue>;
const kindOf = (v: Value): string | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map) ? (v as Tagged).kind : undefined;

export const isObject = (v: Value): v is ObjectValue => v instanceof Map;
export const isArray = (v: Value): v is Value[] => Array.isArray(v);
export const isNumber = (v: Value): v is NumberValue => {
  const k = kindOf(v);
  return k === "int" || k === "long" || k === "double";
};
export const isInt = (v: Value): v is IntValue => kindOf(v) === "int";
export const isLong = (v: Value): v is LongValue => kindOf(v) === "long";
export const isDouble = (v: Value): v is DoubleValue => kindOf(v) === "double";
export const isTime = (v: Value): v is TimeValue => kindOf(v) === "time";
export const isDate = (v: Value): v is DateValue => kindOf(v) === "date";
export const isBytes = (v: Value): v is BytesValue => kindOf(v) === "bytes";
export const isDoc = (v: Value): v is DocValue => kindOf(v) === "doc";
export const isNamedDoc = (v: Value): v is NamedDocValue => kindOf(v) === "named";
export const isModule = (v: Value): v is ModuleValue => kindOf(v) === "module";
export const isSet = (v: Value): v is SetValue => kindOf(v) === "set";
export const isFunction = (v: Value): v is FunctionValue => {
  const k = kindOf(v);
  return k === "lambda" || k === "native" || k === "udf";
};

/** JS number of any numeric value (Long may lose precision). */
export const toJsNumber = (v: NumberValue): number => (v.kind === "long" ? Number(v.value) : v.value);

/** FQL type name as used in error messages ("String", "Int", "Array", "Product", ...). */
export function typeName(v: Value): string {
  if (v === null) return "Null";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string") return "String";
  if (Array.isArray(v)) return "Array";
  if (v instanceof Map) return "Object";
  switch (v.kind) {
    case "int":
      return "Int";
    case "long":
      return "Long";
    case "double":
      return "Double";
    case "time":
      return "Time";
    case "date":
      return "Date";
    case "bytes":
      return "Bytes";
    case "doc":
      return v.coll;
    case "named":
      return v.coll === "Collection" ? "CollectionDef" : v.coll === "Function" ? "FunctionDef" : v.coll;
    case "module":
      return v.name;
    case "set":
      return "Set";
    default:
      return "Function";
  }
}
