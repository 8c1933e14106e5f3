import assert from "node:assert/strict";
import { test } from "node:test";
import {
  bytes,
  date,
  doc,
  double,
  int,
  long,
  mod,
  named,
  obj,
  time,
  type LambdaValue,
  type NativeFunctionValue,
} from "../core/index.js";
import type { Rendered } from "../engine/types.js";
import { ValueDecodeError, decodeSimple, decodeTagged } from "./decode.js";
import { encodeResult } from "./encode.js";
import { parseJson, stringifyJson } from "./json.js";
import { formatInstant, javaDouble, parseInstant } from "./scalars.js";

const reason = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ValueDecodeError, `expected ValueDecodeError, got ${String(e)}`);
    return e.message;
  }
  assert.fail("expected a decode error");
};

const tagged = (text: string) => decodeTagged(parseJson(text));
const wire = (v: Rendered, format: "tagged" | "simple") => stringifyJson(encodeResult(v, format));

test("tagged decoding reads @int, @long, @double, @date, @bytes, @mod and plain JSON", () => {
  assert.deepEqual(tagged('{"@int":"-12"}'), int(-12));
  assert.deepEqual(tagged('{"@long":"9223372036854775807"}'), long(9223372036854775807n));
  assert.deepEqual(tagged('{"@double":"1.5"}'), double(1.5));
  assert.deepEqual(tagged('{"@double":"1.0E10"}'), double(1e10));
  assert.ok(Number.isNaN((tagged('{"@double":"NaN"}') as { value: number }).value));
  assert.deepEqual(tagged('{"@date":"2024-02-29"}'), date("2024-02-29"));
  assert.deepEqual(tagged('{"@bytes":"AQID"}'), bytes(new Uint8Array([1, 2, 3])));
  assert.deepEqual(tagged('{"@mod":"Product"}'), mod("Product"));
  assert.deepEqual(tagged('[true, null, "x", {"a": {"@int":"1"}}]'), [true, null, "x", obj([["a", int(1)]])]);
});

test("tagged decoding rejects bare numbers, bad tags and out-of-range integers", () => {
  assert.equal(
    reason(() => tagged("5")),
    "numbers must be tagged",
  );
  assert.equal(
    reason(() => tagged('{"a": [1]}')),
    "numbers must be tagged",
  );
  assert.equal(
    reason(() => tagged('{"@int":"2147483648"}')),
    "invalid integer",
  );
  assert.equal(
    reason(() => tagged('{"@int":"1.5"}')),
    "invalid integer",
  );
  assert.equal(
    reason(() => tagged('{"@long":"9223372036854775808"}')),
    "invalid long",
  );
  assert.equal(
    reason(() => tagged('{"@weird":"x"}')),
    "invalid tag '@weird'",
  );
  assert.equal(
    reason(() => tagged('{"@set":"cursor"}')),
    "invalid tag '@set'",
  );
  assert.equal(
    reason(() => tagged('{"@int":"1","x":"y"}')),
    "too many keys in tagged value",
  );
  assert.equal(
    reason(() => tagged('{"@date":"2023-02-29"}')),
    "invalid date",
  );
  assert.equal(
    reason(() => tagged('{"@time":"yesterday"}')),
    "invalid time",
  );
  assert.equal(
    reason(() => tagged('{"@bytes":"A"}')),
    "invalid bytes",
  );
});

test("@ref with id decodes to a document reference and with name to a named document", () => {
  assert.deepEqual(tagged('{"@ref":{"id":"123","coll":{"@mod":"Product"}}}'), doc("Product", "123"));
  assert.deepEqual(
    tagged('{"@doc":{"id":"9","coll":{"@mod":"P"},"ts":{"@time":"2024-01-01T00:00:00Z"}}}'),
    doc("P", "9"),
  );
  assert.deepEqual(tagged('{"@ref":{"name":"Product","coll":{"@mod":"Collection"}}}'), named("Collection", "Product"));
  assert.equal(
    reason(() => tagged('{"@ref":{"id":"12a","coll":{"@mod":"P"}}}')),
    "invalid document id",
  );
});

