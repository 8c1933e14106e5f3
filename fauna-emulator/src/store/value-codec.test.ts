import assert from "node:assert/strict";
import { test } from "node:test";
import { randomValue, seededRng } from "../../test/support/random-values.js";
import { QueryError, bytes, date, doc, double, int, long, mod, named, obj, time, type Value } from "../core/index.js";
import { decodeObject, decodeValue, encodeObject, encodeValue } from "./value-codec.js";

/** Deep equality that tells Int from Double, -0 from 0, and checks object key order. */
function same(a: Value, b: Value): boolean {
  if (a === null || typeof a !== "object") return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]!));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    const ka = [...a.keys()];
    const kb = [...b.keys()];
    return ka.every((k, i) => k === kb[i] && same(a.get(k)!, b.get(k)!));
  }
  if (b === null || typeof b !== "object" || Array.isArray(b) || b instanceof Map || b.kind !== a.kind) return false;
  switch (a.kind) {
    case "int":
    case "double":
    case "long":
      return Object.is(a.value, (b as typeof a).value);
    case "bytes":
      return Buffer.from(a.bytes).equals(Buffer.from((b as typeof a).bytes));
    default:
      return (
        JSON.stringify(a, (_k, x: unknown) => (typeof x === "bigint" ? `${x}` : x)) ===
        JSON.stringify(b, (_k, x: unknown) => (typeof x === "bigint" ? `${x}` : x))
      );
  }
}

test("document bodies round-trip losslessly, keeping key order, @-keys and numeric kinds", () => {
  const body = obj([
    ["2", "integer-like key stays after?"],
    ["a", int(1)],
    ["@ref", "looks tagged"],
    ["1", null],
    ["d", double(1)],
    ["neg0", double(-0)],
    ["nan", double(NaN)],
    ["inf", [double(Infinity), double(-Infinity)]],
    ["l", long(-(2n ** 63n))],
    ["t", time(-123456789012345678901n)],
    ["day", date("2024-02-29")],
    ["b", bytes(Uint8Array.from([0, 255, 7]))],
    ["ref", doc("Product", "412654807171449088")],
    ["nref", named("Collection", "Product")],
    ["nested", obj([["x", [true, false, obj([["y", "z"]])]]])],
    ["arr", ["A", "O", ["L", "1"]]], // strings that look like codec tags
  ]);
  const back = decodeObject(encodeObject(body));
  assert.ok(same(body, back), `round trip changed ${encodeObject(body)}`);
  assert.deepEqual([...back.keys()], [...body.keys()]);
});

test("random persistable values round-trip", () => {
  const r = seededRng(3);
  let checked = 0;
  for (let i = 0; i < 3000; i++) {
    const v = randomValue(r);
    let text: string;
    try {
      text = encodeValue(v);
    } catch (e) {
      assert.ok(e instanceof QueryError && e.code === "invalid_type");
      continue;
    }
    const back = decodeValue(text);
    assert.ok(same(v, back), `round trip of ${text}`);
    checked++;
  }
  assert.ok(checked > 1500);
});

test("document refs store only collection and id (not in-memory overrides)", () => {
  const back = decodeValue(encodeValue(doc("Key", "1", { override: obj([["secret", "s"]]), cause: "deleted" })));
  assert.deepEqual(back, { kind: "doc", coll: "Key", id: "1" });
});

test("sets, functions and modules cannot be stored (invalid_type)", () => {
  const cases: Value[] = [
    { kind: "set", source: null },
    { kind: "lambda", params: [], variadic: null, body: null, scope: null },
    { kind: "udf", name: "F" },
    mod("Math"),
    obj([["deep", [{ kind: "set", source: null }]]]),
  ];
  for (const v of cases) {
    assert.throws(
      () => encodeValue(v),
      (e: unknown) => e instanceof QueryError && e.code === "invalid_type",
    );
  }
  assert.throws(
    () => encodeValue({ kind: "lambda", params: [], variadic: null, body: null, scope: null }),
    /Anonymous functions cannot be stored/,
  );
});
