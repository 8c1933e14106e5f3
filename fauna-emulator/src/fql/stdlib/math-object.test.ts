import assert from "node:assert/strict";
import { test } from "node:test";
import { assertQueryError, callMethod, fakeCtx } from "../../../test/support/stdlib.js";
import { QueryError, doc, double, int, long, obj, type Value } from "../../core/index.js";
import { mathModule } from "./math.js";
import { booleanMembers, nullMembers, numberMembers } from "./number.js";
import { objectModule } from "./object.js";

const m = (name: string, ...args: Value[]) => callMethod(mathModule, name, null, args);
const o = (name: string, ...args: Value[]) => callMethod(objectModule, name, null, args);

test("Math constants are Doubles", () => {
  assert.deepEqual(mathModule.props.PI!(null), double(Math.PI));
  assert.deepEqual(mathModule.props.E!(null), double(Math.E));
  assert.ok(Number.isNaN((mathModule.props.NaN!(null) as { value: number }).value));
  assert.deepEqual(mathModule.props.Infinity!(null), double(Infinity));
});

test("abs/ceil/floor/max/min keep integer types; ceil/floor of Doubles stay Double", () => {
  assert.deepEqual(m("abs", int(-3)), int(3));
  assert.deepEqual(m("abs", double(-1.5)), double(1.5));
  assert.deepEqual(m("ceil", int(3)), int(3));
  assert.deepEqual(m("ceil", double(1.2)), double(2));
  assert.deepEqual(m("floor", double(-1.2)), double(-2));
  assert.deepEqual(m("max", int(1), double(2.5)), double(2.5));
  assert.deepEqual(m("min", int(1), long(5n)), int(1));
});

test("transcendental functions return Doubles and validate their domain", () => {
  assert.deepEqual(m("sqrt", int(9)), double(3));
  assert.deepEqual(m("pow", int(2), int(3)), double(8));
  assert.deepEqual(m("log10", int(1000)), double(3));
  assert.deepEqual(m("exp", int(0)), double(1));
  assert.deepEqual(m("sin", int(0)), double(0));
  assert.deepEqual(m("hypot", int(3), int(4)), double(5));
  assertQueryError(() => m("sqrt", int(-1)), "invalid_argument", "invalid argument `x`: x must be nonnegative");
  assertQueryError(() => m("log", int(0)), "invalid_argument", "invalid argument `x`: x must be positive");
  assertQueryError(() => m("acos", int(2)), "invalid_argument", "invalid argument `x`: argument must lie in [-1, 1]");
});

test("sign is an Int; round and trunc take a precision and give Long for integers", () => {
  assert.deepEqual(m("sign", double(-2.5)), int(-1));
  assert.deepEqual(m("sign", int(0)), int(0));
  assert.deepEqual(m("round", double(5.123456), int(2)), double(5.12));
  assert.deepEqual(m("round", double(5.5), int(0)), double(6));
  assert.deepEqual(m("round", int(1234), int(-2)), long(1200n));
  assert.deepEqual(m("trunc", double(5.129), int(2)), double(5.12));
  assert.deepEqual(m("trunc", int(1299), int(-2)), long(1200n));
  assertQueryError(
    () => m("round", double(1.5)),
    "invalid_function_invocation",
    "callee function expects exactly 2 arguments, but 1 was provided.",
  );
});

test("sum keeps integer arithmetic; mean is a Double; non-numbers are rejected", () => {
  assert.deepEqual(m("sum", [int(1), int(2), int(3)]), int(6));
  assert.deepEqual(m("sum", [int(1), double(0.5)]), double(1.5));
  assert.deepEqual(m("mean", [int(1), int(2)]), double(1.5));
  assert.deepEqual(m("sum", []), int(0));
  assertQueryError(
    () => m("sum", [int(1), "x"]),
    "invalid_argument",
    "invalid argument `numbers`: all array elements must be numbers",
  );
  assertQueryError(
    () => m("sum", int(1)),
    "invalid_argument",
    "expected arguments to `sum` of type (Array<Any>) | (Set<Any>), received (Int)",
  );
});

