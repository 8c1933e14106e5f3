// Type expressions: parsing (faunadb parser/TypeExprParser) and resolution (faunadb
// typer/TyperTypeExprs.scala; facts from ext/fql/shared/src/test/scala/typer/TyperExprSpec.scala).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { showType } from "./display.js";
import { resolveAnnotation, type Diag } from "./resolve.js";
import { parseSignature, parseTypeExpr, showTypeExpr } from "./type-expr.js";
import { failsWith, stdEnv, typesAs } from "../../../test/support/typer.js";

const KNOWN = new Set(["Int", "String", "Number", "Boolean", "Null", "Time", "Product"]);
function resolve(text: string) {
  const diags: Diag[] = [];
  const t = resolveAnnotation(parseTypeExpr(text), {
    isType: (n) => KNOWN.has(n),
    isDoc: (n) => n === "Product",
    diags,
  });
  return { shown: showType(t), diags: diags.map((d) => [d.message, d.span.start, d.span.end]) };
}

describe("type expressions", () => {
  it("parses FQL/FSL type syntax back to itself", () => {
    for (const t of [
      "Int",
      "Array<String>",
      "{ a: Int, b?: String, *: Any }",
      '"cart" | "paid"',
      "(a: Int, b: String) => Boolean",
      "(Int, ...rest: Array<String>) => Null",
      "[Int, String]",
      "Time?",
      "{ foo: Int, ... }",
      "Ref<Product> | Null",
    ])
      assert.equal(showTypeExpr(parseTypeExpr(t)), t.replace("(Int, ...rest", "(Int, ...rest"));
  });
  it("keeps source offsets", () => {
    const t = parseTypeExpr("Array<Int>", 10);
    assert.deepEqual(t.span, { start: 10, end: 20 });
  });
  it("parses FSL function signatures", () => {
    const s = parseSignature("(email: String, password): { ok: Boolean }");
    assert.deepEqual(
      s.params.map((p) => [p.name, showTypeExpr(p.type)]),
      [
        ["email", "String"],
        ["password", "Any"],
      ],
    );
    assert.equal(showTypeExpr(s.ret!), "{ ok: Boolean }");
  });
  it("resolves nullable types to unions with Null (TyperExprSpec 'resolve nullable exprs')", () => {
    assert.equal(resolve("Int?").shown, "Int | Null");
    assert.equal(resolve("Int? | String").shown, "Int | String | Null");
    assert.equal(resolve("{ a?: Int }").shown, "{ a: Int | Null }");
  });
  it("reports unknown types and bad arities (TyperExprSpec 'disallow unbound generics', TyperTypeExprs)", () => {
    assert.deepEqual(resolve("A => A").diags, []);
    assert.deepEqual(resolve("Int => A").diags, [["Unknown type `A`", 7, 8]]);
    assert.deepEqual(resolve("A => Int").diags, [["Unknown type `A`", 0, 1]]);
    assert.deepEqual(resolve("(A => Int) => A").diags, [["Unknown type `A`", 1, 2]]);
    assert.deepEqual(resolve("(Int => A) => A").diags, []);
    assert.deepEqual(resolve("string").diags, []); // only a warning in Fauna
    assert.deepEqual(resolve("Array<Int, Int>").diags, [
      ["Type constructor `Array<>` accepts 1 parameters, received 2", 0, 5],
    ]);
    assert.deepEqual(resolve("Int<String>").diags, [["Type `Int` does not accept any parameters.", 0, 3]]);
    assert.deepEqual(resolve("Ref<Int>").diags, [["Reference type must refer to a doc type", 0, 8]]);
    assert.deepEqual(resolve("Ref<Product>").diags, []);
  });
  it("checks generic annotations rigidly (TyperTypeExprs skolems)", () => {
    const env = stdEnv();
    typesAs(env, "let f: A => A = x => x; f(1)", "1");
    failsWith(env, "let f: A => A = x => x.foo; f", "Generic type `A` cannot be used as type `{ foo: A, ... }`");
    failsWith(env, "let f: Int => A = x => x; f", "Unknown type `A`", "A");
  });
});
