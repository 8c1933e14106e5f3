import assert from "node:assert/strict";
import { test } from "node:test";
import { InvalidQueryError, ProtocolError, date, double, int, mod, obj, time } from "../core/index.js";
import type { Rendered } from "../engine/types.js";
import { renderDecorated } from "./decorated.js";
import { JsonNumber, JsonSyntaxError, parseJson } from "./json.js";
import { templateToSource } from "./template.js";

test("a template with no interpolations is its text", () => {
  assert.deepEqual(templateToSource({ fql: ["Product.all()"] }), { source: "Product.all()", values: [] });
  assert.deepEqual(templateToSource("1 + 1"), { source: "1 + 1", values: [] });
});

test("template values become $n placeholders decoded with the tagged rules", () => {
  const { source, values } = templateToSource({
    fql: ["Product.byName(", { value: "cup" }, ", ", { value: { "@int": "2" } }, ")"],
  });
  assert.equal(source, "Product.byName($0, $1)");
  assert.deepEqual(values, ["cup", int(2)]);
});

test("array and object nodes become literals; raw text and fragments inside them are parenthesized", () => {
  // fql`${[1, 2]}.map(x => x * ${2})` as the driver sends it.
  const t1 = templateToSource({
    fql: [
      { array: [{ value: { "@int": "1" } }, { value: { "@int": "2" } }] },
      ".map(x => x * ",
      { value: { "@int": "2" } },
      ")",
    ],
  });
  assert.equal(t1.source, "[$0, $1].map(x => x * $2)");
  assert.deepEqual(t1.values, [int(1), int(2), int(2)]);

  const t2 = templateToSource({
    fql: [
      "let o = ",
      {
        object: { a: "1 + 1", 'b "q"#{x}': { fql: ["Math.abs(", { value: { "@int": "-3" } }, ")"] }, c: { array: [] } },
      },
      "\no",
    ],
  });
  assert.equal(t2.source, 'let o = {"a": (1 + 1), "b \\"q\\"\\#{x}": (Math.abs($0)), "c": []}\no');
});

test("nested fql fragments outside literals are spliced verbatim", () => {
  const inner = { fql: ["x + ", { value: "s" }] };
  assert.equal(templateToSource({ fql: ["let x = 1\n", inner] }).source, "let x = 1\nx + $0");
});

test("malformed templates are invalid_request errors naming the accepted keys", () => {
  for (const bad of [{ fql: ["a"], value: 1 }, { nope: [] }, 5, null, { fql: "a" }]) {
    assert.throws(
      () => templateToSource(bad),
      (e: unknown) =>
        e instanceof ProtocolError && e.code === "invalid_request" && e.message.startsWith("Invalid request body:"),
      JSON.stringify(bad),
    );
  }
  assert.throws(() => templateToSource({ fql: ["\u0000"] }), /NUL/);
});

test("a bad template value is an invalid_query check error, not invalid_request", () => {
  assert.throws(
    () => templateToSource({ fql: [{ value: 5 }] }),
    (e: unknown) =>
      e instanceof InvalidQueryError &&
      e.code === "invalid_query" &&
      e.message === "The query failed 1 validation check",
  );
});

test("JSON numbers keep their text so 1.0 and big integers survive", () => {
  const v = parseJson('{"a": 1.0, "b": 9007199254740993, "__proto__": [1]}') as Record<string, unknown>;
  assert.equal((v.a as JsonNumber).text, "1.0");
  assert.equal((v.b as JsonNumber).text, "9007199254740993");
  assert.ok(Array.isArray(Object.getOwnPropertyDescriptor(v, "__proto__")?.value));
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
});

test("JSON nesting beyond 1000 levels is rejected without overflowing the stack", () => {
  const deep = "[".repeat(200_000) + "]".repeat(200_000);
  assert.throws(
    () => parseJson(deep),
    (e: unknown) => e instanceof JsonSyntaxError && e.message === "JSON exceeds nesting limit",
  );
  const ok = "[".repeat(1000) + "]".repeat(1000);
  assert.doesNotThrow(() => parseJson(ok));
});

test("malformed JSON is a syntax error", () => {
  for (const bad of ["{", '{"a" 1}', "[1,]", "tru", '"\\x"', "1 2", '{"a":1,}']) {
    assert.throws(() => parseJson(bad), JsonSyntaxError, bad);
  }
  assert.equal(parseJson('"\\u00e9\\n"'), "é\n");
});

test("decorated rendering shows documents as FQL-like text with 2-space indentation", () => {
  const d: Rendered = {
    kind: "rendered-doc",
    fields: new Map<string, Rendered>([
      ["id", "412"],
      ["coll", mod("Product")],
      ["ts", time(1_727_776_800_123_000_000n)],
      ["name", "cup"],
      ["tags", ["a", "b"]],
      ["owner", { kind: "rendered-ref", coll: "User", id: "9" }],
      ["kind", { kind: "rendered-ref", coll: "Collection", name: "Thing" }],
      ["gone", { kind: "rendered-null-doc", coll: "User", id: "8", cause: "not found" }],
      ["odd key", obj()],
    ]),
  };
  assert.equal(
    renderDecorated(d),
    [
      "{",
      '  id: "412",',
      "  coll: Product,",
      '  ts: Time("2024-10-01T10:00:00.123Z"),',
      '  name: "cup",',
      '  tags: ["a", "b"],',
      '  owner: User("9"),',
      '  kind: Collection.byName("Thing"),',
      '  gone: User("8") /* not found */,',
      '  "odd key": {}',
      "}",
    ].join("\n"),
  );
});

test("decorated rendering of numbers, dates, sets and multi-line strings", () => {
  assert.equal(
    renderDecorated([int(1), double(1), double(NaN), double(-Infinity), date("2024-01-02")]),
    '[1, 1.0, Math.NaN, -Math.Infinity, Date("2024-01-02")]',
  );
  assert.equal(
    renderDecorated({ kind: "rendered-set", data: [int(1)], after: "cur" }),
    '{\n  data: [1],\n  after: "cur"\n}',
  );
  assert.equal(renderDecorated(obj([["s", "a\nb"]])), "{\n  s: <<-END\n    a\n    b\n  END\n}");
  assert.equal(renderDecorated('say "hi" #{x}'), '"say \\"hi\\" \\#{x}"');
});
