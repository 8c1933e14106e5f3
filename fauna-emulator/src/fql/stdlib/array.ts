// Array methods (faunadb Arrays.scala). Callbacks go through ctx.call with ctx.tick per step;
// callback arity is checked up front like Fauna ("`mapper` should accept 1 parameter…").
import { int, type Value } from "../../core/index.js";
import {
  asArr,
  asInt,
  check,
  checkArgs,
  checkCallback,
  indexOutOfBounds,
  p,
  truthy,
  typeMismatch,
  valueTooLarge,
  type Signature,
} from "./args.js";
import { collectOrderings, sortByOrderings } from "./ordering.js";
import type { CallContext, Method, ModuleMembers, TypeMembers } from "./types.js";
import { valueKey } from "./value-key.js";

/** Fauna's array size limit (Array.sequence; Set.toArray in the evaluator). */
export const ARRAY_MAX_SIZE = 16_000;

type Impl = (ctx: CallContext, self: Value[], args: Value[]) => Value;
const method =
  (name: string, sigs: readonly Signature[], impl: Impl): Method =>
  (ctx, self, args) =>
    impl(ctx, self as Value[], checkArgs(name, sigs, args));

const PRED = [p("predicate", "Function")];

/** Scala `Seq.slice` semantics: bounds are clamped, never counted from the end. */
function scalaSlice<T>(xs: readonly T[], from: number, until: number): T[] {
  const lo = Math.max(from, 0);
  const hi = Math.min(Math.max(until, 0), xs.length);
  return hi <= lo ? [] : xs.slice(lo, hi);
}

function checkIndex(self: readonly Value[], idx: number): number {
  if (idx < 0 || idx >= self.length) throw indexOutOfBounds(idx, self.length);
  return idx;
}

function callPred(ctx: CallContext, fn: Value, elem: Value): boolean {
  ctx.tick();
  return truthy(ctx.call(fn, [elem]));
}

function where(ctx: CallContext, self: Value[], fn: Value, name: string): Value[] {
  checkCallback(name, 1, fn);
  return self.filter((e) => callPred(ctx, fn, e));
}

function findIndex(ctx: CallContext, self: Value[], fn: Value, from: number): number {
  checkCallback("predicate", 1, fn);
  for (let i = Math.max(from, 0); i < self.length; i++) if (callPred(ctx, fn, self[i]!)) return i;
  return -1;
}

function findLastIndex(ctx: CallContext, self: Value[], fn: Value, end: number): number {
  checkCallback("predicate", 1, fn);
  for (let i = Math.min(end, self.length - 1); i >= 0; i--) if (callPred(ctx, fn, self[i]!)) return i;
  return -1;
}

/** `any` / `every`: stop at the first result different from `dflt`; null counts as false. */
function anyEvery(ctx: CallContext, self: Value[], fn: Value, dflt: boolean): boolean {
  checkCallback("predicate", 1, fn);
  for (const e of self) {
    ctx.tick();
    const r = ctx.call(fn, [e]);
    const b =
      r === null
        ? false
        : typeof r === "boolean"
          ? r
          : (() => {
              throw typeMismatch("Boolean", r);
            })();
    if (b !== dflt) return b;
  }
  return dflt;
}

const orNull = (i: number): Value => (i >= 0 ? int(i) : null);

function foldLeft(ctx: CallContext, items: readonly Value[], seed: Value, fn: Value): Value {
  let acc = seed;
  for (const v of items) {
    ctx.tick();
    acc = ctx.call(fn, [acc, v]);
  }
  return acc;
}

function foldRight(ctx: CallContext, items: readonly Value[], seed: Value, fn: Value): Value {
  let acc = seed;
  for (let i = items.length - 1; i >= 0; i--) {
    ctx.tick();
    acc = ctx.call(fn, [acc, items[i]!]);
  }
  return acc;
}

function indexOfValue(ctx: CallContext, self: Value[], elem: Value, from: number): number {
  for (let i = from; i < self.length; i++) if (ctx.equals(self[i]!, elem)) return i;
  return -1;
}

