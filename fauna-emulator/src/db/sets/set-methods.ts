// Methods of Set values and the `Set` module. Lazy methods wrap the source; eager ones iterate.
import { QueryError, isArray, isNumber, isSet, obj, toJsNumber, type Value } from "../../core/index.js";
import { checkArity, checkCallback, invalidArgumentType, truthy } from "../../fql/index.js";
import type { QueryContext } from "../context.js";
import { makeSet, sourceOf, type SetSource } from "../set-source.js";
import { checkSize, countOf, iterate, page, pageSizeOf, paginateCursor, toArray, type Page } from "./sets.js";

type SetMethod = (ctx: QueryContext, src: SetSource, args: Value[]) => Value;

const pageObject = (p: Page): Value => {
  const m = obj([["data", p.data]]);
  if (p.after !== null) m.set("after", p.after);
  return m;
};

function nonNegInt(name: string, v: Value | undefined): number {
  if (v === undefined || !isNumber(v) || !Number.isInteger(toJsNumber(v)))
    throw invalidArgumentType(name, "Int", v ?? null);
  const n = toJsNumber(v);
  if (n < 0)
    throw new QueryError("invalid_bounds", `expected \`${name}\` to be greater than or equal to 0, received ${n}`);
  return n;
}

function asSource(v: Value, name: string): SetSource {
  if (isSet(v)) return sourceOf(v);
  if (isArray(v)) return { t: "items", items: v };
  throw invalidArgumentType(name, "Set<Any>", v);
}

function first(ctx: QueryContext, src: SetSource): Value {
  for (const it of iterate(ctx, src, undefined, 1)) return it.v;
  return null;
}

