// Arithmetic, bitwise and ordering operators (faunadb Numbers.scala, Strings.scala `+`,
// FieldTable.scala comparisons). `==`, `!=`, `&&`, `||`, `??` and `isa` live in the evaluator.
import {
  QueryError,
  compare,
  double,
  int,
  integer,
  isNumber,
  LONG_MAX,
  LONG_MIN,
  long,
  type NumberValue,
  type Value,
} from "../../core/index.js";
import type { BinaryOp } from "../ast.js";
import { functionDoesNotExist, invalidArgumentType, valueTooLarge } from "./args.js";
import type { CallContext } from "./types.js";

/** Maximum string length (UTF-16 units), Fauna's transaction size limit. */
export const STRING_MAX_SIZE = 16 * 1024 * 1024;

const divideByZero = () => new QueryError("divide_by_zero", "Attempted integer division by zero.");

const big = (v: NumberValue): bigint => (v.kind === "long" ? v.value : BigInt(v.value));
const num = (v: NumberValue): number => (v.kind === "long" ? Number(v.value) : v.value);
const inLong = (n: bigint): boolean => n >= LONG_MIN && n <= LONG_MAX;

/** JVM `double.toLong`: truncates, saturates, NaN → 0. */
function jvmToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= 9223372036854775807) return LONG_MAX;
  if (d <= -9223372036854775808) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

// Integer ops are exact on 64 bits and fall back to Double on overflow (Math.addExact et al.).
function integerOp(op: "+" | "-" | "*", x: bigint, y: bigint): NumberValue {
  const r = op === "+" ? x + y : op === "-" ? x - y : x * y;
  if (inLong(r)) return integer(r);
  const a = Number(x);
  const b = Number(y);
  return double(op === "+" ? a + b : op === "-" ? a - b : a * b);
}

function power(a: NumberValue, b: NumberValue): NumberValue {
  if (a.kind === "double" || b.kind === "double") return double(Math.pow(num(a), num(b)));
  const x = big(a);
  const y = big(b);
  if (y === 0n || x === 1n) return int(1);
  if (x === -1n) return int(y % 2n === 0n ? 1 : -1);
  if (x === 0n && y > 0n) return int(0);
  if (y > 0n && y <= 2147483646n) {
    // |x| ≥ 2 with y > 64 cannot fit 64 bits; Fauna's BigInt result becomes a Double then.
    if (y > 64n) return double(Math.pow(Number(x), Number(y)));
    return integer(x ** y);
  }
  return double(Math.pow(Number(x), Number(y)));
}

function arithmetic(op: BinaryOp, a: NumberValue, b: NumberValue): NumberValue {
  const integral = a.kind !== "double" && b.kind !== "double";
  switch (op) {
    case "+":
    case "-":
    case "*":
      return integral
        ? integerOp(op, big(a), big(b))
        : double(op === "+" ? num(a) + num(b) : op === "-" ? num(a) - num(b) : num(a) * num(b));
    case "/":
      if (!integral) return double(num(a) / num(b));
      if (big(b) === 0n) throw divideByZero();
      return integer(BigInt.asIntN(64, big(a) / big(b))); // bigint division truncates like the JVM
    case "%":
      if (!integral) return double(num(a) % num(b));
      if (big(b) === 0n) throw divideByZero();
      return integer(big(a) % big(b));
    case "**":
      return power(a, b);
    case "&":
    case "|":
    case "^": {
      const x = a.kind === "double" ? jvmToLong(a.value) : big(a);
      const y = b.kind === "double" ? jvmToLong(b.value) : big(b);
      return integer(op === "&" ? x & y : op === "|" ? x | y : x ^ y);
    }
    default:
      throw new Error(`not an arithmetic operator: ${op}`);
  }
}

/** Whether Fauna considers two values comparable with `<` (else the comparison is false). */
function comparable(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === null && b === null;
  if (typeof a !== "object" || typeof b !== "object") return typeof a === typeof b;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b);
  if (a instanceof Map || b instanceof Map) return a instanceof Map && b instanceof Map;
  if (isNumber(a)) return isNumber(b);
  const group = (k: string) =>
    k === "doc" || k === "named" ? "doc" : k === "lambda" || k === "native" || k === "udf" ? "fn" : k;
  return group(a.kind) === group(b.kind);
}

/**
 * Evaluates a binary operator other than `==`, `!=`, `&&`, `||`, `??`, `isa`.
 * Numbers: Int/Long exact with promotion to Long then Double on overflow, any Double
 * operand gives a Double, integer `/` and `%` by zero → `divide_by_zero`.
 * `String + x` appends the display string of `x`. `<`… on unrelated types → false.
 */
export function binaryOp(ctx: CallContext, op: BinaryOp, a: Value, b: Value): Value {
  switch (op) {
    case "<":
    case ">":
    case "<=":
    case ">=": {
      if (!comparable(a, b)) return false;
      const c = compare(a, b);
      return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
    case "+":
      if (typeof a === "string") {
        const s = ctx.display(b);
        const len = a.length + s.length;
        if (len > STRING_MAX_SIZE) throw valueTooLarge(`string size ${len} exceeds limit ${STRING_MAX_SIZE}`);
        return a + s;
      }
    // falls through
    case "-":
    case "*":
    case "/":
    case "%":
    case "**":
    case "&":
    case "|":
    case "^":
      if (!isNumber(a)) throw functionDoesNotExist(op, a);
      if (!isNumber(b)) throw invalidArgumentType(op === "**" ? "exponent" : "other", "Number", b);
      return arithmetic(op, a, b);
    case "=~":
    case "!~":
      // Parsed by FQL but not implemented by any type.
      throw functionDoesNotExist(op, a);
    default:
      throw new Error(`operator ${op} is evaluated by the evaluator`);
  }
}

/** Unary minus. Int/Long negate with JVM wrap-around (Fauna does not promote here). */
export function negate(v: Value): Value {
  if (!isNumber(v)) throw functionDoesNotExist("-", v);
  if (v.kind === "int") return int(-v.value | 0);
  if (v.kind === "long") return long(BigInt.asIntN(64, -v.value));
  return double(-v.value);
}

/** Unary bitwise not `~` (Doubles are truncated to Long first). */
export function bitwiseNot(v: Value): Value {
  if (!isNumber(v)) throw functionDoesNotExist("~", v);
  if (v.kind === "int") return int(~v.value);
  return integer(~(v.kind === "long" ? v.value : jvmToLong(v.value)));
}

/** Exported for Math.sum/mean: Fauna's numeric `+`. */
export const addNumbers = (a: NumberValue, b: NumberValue): NumberValue => arithmetic("+", a, b);
export const divideNumbers = (a: NumberValue, b: NumberValue): NumberValue => arithmetic("/", a, b);
