// The `Math` module (faunadb Math.scala). Results are Doubles except abs/ceil/floor/max/min
// (keep the input type), round/trunc of integers (Long, as in Fauna) and sign (Int).
import { compareNumbers, double, int, long, type NumberValue, type Value } from "../../core/index.js";
import { asArr, asInt, checkArgs, invalidArgument, p, type Signature } from "./args.js";
import { addNumbers, divideNumbers } from "./operators.js";
import type { CallContext, Method, ModuleMembers } from "./types.js";

const n = (v: Value): NumberValue => v as NumberValue;
const toD = (v: Value): number =>
  n(v).kind === "long" ? Number((v as { value: bigint }).value) : (v as { value: number }).value;

const fn =
  (name: string, sigs: readonly Signature[], impl: (args: Value[], ctx: CallContext) => Value): Method =>
  (ctx, _self, args) =>
    impl(checkArgs(name, sigs, args), ctx);

const X = [p("x", "Number")];
const unary = (name: string, f: (x: number) => number): Method => fn(name, [X], ([x]) => double(f(toD(x!))));

/** JVM `double.toLong` as a JS number (truncate, saturate, NaN → 0). */
function jToLong(d: number): number {
  if (Number.isNaN(d)) return 0;
  return Math.trunc(Math.max(Math.min(d, 9223372036854775807), -9223372036854775808));
}
const jToInt = (d: number): number => Math.trunc(Math.max(Math.min(d, 2147483647), -2147483648));

// Fauna's RoundFunction/TruncFunction (ported as-is, including half-up on the raw sign).
function roundLong(num: number, dp: number): number {
  if (dp > 0) return num;
  const tmp = Math.pow(10, dp);
  return jToLong(jToLong(num * tmp + 0.5) / tmp);
}
function roundDouble(num: number, dp: number): number {
  if (dp > 0) {
    const tmp = jToInt(Math.pow(10, dp));
    const w = jToLong(num);
    const fract = jToLong((num - w + 0.5 / tmp) * tmp);
    return w + fract / tmp;
  }
  const tmp = Math.pow(10, dp);
  return jToLong(jToLong(num * tmp + 0.5) / tmp);
}
function truncLong(num: number, dp: number): number {
  if (dp > 0) return num;
  const tmp = Math.pow(10, dp);
  return jToLong(jToLong(num * tmp) / tmp);
}
function truncDouble(num: number, dp: number): number {
  if (dp > 0) {
    const tmp = jToInt(Math.pow(10, dp));
    const w = jToLong(num);
    return w + jToLong((num - w) * tmp) / tmp;
  }
  const tmp = Math.pow(10, dp);
  return jToLong(num * tmp) / tmp;
}

const allNumbers = (): never => {
  throw invalidArgument("numbers", "all array elements must be numbers");
};

/** Fauna's Math.sum over materialized values (the evaluator uses it for Sets too). */
export function sumNumbers(ctx: CallContext, values: readonly Value[]): NumberValue {
  let acc: NumberValue = int(0);
  for (const v of values) {
    ctx.tick();
    const k = v !== null && typeof v === "object" && "kind" in v ? v.kind : undefined;
    if (k !== "int" && k !== "long" && k !== "double") allNumbers();
    acc = addNumbers(acc, n(v));
  }
  return acc;
}

/** Fauna's Math.mean: sum / count as a Double (NaN when empty). */
export const meanNumbers = (ctx: CallContext, values: readonly Value[]): NumberValue =>
  divideNumbers(sumNumbers(ctx, values), double(values.length));

const NUMBERS: readonly Signature[] = [[p("numbers", "Array")], [p("numbers", "Set")]];

function arrayOnly(name: string, args: Value[]): Value[] {
  const [v] = args;
  // Sets are materialized by the evaluator, which then calls sumNumbers/meanNumbers.
  if (!Array.isArray(v)) throw new Error(`Math.${name} on a Set must be evaluated by the evaluator`);
  return asArr(v);
}

