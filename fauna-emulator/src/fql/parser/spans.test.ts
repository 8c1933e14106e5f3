import assert from "node:assert/strict";
import { test } from "node:test";
import { err } from "../../../test/support/parser.js";
import type { Expr } from "../ast.js";
import { lineCol, parseExpression, parseQuery } from "./index.js";

/** The source text covered by a node's span. */
const text = (src: string, n: { span: { start: number; end: number } }) => src.slice(n.span.start, n.span.end);

test("lineCol is 1-based and counts lines by newline", () => {
  const src = "ab\ncd\n\nx";
  assert.deepEqual(lineCol(src, 0), { line: 1, column: 1 });
  assert.deepEqual(lineCol(src, 2), { line: 1, column: 3 });
  assert.deepEqual(lineCol(src, 3), { line: 2, column: 1 });
  assert.deepEqual(lineCol(src, 7), { line: 4, column: 1 });
  assert.deepEqual(lineCol(src, 99), { line: 4, column: 2 });
});

test("postfix chain spans start at the chain's first token", () => {
  const src = "Product.all().first()!";
  const n = parseExpression(src);
  assert.equal(n.type, "NonNull");
  if (n.type !== "NonNull" || n.target.type !== "Call" || n.target.callee.type !== "Field") return assert.fail("shape");
  assert.equal(text(src, n), src);
  assert.equal(text(src, n.target), "Product.all().first()");
  assert.equal(text(src, n.target.callee), "Product.all().first");
  const inner = n.target.callee.target;
  assert.equal(text(src, inner), "Product.all()");
});

test("binary spans cover both operands including parentheses", () => {
  const src = "(1 + 2) * x";
  const n = parseExpression(src);
  if (n.type !== "Binary") return assert.fail("shape");
  assert.equal(text(src, n), src);
  assert.equal(text(src, n.left), "1 + 2");
  assert.equal(text(src, n.right), "x");
});

test("statement, literal and lambda spans are exact", () => {
  const src = `let greeting = "hi #{name}"\nlet f = (a) => a + 1\nif (f(1) > 1) <<-END\n  yes\n  END else 'no'`;
  const block = parseQuery(src);
  assert.deepEqual(block.span, { start: 0, end: src.length });
  const [s1, s2, s3] = block.stmts;
  if (s1?.type !== "Let" || s2?.type !== "Let" || s3?.type !== "ExprStmt") return assert.fail("shape");
  assert.equal(text(src, s1), `let greeting = "hi #{name}"`);
  assert.equal(text(src, s1.value), `"hi #{name}"`);
  const tpl = s1.value;
  if (tpl.type !== "Template") return assert.fail("shape");
  assert.equal(text(src, tpl.parts[1] as Expr), "name");
  assert.equal(text(src, s2.value), "(a) => a + 1");
  assert.equal(text(src, s3.expr), "if (f(1) > 1) <<-END\n  yes\n  END else 'no'");
  if (s3.expr.type !== "If") return assert.fail("shape");
  assert.equal(text(src, s3.expr.then), "<<-END\n  yes\n  END");
});

test("shorthand THIS is a zero-width identifier at the dot and the lambda spans its body", () => {
  const src = "f(.a.b > 1)";
  const call = parseExpression(src);
  if (call.type !== "Call" || call.args[0]?.type !== "Lambda") return assert.fail("shape");
  const lambda = call.args[0];
  assert.equal(text(src, lambda), ".a.b > 1");
  const cmp = lambda.body;
  if (cmp.type !== "Binary" || cmp.left.type !== "Field" || cmp.left.target.type !== "Field")
    return assert.fail("shape");
  assert.deepEqual(cmp.left.target.target, { type: "Ident", name: ".", span: { start: 2, end: 2 } });
  assert.equal(text(src, cmp.left), ".a.b");
});

test("projection and object field spans", () => {
  const src = "x { a, b: .c }";
  const n = parseExpression(src);
  if (n.type !== "Project") return assert.fail("shape");
  assert.equal(text(src, n), src);
  assert.deepEqual(
    n.fields.map((f) => text(src, f)),
    ["a", "b: .c"],
  );
  const obj = parseExpression("{ k: 1, 'q': [2] }");
  if (obj.type !== "Object") return assert.fail("shape");
  assert.deepEqual(
    obj.fields.map((f) => text("{ k: 1, 'q': [2] }", f)),
    ["k: 1", "'q': [2]"],
  );
});

test("error positions are reported on the right line for multi-line queries", () => {
  assert.equal(err("let a = 1\nlet b = [\n  1,\n  2 3\n]\nb"), "Expected `,` or `]` @4:5");
  assert.equal(err("Product\n  .all()\n  .where(.x ==)"), "Unexpected token `)` @3:15");
});

test("nesting deeper than 200 levels is refused without overflowing the stack", () => {
  assert.doesNotThrow(() => parseQuery("[".repeat(150) + "]".repeat(150)));
  assert.equal(err("[".repeat(300) + "]".repeat(300)), "Query is too deeply nested @1:201");
  assert.equal(err("(".repeat(5000) + "1" + ")".repeat(5000)), "Query is too deeply nested @1:201");
  assert.equal(err("!".repeat(1000) + "x"), "Query is too deeply nested @1:200");
  assert.equal(err("f(".repeat(400) + ")".repeat(400)), "Query is too deeply nested @1:401");
  assert.equal(err(`"#{`.repeat(300) + "1" + `}"`.repeat(300)), "Query is too deeply nested @1:602");
  assert.equal(err("x => ".repeat(300) + "1"), "Query is too deeply nested @1:1001");
});

test("very long flat operator or method chains are refused before evaluation could overflow", () => {
  assert.doesNotThrow(() => parseQuery(Array.from({ length: 500 }, (_, i) => i).join(" + ")));
  assert.match(err(Array.from({ length: 10001 }, (_, i) => i).join("+")), /^Query is too deeply nested @1:\d+$/);
  assert.match(err("a" + ".b".repeat(5000)), /^Query is too deeply nested @1:\d+$/);
});

test("type annotations of let and lambda parameters keep their text and spans (for fql/typer)", () => {
  const src = "let f: (x: Int) => Int = (a: Array<Int>, b, ...rest: String) => a; f";
  const q = parseQuery(src);
  const let0 = q.stmts[0]!;
  if (let0.type !== "Let" || let0.value.type !== "Lambda") return assert.fail("shape");
  assert.equal(let0.typeAnnotation, "(x: Int) => Int");
  assert.equal(src.slice(let0.typeSpan!.start, let0.typeSpan!.end), "(x: Int) => Int");
  const lambda = let0.value;
  assert.deepEqual(
    lambda.paramTypes?.map((t) => t && [t.text, src.slice(t.span.start, t.span.end)]),
    [["Array<Int>", "Array<Int>"], null],
  );
  assert.equal(lambda.variadicType?.text, "String");
  const plain = parseExpression("(a, b) => a");
  assert.ok(plain.type === "Lambda" && plain.paramTypes === undefined);
});
