import assert from "node:assert/strict";
import { test } from "node:test";
import { err, q } from "../../../test/support/parser.js";

test("method chains continue on the next line with a leading `.` or `?.`", () => {
  assert.equal(
    q("Product.all()\n  .where(x => x.ok)\n  ?.first()"),
    "(call (?. (call (. (call (. Product all)) where) (fn [x] (. x ok))) first))",
  );
  assert.equal(q("a.\n  b"), "(. a b)");
});

test("a newline before `(`, `[`, `!` or `{` starts a new statement", () => {
  assert.equal(q("f\n(1)"), "(block f 1)");
  assert.equal(q("a\n[1]"), "(block a [1])");
  assert.equal(q("a\n!b"), "(block a (not b))");
  assert.equal(q("let x = a\n{ b: 1 }"), "(block (let x a) {b: 1})");
});

test("binary operators at a line end continue the expression", () => {
  assert.equal(q("1 +\n2"), "(+ 1 2)");
  assert.equal(q("a ==\n  b"), "(== a b)");
  assert.equal(q("a &&\n\n b"), "(&& a b)");
});

test("`??`, `||`, `&&`, `|`, `^` and `&` may start a continuation line", () => {
  for (const op of ["??", "||", "&&", "|", "^", "&"]) assert.equal(q(`a\n${op} b`), `(${op} a b)`);
});

test("comparison and arithmetic operators may not start a continuation line", () => {
  for (const op of ["==", "!=", "=~", "!~", ">", "<", ">=", "<=", "+", "*", "/", "%", "**"]) {
    assert.match(err(`a\n${op} b`), / @2:1$/, op);
  }
  // A leading `-` starts a new statement with a negative literal.
  assert.equal(q("a\n-1"), "(block a -1)");
});

test("`else` may sit on the line after the then-branch", () => {
  assert.equal(q("if (a) 1\nelse 2"), "(if a 1 2)");
  assert.equal(q("{ if (true) 3\n\nelse 4 }"), "(block (if true 3 4))");
  assert.equal(q("if (a)\n  1\nelse\n  2"), "(if a 1 2)");
  assert.equal(q("if (a) 1\nb"), "(block (if a 1) b)");
});

test("newlines inside brackets, arguments and objects are insignificant around separators", () => {
  assert.equal(q("f(\n  1,\n  2\n)"), "(call f 1 2)");
  assert.equal(q("[\n  1,\n  2,\n]"), "[1 2]");
  assert.equal(q("{\n  a: 1,\n  b: 2\n}"), "{a: 1, b: 2}");
  assert.equal(q("let x =\n  5\nx"), "(block (let x 5) x)");
});

test("the arrow of a lambda must be on the same line as its parameters", () => {
  assert.equal(err("x\n=> 1"), "Unexpected token `=>` @2:1");
});

test("a newline inside a block comment does not separate statements", () => {
  assert.equal(err("a /*\n*/ b"), "Expected end-of-input @2:4");
  assert.equal(q("a // note\nb"), "(block a b)");
});