export const mathModule: ModuleMembers = {
  props: {
    NaN: () => double(NaN),
    Infinity: () => double(Infinity),
    E: () => double(Math.E),
    PI: () => double(Math.PI),
  },
  methods: {
    abs: fn("abs", [X], ([x]) => {
      const v = n(x!);
      if (v.kind === "int") return int(v.value < 0 ? -v.value | 0 : v.value);
      if (v.kind === "long") return long(v.value < 0n ? BigInt.asIntN(64, -v.value) : v.value);
      return double(Math.abs(v.value));
    }),
    acos: fn("acos", [X], ([x]) => {
      const v = toD(x!);
      if (v < -1 || v > 1) throw invalidArgument("x", "argument must lie in [-1, 1]");
      return double(Math.acos(v));
    }),
    asin: fn("asin", [X], ([x]) => {
      const v = toD(x!);
      if (v < -1 || v > 1) throw invalidArgument("x", "argument must lie in [-1, 1]");
      return double(Math.asin(v));
    }),
    atan: unary("atan", Math.atan),
    ceil: fn("ceil", [X], ([x]) => (n(x!).kind === "double" ? double(Math.ceil(toD(x!))) : x!)),
    floor: fn("floor", [X], ([x]) => (n(x!).kind === "double" ? double(Math.floor(toD(x!))) : x!)),
    cos: unary("cos", Math.cos),
    cosh: unary("cosh", Math.cosh),
    degrees: unary("degrees", (x) => (x * 180) / Math.PI),
    radians: unary("radians", (x) => (x / 180) * Math.PI),
    exp: unary("exp", Math.exp),
    hypot: fn("hypot", [[p("x", "Number"), p("y", "Number")]], ([x, y]) => double(Math.hypot(toD(x!), toD(y!)))),
    log: fn("log", [X], ([x]) => {
      if (compareNumbers(x!, int(0)) <= 0) throw invalidArgument("x", "x must be positive");
      return double(Math.log(toD(x!)));
    }),
    log10: fn("log10", [X], ([x]) => {
      if (compareNumbers(x!, int(0)) <= 0) throw invalidArgument("x", "x must be positive");
      return double(Math.log10(toD(x!)));
    }),
    max: fn("max", [[p("x", "Number"), p("y", "Number")]], ([x, y]) => (compareNumbers(x!, y!) < 0 ? y! : x!)),
    min: fn("min", [[p("x", "Number"), p("y", "Number")]], ([x, y]) => (compareNumbers(x!, y!) <= 0 ? x! : y!)),
    mean: fn("mean", NUMBERS, (args, ctx) => meanNumbers(ctx, arrayOnly("mean", args))),
    sum: fn("sum", NUMBERS, (args, ctx) => sumNumbers(ctx, arrayOnly("sum", args))),
    pow: fn("pow", [[p("x", "Number"), p("power", "Number")]], ([x, y]) => double(Math.pow(toD(x!), toD(y!)))),
    round: fn("round", [[p("x", "Number"), p("precision", "Int")]], ([x, pr]) => {
      const v = n(x!);
      const dp = asInt(pr!);
      return v.kind === "double" ? double(roundDouble(v.value, dp)) : long(BigInt(roundLong(toD(v), dp)));
    }),
    trunc: fn("trunc", [[p("x", "Number"), p("precision", "Int")]], ([x, pr]) => {
      const v = n(x!);
      const dp = asInt(pr!);
      return v.kind === "double" ? double(truncDouble(v.value, dp)) : long(BigInt(truncLong(toD(v), dp)));
    }),
    sign: fn("sign", [X], ([x]) => int(Math.sign(compareNumbers(x!, int(0))))),
    sin: unary("sin", Math.sin),
    sinh: unary("sinh", Math.sinh),
    sqrt: fn("sqrt", [X], ([x]) => {
      if (compareNumbers(x!, int(0)) < 0) throw invalidArgument("x", "x must be nonnegative");
      return double(Math.sqrt(toD(x!)));
    }),
    tan: unary("tan", Math.tan),
    tanh: unary("tanh", Math.tanh),
  },
};