test("@object lets object keys start with @ and decodes members with the tagged rules", () => {
  assert.deepEqual(
    tagged('{"@object":{"@weird":"x","n":{"@int":"1"}}}'),
    obj([
      ["@weird", "x"],
      ["n", int(1)],
    ]),
  );
});

test("@time accepts Z and offsets and keeps nanoseconds", () => {
  assert.deepEqual(tagged('{"@time":"1970-01-01T00:00:01.000000001Z"}'), time(1_000_000_001n));
  assert.deepEqual(tagged('{"@time":"1970-01-01T02:00:00+02:00"}'), time(0n));
  assert.deepEqual(tagged('{"@time":"1969-12-31T23:59:59.5Z"}'), time(-500_000_000n));
  assert.equal(parseInstant("2024-13-01T00:00:00Z"), null);
});

test("simple decoding: integral numbers are Int/Long, fractional and 1.0 are Double, tags are not interpreted", () => {
  assert.deepEqual(decodeSimple(parseJson("100")), int(100));
  assert.deepEqual(decodeSimple(parseJson("9007199254740993")), long(9007199254740993n));
  assert.deepEqual(decodeSimple(parseJson("1.0")), double(1));
  assert.deepEqual(decodeSimple(parseJson("2.5e3")), double(2500));
  assert.deepEqual(decodeSimple(parseJson('{"@int":"1"}')), obj([["@int", "1"]]));
  assert.deepEqual(
    decodeSimple({ n: 3, f: 0.5 }),
    obj([
      ["n", int(3)],
      ["f", double(0.5)],
    ]),
  );
});

test("doubles render like Java Double.toString", () => {
  const cases: [number, string][] = [
    [1, "1.0"],
    [1.5, "1.5"],
    [-0, "-0.0"],
    [0, "0.0"],
    [1e10, "1.0E10"],
    [1234567.5, "1234567.5"],
    [12345678, "1.2345678E7"],
    [0.001, "0.001"],
    [0.0001, "1.0E-4"],
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    [0.1 + 0.2, "0.30000000000000004"],
  ];
  for (const [d, s] of cases) assert.equal(javaDouble(d), s, `javaDouble(${d})`);
});

test("times render like Java Instant.toString: no fraction when zero, else 3/6/9 digits", () => {
  assert.equal(formatInstant(0n), "1970-01-01T00:00:00Z");
  assert.equal(formatInstant(1_714_564_800_123_000_000n), "2024-05-01T12:00:00.123Z");
  assert.equal(formatInstant(1_714_564_800_123_456_000n), "2024-05-01T12:00:00.123456Z");
  assert.equal(formatInstant(1_714_564_800_000_000_001n), "2024-05-01T12:00:00.000000001Z");
  assert.equal(formatInstant(-1n), "1969-12-31T23:59:59.999999999Z");
  assert.equal(formatInstant(parseInstant("2000-02-29T23:59:59.100Z")!), "2000-02-29T23:59:59.100Z");
});

test("tagged encoding of scalars, @object wrapping, modules and functions", () => {
  const lambda: LambdaValue = { kind: "lambda", params: [], variadic: null, body: null, scope: null };
  const native: NativeFunctionValue = { kind: "native", name: "Math.abs", call: () => null };
  const v: Rendered = [
    int(5),
    long(9223372036854775807n),
    double(1),
    time(0n),
    date("2024-05-01"),
    bytes(new Uint8Array([255])),
    mod("Product"),
    lambda,
    native,
  ];
  assert.equal(
    wire(v, "tagged"),
    '[{"@int":"5"},{"@long":"9223372036854775807"},{"@double":"1.0"},{"@time":"1970-01-01T00:00:00Z"},{"@date":"2024-05-01"},' +
      '{"@bytes":"/w=="},{"@mod":"Product"},"[function <lambda>]","[function abs()]"]',
  );
  assert.equal(wire(obj([["@x", int(1)]]), "tagged"), '{"@object":{"@x":{"@int":"1"}}}');
  assert.equal(wire(obj([["x", int(1)]]), "tagged"), '{"x":{"@int":"1"}}');
});