test("Object.keys/values/entries follow insertion order; fromEntries rebuilds the object", () => {
  const x = obj([
    ["b", int(1)],
    ["a", int(2)],
  ]);
  assert.deepEqual(o("keys", x), ["b", "a"]);
  assert.deepEqual(o("values", x), [int(1), int(2)]);
  assert.deepEqual(o("entries", x), [
    ["b", int(1)],
    ["a", int(2)],
  ]);
  assert.deepEqual(
    o("fromEntries", [
      ["b", int(1)],
      ["a", int(2)],
      ["b", int(3)],
    ]),
    obj([
      ["b", int(3)],
      ["a", int(2)],
    ]),
  );
  assertQueryError(
    () => o("fromEntries", [["a"]]),
    "invalid_argument",
    "invalid argument `entries`: expected inner array of length 2 but saw length 1 at index 0",
  );
  assertQueryError(
    () => o("fromEntries", [[int(1), int(2)]]),
    "invalid_argument",
    "invalid argument `entries`: expected a string for the first element of each inner array, but saw type Int at index 0",
  );
  assertQueryError(
    () => o("keys", int(1)),
    "invalid_argument",
    "expected value for `object` of type { *: Any }, received Int",
  );
});

test("Object.assign is shallow and the source wins", () => {
  const dst = obj([
    ["a", int(1)],
    ["n", obj([["x", int(1)]])],
  ]);
  const src = obj([
    ["a", int(2)],
    ["n", obj([["y", int(2)]])],
  ]);
  assert.deepEqual(
    o("assign", dst, src),
    obj([
      ["a", int(2)],
      ["n", obj([["y", int(2)]])],
    ]),
  );
  assert.deepEqual(dst.get("a"), int(1)); // inputs are not mutated
});

test("Object.assign converts documents through the query context and reports missing ones", () => {
  const ctx = fakeCtx(undefined, (d) =>
    d.kind === "doc" && d.id === "1"
      ? obj([
          ["id", "1"],
          ["name", "x"],
        ])
      : new QueryError("document_not_found", "Collection `P` does not contain document with id 2."),
  );
  const assign = (...args: Value[]) => callMethod(objectModule, "assign", null, args, ctx);
  assert.deepEqual(
    assign(obj(), doc("P", "1")),
    obj([
      ["id", "1"],
      ["name", "x"],
    ]),
  );
  assertQueryError(
    () => assign(obj(), doc("P", "2")),
    "invalid_argument",
    "invalid argument `source`: collection `P` does not contain document with id 2.",
  );
});

test("Object.select and hasPath walk nested objects", () => {
  const x = obj([["a", obj([["b", int(1)]])]]);
  assert.deepEqual(o("select", x, ["a", "b"]), int(1));
  assert.equal(o("select", x, ["a", "z"]), null);
  assert.equal(o("hasPath", x, ["a", "b"]), true);
  assert.equal(o("hasPath", x, ["a", "b", "c"]), false);
  assertQueryError(
    () => o("select", x, [int(1)]),
    "invalid_argument",
    "invalid argument `path`: expected an array of strings",
  );
});

test("Object.toString and number/boolean/null toString use the display form", () => {
  assert.equal(o("toString", obj([["a", double(1)]])), "{ a: 1.0 }");
  assert.equal(callMethod(numberMembers, "toString", double(2), []), "2");
  assert.equal(callMethod(numberMembers, "toString", double(2.5), []), "2.5");
  assert.equal(callMethod(booleanMembers, "toString", true, []), "true");
  assert.equal(callMethod(nullMembers, "toString", null, []), "null");
  assertQueryError(
    () => callMethod(numberMembers, "toString", int(1), [int(2)], fakeCtx()),
    "invalid_function_invocation",
  );
});
