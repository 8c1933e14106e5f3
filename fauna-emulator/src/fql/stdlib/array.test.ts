import assert from "node:assert/strict";
import { test } from "node:test";
import { assertQueryError, callMethod, fakeCtx, lambda } from "../../../test/support/stdlib.js";
import { date, double, int, obj, time, type Value } from "../../core/index.js";
import { arrayMembers, arrayModule } from "./array.js";
import { ascFn, descFn, makeOrdering } from "./ordering.js";

const a = (self: Value[], name: string, ...args: Value[]) => callMethod(arrayMembers, name, self, args);
const nums = (...xs: number[]) => xs.map(int);
const val = (v: Value) => (v as { value: number }).value;
const isEven = lambda(["x"], (x) => val(x) % 2 === 0);
const add = lambda(["acc", "x"], (acc, x) => int(val(acc) + val(x)));

test("length, at (bounds-checked), first, last, isEmpty, nonEmpty", () => {
  assert.deepEqual(arrayMembers.props.length!(nums(1, 2)), int(2));
  assert.deepEqual(a(nums(1, 2), "at", int(1)), int(2));
  assertQueryError(() => a(nums(1, 2), "at", int(2)), "index_out_of_bounds", "index 2 out of bounds for length 2");
  assert.deepEqual(a(nums(1, 2), "first"), int(1));
  assert.equal(a([], "first"), null);
  assert.deepEqual(a(nums(1, 2), "last"), int(2));
  assert.equal(a([], "isEmpty"), true);
  assert.equal(a(nums(1), "nonEmpty"), true);
});

test("construction: append, prepend, concat, reverse, distinct, entries", () => {
  assert.deepEqual(a(nums(1), "append", int(2)), nums(1, 2));
  assert.deepEqual(a(nums(1), "prepend", int(0)), nums(0, 1));
  assert.deepEqual(a(nums(1), "concat", nums(2, 3)), nums(1, 2, 3));
  assert.deepEqual(a(nums(1, 2), "reverse"), nums(2, 1));
  assert.deepEqual(a([int(1), double(1), "a", "a", obj([["x", int(1)]]), obj([["x", int(1)]])], "distinct"), [
    int(1),
    "a",
    obj([["x", int(1)]]),
  ]);
  assert.deepEqual(a(["a", "b"], "entries"), [
    [int(0), "a"],
    [int(1), "b"],
  ]);
});

test("slicing: take, drop and slice clamp their bounds", () => {
  assert.deepEqual(a(nums(1, 2, 3), "take", int(2)), nums(1, 2));
  assert.deepEqual(a(nums(1, 2, 3), "take", int(-1)), []);
  assert.deepEqual(a(nums(1, 2, 3), "drop", int(1)), nums(2, 3));
  assert.deepEqual(a(nums(1, 2, 3), "slice", int(1)), nums(2, 3));
  assert.deepEqual(a(nums(1, 2, 3), "slice", int(-5), int(2)), nums(1, 2));
  assert.deepEqual(a(nums(1, 2, 3), "slice", int(2), int(1)), []);
});

test("predicates: where/filter, firstWhere, lastWhere, any, every; null counts as false", () => {
  assert.deepEqual(a(nums(1, 2, 3, 4), "where", isEven), nums(2, 4));
  assert.deepEqual(a(nums(1, 2, 3, 4), "filter", isEven), nums(2, 4));
  assert.deepEqual(a(nums(1, 2, 3, 4), "firstWhere", isEven), int(2));
  assert.deepEqual(a(nums(1, 2, 3, 4), "lastWhere", isEven), int(4));
  assert.equal(a(nums(1, 3), "firstWhere", isEven), null);
  assert.equal(a(nums(1, 2), "any", isEven), true);
  assert.equal(a(nums(1, 2), "every", isEven), false);
  assert.equal(a([], "every", isEven), true);
  assert.deepEqual(
    a(
      nums(1, 2),
      "where",
      lambda(["x"], () => null),
    ),
    [],
  );
});

test("a predicate returning a non-boolean is type_mismatch", () => {
  assertQueryError(
    () =>
      a(
        nums(1),
        "where",
        lambda(["x"], () => int(1)),
      ),
    "type_mismatch",
    "expected type: Boolean, received Int",
  );
});

test("callbacks with the wrong arity are rejected before any call", () => {
  assertQueryError(
    () =>
      a(
        nums(1),
        "map",
        lambda(["a", "b"], (x) => x),
      ),
    "invalid_argument",
    "`mapper` should accept 1 parameter, provided function requires exactly 2 parameters.",
  );
  assertQueryError(
    () =>
      a(
        nums(1),
        "fold",
        int(0),
        lambda(["a"], (x) => x),
      ),
    "invalid_argument",
    "`reducer` should accept 2 parameters, provided function requires exactly 1 parameter.",
  );
  assertQueryError(
    () => a(nums(1), "map", int(1)),
    "invalid_argument",
    "expected value for `mapper` of type Function, received Int",
  );
});

