import assert from "node:assert/strict";
import { test } from "node:test";
import { lambda } from "../../../test/support/stdlib.js";
import { bytes, date, doc, double, int, long, mod, obj, time, type Value } from "../../core/index.js";
import { debugString, displayString } from "./display.js";

test("display of an integral Double has no fraction; others use Double.toString", () => {
  assert.equal(displayString(double(2)), "2");
  assert.equal(displayString(double(1e21)), "1000000000000000000000");
  assert.equal(displayString(double(1.5)), "1.5");
  assert.equal(displayString(double(1e-5)), "1.0E-5");
  assert.equal(displayString(double(Infinity)), "Infinity");
});

test("display of scalars is bare: strings, times, dates, bytes, null, booleans", () => {
  assert.equal(displayString("hi"), "hi");
  assert.equal(displayString(int(3)), "3");
  assert.equal(displayString(long(9007199254740993n)), "9007199254740993");
  assert.equal(displayString(time(1_500_000_000n)), "1970-01-01T00:00:01.500Z");
  assert.equal(displayString(date("2024-05-01")), "2024-05-01");
  assert.equal(displayString(bytes(new Uint8Array([1, 2, 3]))), "AQID");
  assert.equal(displayString(null), "null");
  assert.equal(displayString(true), "true");
});

test("containers render nested values in debug form", () => {
  const v: Value = [int(1), double(2), 'a"b', time(0n), date("2024-01-01"), null];
  assert.equal(displayString(v), '[1, 2.0, "a\\"b", Time("1970-01-01T00:00:00Z"), Date("2024-01-01"), null]');
  assert.equal(
    displayString(
      obj([
        ["a", int(1)],
        ["b c", [int(2)]],
      ]),
    ),
    '{ a: 1, "b c": [2] }',
  );
  assert.equal(displayString(obj()), "{}");
  assert.equal(displayString([]), "[]");
});

test("functions, modules and sets have placeholder renderings", () => {
  assert.equal(displayString(lambda(["x"], (x) => x)), "[function <lambda>]");
  assert.equal(displayString({ kind: "native", name: "abs", call: () => null }), "[function abs()]");
  assert.equal(displayString(mod("Math")), "Math");
  assert.equal(displayString([{ kind: "set", source: null }]), "[[set]]");
});

test("documents use the hook, told whether they are nested", () => {
  const d = doc("Product", "123");
  const hook = (_v: Value, nested: boolean) => (nested ? "[doc 123 in Product]" : '{ id: ID("123") }');
  assert.equal(displayString(d, hook), '{ id: ID("123") }');
  assert.equal(displayString([d], hook), "[[doc 123 in Product]]");
  assert.equal(debugString([d]), "[[doc 123 in Product]]");
});

test("strings are escaped like FQL literals in debug form", () => {
  assert.equal(debugString("a\nb#{x}"), '"a\\nb\\#{x}"');
});