function lastIndexOfValue(ctx: CallContext, self: Value[], elem: Value, end: number): number {
  for (let i = Math.min(end, self.length - 1); i >= 0; i--) if (ctx.equals(self[i]!, elem)) return i;
  return -1;
}

function distinct(self: Value[]): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const v of self) {
    const k = valueKey(v);
    if (k === undefined) {
      if (!out.includes(v)) out.push(v); // functions/sets: identity
    } else if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

function flattenInto(out: Value[], v: Value): void {
  if (!Array.isArray(v)) throw typeMismatch("Array<Any>", v);
  for (const x of v) out.push(x);
}

export const arrayMembers: TypeMembers = {
  props: {
    length: (self) => int((self as Value[]).length),
  },
  methods: {
    at: method("at", [[p("index", "Int")]], (_c, self, [i]) => self[checkIndex(self, asInt(i!))]!),

    aggregate: method("aggregate", [[p("seed"), p("combiner", "Function")]], (ctx, self, [seed, fn]) => {
      checkCallback("combiner", 2, fn!);
      if (self.length === 0) return seed!;
      // Pairwise tree reduction (O(log n) depth), then combine with the seed.
      let level = self;
      while (level.length > 1) {
        const next: Value[] = [];
        for (let i = 0; i < level.length; i += 2) {
          ctx.tick();
          next.push(i + 1 < level.length ? ctx.call(fn!, [level[i]!, level[i + 1]!]) : level[i]!);
        }
        level = next;
      }
      return ctx.call(fn!, [level[0]!, seed!]);
    }),

    any: method("any", [PRED], (ctx, self, [fn]) => anyEvery(ctx, self, fn!, false)),
    every: method("every", [PRED], (ctx, self, [fn]) => anyEvery(ctx, self, fn!, true)),

    append: method("append", [[p("element")]], (_c, self, [e]) => [...self, e!]),
    prepend: method("prepend", [[p("element")]], (_c, self, [e]) => [e!, ...self]),
    concat: method("concat", [[p("other", "Array")]], (_c, self, [o]) => [...self, ...asArr(o!)]),

    distinct: method("distinct", [[]], (_c, self) => distinct(self)),
    drop: method("drop", [[p("amount", "Int")]], (_c, self, [n]) => self.slice(Math.max(asInt(n!), 0))),
    take: method("take", [[p("limit", "Int")]], (_c, self, [n]) => self.slice(0, Math.max(asInt(n!), 0))),

    entries: method("entries", [[]], (_c, self) => self.map((v, i) => [int(i), v])),

    filter: method("filter", [PRED], (ctx, self, [fn]) => where(ctx, self, fn!, "predicate")),
    where: method("where", [[p("predicate", "Function")]], (ctx, self, [fn]) => where(ctx, self, fn!, "pred")),
    firstWhere: method("firstWhere", [PRED], (ctx, self, [fn]) => {
      checkCallback("pred", 1, fn!);
      for (const e of self) if (callPred(ctx, fn!, e)) return e;
      return null;
    }),
    lastWhere: method("lastWhere", [PRED], (ctx, self, [fn]) => {
      checkCallback("pred", 1, fn!);
      for (let i = self.length - 1; i >= 0; i--) if (callPred(ctx, fn!, self[i]!)) return self[i]!;
      return null;
    }),

    first: method("first", [[]], (_c, self) => self[0] ?? null),
    last: method("last", [[]], (_c, self) => self[self.length - 1] ?? null),

    flatten: method("flatten", [[]], (_c, self) => {
      const out: Value[] = [];
      for (const v of self) flattenInto(out, v);
      return out;
    }),
    flatMap: method("flatMap", [[p("mapper", "Function")]], (ctx, self, [fn]) => {
      checkCallback("mapper", 1, fn!);
      const out: Value[] = [];
      for (const v of self) {
        ctx.tick();
        flattenInto(out, ctx.call(fn!, [v]));
      }
      return out;
    }),
    map: method("map", [[p("mapper", "Function")]], (ctx, self, [fn]) => {
      checkCallback("mapper", 1, fn!);
      return self.map((v) => {
        ctx.tick();
        return ctx.call(fn!, [v]);
      });
    }),
    forEach: method("forEach", [[p("callback", "Function")]], (ctx, self, [fn]) => {
      checkCallback("fn", 1, fn!);
      for (const v of self) {
        ctx.tick();
        ctx.call(fn!, [v]);
      }
      return null;
    }),

    fold: method("fold", [[p("seed"), p("reducer", "Function")]], (ctx, self, [seed, fn]) => {
      checkCallback("reducer", 2, fn!);
      return foldLeft(ctx, self, seed!, fn!);
    }),
    foldRight: method("foldRight", [[p("seed"), p("reducer", "Function")]], (ctx, self, [seed, fn]) => {
      checkCallback("reducer", 2, fn!);
      return foldRight(ctx, self, seed!, fn!);
    }),
    reduce: method("reduce", [[p("reducer", "Function")]], (ctx, self, [fn]) => {
      checkCallback("reducer", 2, fn!);
      return self.length === 0 ? null : foldLeft(ctx, self.slice(1), self[0]!, fn!);
    }),
    reduceRight: method("reduceRight", [[p("reducer", "Function")]], (ctx, self, [fn]) => {
      checkCallback("reducer", 2, fn!);
      return self.length === 0 ? null : foldRight(ctx, self.slice(0, -1), self[self.length - 1]!, fn!);
    }),

    includes: method("includes", [[p("element")]], (ctx, self, [e]) => self.some((x) => ctx.equals(x, e!))),
    indexOf: method("indexOf", [[p("element")], [p("element"), p("start", "Int")]], (ctx, self, [e, s]) =>
      orNull(indexOfValue(ctx, self, e!, s === undefined ? 0 : checkIndex(self, asInt(s)))),
    ),
    lastIndexOf: method("lastIndexOf", [[p("element")], [p("element"), p("end", "Int")]], (ctx, self, [e, s]) =>
      orNull(lastIndexOfValue(ctx, self, e!, s === undefined ? self.length - 1 : checkIndex(self, asInt(s)))),
    ),
    indexWhere: method("indexWhere", [PRED, [...PRED, p("start", "Int")]], (ctx, self, [fn, s]) =>
      orNull(findIndex(ctx, self, fn!, s === undefined ? 0 : checkIndex(self, asInt(s)))),
    ),
    lastIndexWhere: method("lastIndexWhere", [PRED, [...PRED, p("end", "Int")]], (ctx, self, [fn, s]) =>
      orNull(findLastIndex(ctx, self, fn!, s === undefined ? self.length : checkIndex(self, asInt(s)))),
    ),

    isEmpty: method("isEmpty", [[]], (_c, self) => self.length === 0),
    nonEmpty: method("nonEmpty", [[]], (_c, self) => self.length > 0),

    order: (ctx, self, args) => sortByOrderings(ctx, self as Value[], collectOrderings(args)),

    reverse: method("reverse", [[]], (_c, self) => [...self].reverse()),
    slice: method("slice", [[p("from", "Int")], [p("from", "Int"), p("until", "Int")]], (_c, self, [a, b]) =>
      scalaSlice(self, asInt(a!), b === undefined ? self.length : asInt(b)),
    ),

    toString: method("toString", [[]], (ctx, self) => ctx.display(self)),
  },
};

/** The `Array` module: `Array.sequence(from, until)`. */
export const arrayModule: ModuleMembers = {
  props: {},
  methods: {
    sequence: (_ctx, _self, args) => {
      const [from, until] = check("sequence", [p("from", "Int"), p("until", "Int")], args);
      const a = asInt(from!);
      const n = Math.max(asInt(until!) - a, 0);
      if (n > ARRAY_MAX_SIZE) throw valueTooLarge(`range size ${n} exceeds limit ${ARRAY_MAX_SIZE}`);
      return Array.from({ length: n }, (_, i) => int(a + i));
    },
  },
};
