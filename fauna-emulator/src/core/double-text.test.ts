import assert from "node:assert/strict";
import { test } from "node:test";
import { javaDoubleString } from "./double-text.js";

test("Double debug form follows JVM Double.toString", () => {
  assert.equal(javaDoubleString(1), "1.0");
  assert.equal(javaDoubleString(1.5), "1.5");
  assert.equal(javaDoubleString(0.001), "0.001");
  assert.equal(javaDoubleString(0.0001), "1.0E-4");
  assert.equal(javaDoubleString(1e7), "1.0E7");
  assert.equal(javaDoubleString(1234567.5), "1234567.5");
  assert.equal(javaDoubleString(-2.5e-10), "-2.5E-10");
  assert.equal(javaDoubleString(NaN), "NaN");
  assert.equal(javaDoubleString(-Infinity), "-Infinity");
});