test("simple encoding is plain JSON; 64-bit longs keep every digit", () => {
  const v: Rendered = obj([
    ["i", int(5)],
    ["l", long(9223372036854775807n)],
    ["d", double(1.5)],
    ["t", time(0n)],
    ["m", mod("Product")],
    ["@k", true],
  ]);
  assert.equal(
    wire(v, "simple"),
    '{"i":5,"l":9223372036854775807,"d":1.5,"t":"1970-01-01T00:00:00Z","m":"Product","@k":true}',
  );
});

const product: Rendered = {
  kind: "rendered-doc",
  fields: new Map<string, Rendered>([
    ["id", "412"],
    ["coll", mod("Product")],
    ["ts", time(1_727_776_800_123_000_000n)],
    ["name", "cup"],
    ["category", { kind: "rendered-ref", coll: "Category", id: "7" }],
  ]),
};

test("documents render as @doc with nested references as @ref (tagged) and as objects (simple)", () => {
  assert.equal(
    wire(product, "tagged"),
    '{"@doc":{"id":"412","coll":{"@mod":"Product"},"ts":{"@time":"2024-10-01T10:00:00.123Z"},"name":"cup",' +
      '"category":{"@ref":{"id":"7","coll":{"@mod":"Category"}}}}}',
  );
  assert.equal(
    wire(product, "simple"),
    '{"id":"412","coll":"Product","ts":"2024-10-01T10:00:00.123Z","name":"cup","category":{"id":"7","coll":"Category"}}',
  );
});

test("missing or unreadable documents render as @ref with exists:false and cause, and as null in simple", () => {
  const nd: Rendered = { kind: "rendered-null-doc", coll: "P", id: "1", cause: "permission denied" };
  assert.equal(
    wire(nd, "tagged"),
    '{"@ref":{"id":"1","coll":{"@mod":"P"},"exists":false,"cause":"permission denied"}}',
  );
  assert.equal(wire(nd, "simple"), "null");
  assert.equal(
    wire(doc("P", "2", { cause: "deleted" }), "tagged"),
    '{"@ref":{"id":"2","coll":{"@mod":"P"},"exists":false,"cause":"deleted"}}',
  );
  assert.equal(wire(named("Collection", "P"), "tagged"), '{"@ref":{"name":"P","coll":{"@mod":"Collection"}}}');
});

test("sets render as @set pages with after omitted at the end, or as a bare cursor", () => {
  assert.equal(
    wire({ kind: "rendered-set", data: [int(1)], after: "c1" }, "tagged"),
    '{"@set":{"data":[{"@int":"1"}],"after":"c1"}}',
  );
  assert.equal(
    wire({ kind: "rendered-set", data: [int(1)], after: null }, "tagged"),
    '{"@set":{"data":[{"@int":"1"}]}}',
  );
  assert.equal(wire({ kind: "rendered-set", data: null, after: "c2" }, "tagged"), '{"@set":"c2"}');
  assert.equal(wire({ kind: "rendered-set", data: [int(1)], after: "c1" }, "simple"), '{"data":[1],"after":"c1"}');
  assert.equal(wire({ kind: "rendered-set", data: null, after: "c2" }, "simple"), '"c2"');
});

test("tagged decode then encode round-trips every tag", () => {
  const text =
    '{"a":{"@int":"1"},"b":{"@long":"-9223372036854775808"},"c":{"@double":"2.5"},"d":{"@time":"2024-05-01T12:00:00.123456Z"},' +
    '"e":{"@date":"2024-05-01"},"f":{"@bytes":"AAEC"},"g":{"@mod":"Math"},"h":{"@object":{"@x":[true,null]}},' +
    '"i":{"@ref":{"id":"1","coll":{"@mod":"P"}}},"j":{"@ref":{"name":"P","coll":{"@mod":"Collection"}}}}';
  assert.equal(wire(tagged(text), "tagged"), text);
});
