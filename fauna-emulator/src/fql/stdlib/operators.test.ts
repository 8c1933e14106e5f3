import assert from "node:assert/strict";
import { test } from "node:test";
import { assertQueryError, fakeCtx } from "../../../test/support/stdlib.js";
import { date, double, int, long, time, type Value } from "../../core/index.js";
import { binaryOp, bitwiseNot, negate } from "./operators.js";

const ctx = fakeCtx();
const op = (o: Parameters<typeof binaryOp>[1], a: Value, b: Value) => binaryOp(ctx, o, a, b);

test("Int + Int stays Int; Int overflow promotes to Long; Long overflow falls back to Double", () => {
  assert.deepEqual(op("+", int(1), int(2)), int(3));
  assert.deepEqual(op("+", int(2147483647), int(1)), long(2147483648n));
  assert.deepEqual(op("*", int(65536), int(65536)), long(4294967296n));
  assert.deepEqual(op("+", long(9223372036854775807n), int(1)), double(9223372036854775808));
  assert.deepEqual(op("-", long(-9223372036854775808n), int(1)), double(-9223372036854775808));
});

test("integer results that fit 32 bits narrow back to Int", () => {
  assert.deepEqual(op("-", long(4294967296n), long(4294967295n)), int(1));
});

test("any Double operand gives a Double", () => {
  assert.deepEqual(op("+", int(1), double(0.5)), double(1.5));
  assert.deepEqual(op("*", long(3n), double(2)), double(6));
});

test("integer division truncates toward zero; modulo keeps the dividend's sign", () => {
  assert.deepEqual(op("/", int(7), int(2)), int(3));
  assert.deepEqual(op("/", int(-7), int(2)), int(-3));
  assert.deepEqual(op("%", int(-7), int(2)), int(-1));
  assert.deepEqual(op("/", double(7), int(2)), double(3.5));
});

test("integer divide or modulo by zero is divide_by_zero; Double division gives Infinity/NaN", () => {
  assertQueryError(() => op("/", int(1), int(0)), "divide_by_zero", "Attempted integer division by zero.");
  assertQueryError(() => op("%", long(1n), int(0)), "divide_by_zero", "Attempted integer division by zero.");
  assert.deepEqual(op("/", int(1), double(0)), double(Infinity));
  assert.ok(Number.isNaN((op("%", double(1), int(0)) as { value: number }).value));
});

test("** on integers is exact, right operand negative gives a Double, huge results become Double", () => {
  assert.deepEqual(op("**", int(2), int(10)), int(1024));
  assert.deepEqual(op("**", int(2), int(40)), long(1099511627776n));
  assert.deepEqual(op("**", int(2), int(-1)), double(0.5));
  assert.deepEqual(op("**", int(2), int(2147483646)), double(Infinity));
  assert.deepEqual(op("**", int(-1), int(3)), int(-1));
});

test("bitwise operators work on 64-bit integers and truncate Doubles", () => {
  assert.deepEqual(op("&", int(7), int(5)), int(5));
  assert.deepEqual(op("|", int(7), int(5)), int(7));
  assert.deepEqual(op("^", int(7), int(5)), int(2));
  assert.deepEqual(op("&", double(7.1), double(5.2)), int(5));
  assert.deepEqual(bitwiseNot(int(7)), int(-8));
});

test("String + anything appends the display string of the right side", () => {
  assert.equal(op("+", "n=", int(3)), "n=3");
  assert.equal(op("+", "x", double(1.5)), "x1.5");
  assert.equal(op("+", "x", double(2)), "x2");
  assert.equal(op("+", "t=", time(0n)), "t=1970-01-01T00:00:00Z");
  assert.equal(op("+", "a", [int(1), "b"]), 'a[1, "b"]');
  assert.equal(op("+", "", null), "null");
});

test("Number + String is invalid_argument naming the `other` parameter", () => {
  assertQueryError(
    () => op("+", int(3), "x"),
    "invalid_argument",
    "expected value for `other` of type Number, received String",
  );
  assertQueryError(
    () => op("**", int(3), "x"),
    "invalid_argument",
    "expected value for `exponent` of type Number, received String",
  );
});

test("arithmetic on a non-number receiver is invalid_function_invocation", () => {
  assertQueryError(
    () => op("+", true, int(1)),
    "invalid_function_invocation",
    "The function `+` does not exist on `Boolean`",
  );
  assertQueryError(
    () => op("-", [int(1)], int(1)),
    "invalid_function_invocation",
    "The function `-` does not exist on `Array<Any>`",
  );
});

test("=~ and !~ parse but no type implements them", () => {
  assertQueryError(
    () => op("=~", "a", "a"),
    "invalid_function_invocation",
    "The function `=~` does not exist on `String`",
  );
});

test("comparisons order numbers across types, strings, times and dates", () => {
  assert.equal(op("<", int(1), double(1.5)), true);
  assert.equal(op(">=", long(2n), int(2)), true);
  assert.equal(op("<", "a", "b"), true);
  assert.equal(op(">", time(2n), time(1n)), true);
  assert.equal(op("<=", date("2024-01-01"), date("2024-01-02")), true);
  assert.equal(op("<", [int(1)], [int(2)]), true);
});

test("comparisons between unrelated types are false in both directions", () => {
  assert.equal(op("<", int(1), "a"), false);
  assert.equal(op(">", int(1), "a"), false);
  assert.equal(op(">=", "a", int(1)), false);
  assert.equal(op("<", null, int(1)), false);
  assert.equal(op("<=", null, null), true);
});

test("unary minus negates with the operand's type", () => {
  assert.deepEqual(negate(int(5)), int(-5));
  assert.deepEqual(negate(long(5n)), long(-5n));
  assert.deepEqual(negate(double(1.5)), double(-1.5));
  assertQueryError(() => negate("a"), "invalid_function_invocation", "The function `-` does not exist on `String`");
});
