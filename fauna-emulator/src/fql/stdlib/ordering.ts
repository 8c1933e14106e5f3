// Orderings for `order()`: like Fauna, `asc(fn)` / `desc(fn)` produce plain objects
// `{ asc: fn }` / `{ desc: fn }`, and a bare function means ascending. Shared by Array.order
// and the evaluator's Set.order.
import {
  compare,
  isFunction,
  obj,
  QueryError,
  type FunctionValue,
  type NativeFunctionValue,
  type ObjectValue,
  type Value,
} from "../../core/index.js";
import { arityAccepts, arityText, check, dynamicTypeName, funcArity, p } from "./args.js";
import type { CallContext } from "./types.js";

export interface Ordering {
  readonly accessor: FunctionValue;
  readonly desc: boolean;
}

/** The FQL value of `asc(fn)` / `desc(fn)`. */
export const makeOrdering = (fn: FunctionValue, desc: boolean): ObjectValue => obj([[desc ? "desc" : "asc", fn]]);

function paramArityError(name: string, fn: FunctionValue): QueryError {
  return new QueryError(
    "invalid_argument",
    `\`${name}\` should accept 1 parameter, provided function requires ${arityText(funcArity(fn)!, "parameter")}.`,
  );
}

const acceptsOne = (fn: FunctionValue): boolean => {
  const a = funcArity(fn);
  return a === null || arityAccepts(a, 1);
};

function orderingNative(name: "asc" | "desc"): NativeFunctionValue {
  return {
    kind: "native",
    name,
    call: (_ctx: unknown, args: Value[]) => {
      const [accessor] = check(name, [p("accessor", "Function")], args);
      const fn = accessor as FunctionValue;
      if (!acceptsOne(fn)) throw paramArityError("accessor", fn);
      return makeOrdering(fn, name === "desc");
    },
  };
}

/** Global `asc(accessor)`. */
export const ascFn: NativeFunctionValue = orderingNative("asc");
/** Global `desc(accessor)`. */
export const descFn: NativeFunctionValue = orderingNative("desc");

/** Validates `order(...)` arguments (named `ordering0`, `ordering1`, … in errors). */
export function collectOrderings(args: readonly Value[]): Ordering[] {
  return args.map((v, idx) => {
    const name = `ordering${idx}`;
    if (isFunction(v)) {
      if (!acceptsOne(v)) throw paramArityError(name, v);
      return { accessor: v, desc: false };
    }
    if (v instanceof Map && v.size === 1) {
      const [[key, fn]] = [...v] as [[string, Value]];
      if ((key === "asc" || key === "desc") && isFunction(fn)) {
        if (!acceptsOne(fn)) throw paramArityError(name, fn);
        return { accessor: fn, desc: key === "desc" };
      }
    }
    throw new QueryError(
      "invalid_argument",
      `expected value for \`${name}\` of type Function, received ${dynamicTypeName(v)}`,
    );
  });
}

/**
 * Stable sort of `items` by the orderings (no orderings: by the values themselves,
 * ascending). Each accessor runs once per element; the total order is `compare`.
 */
export function sortByOrderings(ctx: CallContext, items: readonly Value[], orderings: readonly Ordering[]): Value[] {
  const keyed = items.map((item) => {
    ctx.tick();
    return { item, keys: orderings.length === 0 ? [item] : orderings.map((o) => ctx.call(o.accessor, [item])) };
  });
  keyed.sort((x, y) => {
    for (let i = 0; i < x.keys.length; i++) {
      const c = compare(x.keys[i]!, y.keys[i]!);
      if (c !== 0) return orderings[i]?.desc ? -c : c;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}