test("map, flatMap, flatten, forEach (returns null and ticks per element)", () => {
  const ctx = fakeCtx();
  const twice = lambda(["x"], (x) => int(val(x) * 2));
  assert.deepEqual(callMethod(arrayMembers, "map", nums(1, 2), [twice], ctx), nums(2, 4));
  assert.equal(ctx.ticks, 2);
  assert.deepEqual(
    a(
      nums(1, 2),
      "flatMap",
      lambda(["x"], (x) => [x, x]),
    ),
    nums(1, 1, 2, 2),
  );
  assert.deepEqual(a([nums(1), nums(2, 3)], "flatten"), nums(1, 2, 3));
  assertQueryError(() => a([nums(1), int(2)], "flatten"), "type_mismatch", "expected type: Array<Any>, received Int");
  const seen: Value[] = [];
  assert.equal(
    a(
      nums(1, 2),
      "forEach",
      lambda(["x"], (x) => (seen.push(x), null)),
    ),
    null,
  );
  assert.deepEqual(seen, nums(1, 2));
});

test("folds: fold, foldRight, reduce, reduceRight (null when empty), aggregate", () => {
  const cat = lambda(["acc", "x"], (acc, x) => (acc as string) + (x as string));
  assert.deepEqual(a(nums(1, 2, 3), "fold", int(10), add), int(16));
  assert.equal(a(["a", "b", "c"], "fold", "", cat), "abc");
  assert.equal(a(["a", "b", "c"], "foldRight", "", cat), "cba");
  assert.equal(a(["a", "b", "c"], "reduce", cat), "abc");
  assert.equal(a(["a", "b", "c"], "reduceRight", cat), "cba");
  assert.equal(a([], "reduce", cat), null);
  assert.deepEqual(a(nums(1, 2, 3, 4, 5), "aggregate", int(0), add), int(15));
  assert.deepEqual(a([], "aggregate", int(7), add), int(7));
});

test("search: includes/indexOf/lastIndexOf use FQL equality; indexWhere/lastIndexWhere", () => {
  assert.equal(a(nums(1, 2), "includes", double(2)), true);
  assert.deepEqual(a(nums(1, 2, 1), "indexOf", int(1)), int(0));
  assert.deepEqual(a(nums(1, 2, 1), "indexOf", int(1), int(1)), int(2));
  assert.deepEqual(a(nums(1, 2, 1), "lastIndexOf", int(1)), int(2));
  assert.deepEqual(a(nums(1, 2, 1), "lastIndexOf", int(1), int(1)), int(0));
  assert.equal(a(nums(1, 2), "indexOf", int(9)), null);
  assertQueryError(
    () => a(nums(1, 2), "indexOf", int(1), int(5)),
    "index_out_of_bounds",
    "index 5 out of bounds for length 2",
  );
  assert.deepEqual(a(nums(1, 2, 3, 4), "indexWhere", isEven), int(1));
  assert.deepEqual(a(nums(1, 2, 3, 4), "indexWhere", isEven, int(2)), int(3));
  assert.deepEqual(a(nums(1, 2, 3, 4), "lastIndexWhere", isEven), int(3));
  assert.deepEqual(a(nums(1, 2, 3, 4), "lastIndexWhere", isEven, int(2)), int(1));
});

test("order() without arguments sorts by FQL's total order across types, null last", () => {
  const mixed: Value[] = [null, true, date("2024-01-01"), time(0n), obj(), [], "b", "a", double(1.5), int(1)];
  assert.deepEqual(a(mixed, "order"), [
    int(1),
    double(1.5),
    "a",
    "b",
    [],
    obj(),
    time(0n),
    date("2024-01-01"),
    true,
    null,
  ]);
});

test("order() with asc/desc orderings and bare accessors, stable for ties", () => {
  const ctx = fakeCtx();
  const rows = [
    obj([
      ["n", "b"],
      ["p", int(2)],
    ]),
    obj([
      ["n", "a"],
      ["p", int(2)],
    ]),
    obj([
      ["n", "c"],
      ["p", int(1)],
    ]),
  ];
  const price = lambda(["x"], (x) => (x as Map<string, Value>).get("p")!);
  const name = lambda(["x"], (x) => (x as Map<string, Value>).get("n")!);
  const byPriceDescThenName = callMethod(
    arrayMembers,
    "order",
    rows,
    [descFn.call(ctx, [price]), name],
    ctx,
  ) as Value[];
  assert.deepEqual(
    byPriceDescThenName.map((r) => (r as Map<string, Value>).get("n")),
    ["a", "b", "c"],
  );
  const byPriceAsc = callMethod(arrayMembers, "order", rows, [ascFn.call(ctx, [price])], ctx) as Value[];
  assert.deepEqual(
    byPriceAsc.map((r) => (r as Map<string, Value>).get("n")),
    ["c", "b", "a"],
  );
  assert.deepEqual(makeOrdering(price, true), obj([["desc", price]]));
});

test("order() rejects values that are not orderings", () => {
  assertQueryError(
    () => a(nums(1), "order", int(1)),
    "invalid_argument",
    "expected value for `ordering0` of type Function, received Int",
  );
  assertQueryError(
    () => descFn.call(fakeCtx(), [int(1)]),
    "invalid_argument",
    "expected value for `accessor` of type Function, received Int",
  );
});

test("Array.sequence builds a range and enforces the 16000-element limit", () => {
  const seq = arrayModule.methods.sequence!;
  assert.deepEqual(seq(fakeCtx(), null, [int(2), int(5)]), nums(2, 3, 4));
  assertQueryError(
    () => seq(fakeCtx(), null, [int(0), int(16001)]),
    "value_too_large",
    "Value too large: range size 16001 exceeds limit 16000.",
  );
});

test("toString renders the array in debug form", () => {
  assert.equal(a([int(1), "x"], "toString"), '[1, "x"]');
});