export const setMethods: Record<string, SetMethod> = {
  where(_ctx, src, args) {
    checkArity(args, 1);
    checkCallback("predicate", 1, args[0]!);
    return makeSet({ t: "where", src, pred: args[0]! });
  },
  filter(ctx, src, args) {
    return setMethods.where!(ctx, src, args);
  },
  map(_ctx, src, args) {
    checkArity(args, 1);
    checkCallback("mapper", 1, args[0]!);
    return makeSet({ t: "map", src, fn: args[0]! });
  },
  flatMap(_ctx, src, args) {
    checkArity(args, 1);
    checkCallback("mapper", 1, args[0]!);
    return makeSet({ t: "flatMap", src, fn: args[0]! });
  },
  take(_ctx, src, args) {
    checkArity(args, 1);
    return makeSet({ t: "take", src, n: nonNegInt("limit", args[0]) });
  },
  drop(_ctx, src, args) {
    checkArity(args, 1);
    return makeSet({ t: "drop", src, n: nonNegInt("amount", args[0]) });
  },
  order(_ctx, src, args) {
    return makeSet({ t: "sorted", src, orderings: args });
  },
  reverse(_ctx, src, args) {
    checkArity(args, 0);
    return makeSet({ t: "reverse", src });
  },
  distinct(_ctx, src, args) {
    checkArity(args, 0);
    return makeSet({ t: "distinct", src });
  },
  concat(_ctx, src, args) {
    checkArity(args, 1);
    return makeSet({ t: "concat", a: src, b: asSource(args[0]!, "other") });
  },
  pageSize(_ctx, src, args) {
    checkArity(args, 1);
    return makeSet({ t: "paged", src: src.t === "paged" ? src.src : src, size: checkSize(args[0]!) });
  },
  toSet(_ctx, src, args) {
    checkArity(args, 0);
    return makeSet(src);
  },
  paginate(ctx, src, args) {
    checkArity(args, 0, 1);
    const size = args.length ? checkSize(args[0]!) : pageSizeOf(src);
    return pageObject(page(ctx, src, size));
  },
  first(ctx, src, args) {
    checkArity(args, 0);
    return first(ctx, src);
  },
  last(ctx, src, args) {
    checkArity(args, 0);
    let last: Value = null;
    for (const it of iterate(ctx, src)) last = it.v;
    return last;
  },
  firstWhere(ctx, src, args) {
    checkArity(args, 1);
    checkCallback("predicate", 1, args[0]!);
    for (const it of iterate(ctx, src)) if (truthy(ctx.call(args[0]!, [it.v]))) return it.v;
    return null;
  },
  lastWhere(ctx, src, args) {
    checkArity(args, 1);
    checkCallback("predicate", 1, args[0]!);
    let found: Value = null;
    for (const it of iterate(ctx, src)) if (truthy(ctx.call(args[0]!, [it.v]))) found = it.v;
    return found;
  },
  toArray(ctx, src, args) {
    checkArity(args, 0);
    return toArray(ctx, src);
  },
  count(ctx, src, args) {
    checkArity(args, 0);
    return countOf(ctx, src);
  },
  isEmpty(ctx, src, args) {
    checkArity(args, 0);
    for (const _ of iterate(ctx, src, undefined, 1)) return false;
    return true;
  },
  nonEmpty(ctx, src, args) {
    checkArity(args, 0);
    for (const _ of iterate(ctx, src, undefined, 1)) return true;
    return false;
  },
  includes(ctx, src, args) {
    checkArity(args, 1);
    for (const it of iterate(ctx, src)) if (ctx.equals(it.v, args[0]!)) return true;
    return false;
  },
  any(ctx, src, args) {
    checkArity(args, 1);
    checkCallback("predicate", 1, args[0]!);
    for (const it of iterate(ctx, src)) if (truthy(ctx.call(args[0]!, [it.v]))) return true;
    return false;
  },
  every(ctx, src, args) {
    checkArity(args, 1);
    checkCallback("predicate", 1, args[0]!);
    for (const it of iterate(ctx, src)) if (!truthy(ctx.call(args[0]!, [it.v]))) return false;
    return true;
  },
  forEach(ctx, src, args) {
    checkArity(args, 1);
    checkCallback("callback", 1, args[0]!);
    // Materialize first so writes made by the callback cannot feed the iteration.
    for (const v of toArray(ctx, src)) ctx.call(args[0]!, [v]);
    return null;
  },
  fold(ctx, src, args) {
    checkArity(args, 2);
    checkCallback("reducer", 2, args[1]!);
    let acc: Value = args[0] ?? null;
    for (const it of iterate(ctx, src)) acc = ctx.call(args[1]!, [acc, it.v]);
    return acc;
  },
  foldRight(ctx, src, args) {
    checkArity(args, 2);
    checkCallback("reducer", 2, args[1]!);
    let acc: Value = args[0] ?? null;
    for (const v of toArray(ctx, src).reverse()) acc = ctx.call(args[1]!, [v, acc]);
    return acc;
  },
  reduce(ctx, src, args) {
    checkArity(args, 1);
    checkCallback("reducer", 2, args[0]!);
    let acc: Value | undefined;
    for (const it of iterate(ctx, src)) acc = acc === undefined ? it.v : ctx.call(args[0]!, [acc, it.v]);
    return acc ?? null;
  },
  aggregate(ctx, src, args) {
    return setMethods.fold!(ctx, src, args);
  },
  toString(_ctx: QueryContext, _src: SetSource, args: Value[]) {
    checkArity(args, 0);
    return "[set]";
  },
};

/** Statics of the `Set` module. */
export const setModule: Record<string, (ctx: QueryContext, args: Value[]) => Value> = {
  single(_ctx, args) {
    checkArity(args, 1);
    return makeSet({ t: "items", items: [args[0]!] });
  },
  sequence(_ctx, args) {
    checkArity(args, 2);
    const [a, b] = args.map((v, i) => {
      if (!isNumber(v) || !Number.isInteger(toJsNumber(v)))
        throw invalidArgumentType(i === 0 ? "from" : "until", "Int", v);
      return toJsNumber(v);
    }) as [number, number];
    return makeSet({ t: "range", from: a, until: b });
  },
  paginate(ctx, args) {
    checkArity(args, 1, 2);
    return pageObject(paginateCursor(ctx, args[0]!, args[1]));
  },
};
