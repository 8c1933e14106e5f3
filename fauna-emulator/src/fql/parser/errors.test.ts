import assert from "node:assert/strict";
import { test } from "node:test";
import { err } from "../../../test/support/parser.js";
import { InvalidQueryError } from "../../core/index.js";
import { parseExpression, parseFunctionBody, parseQuery } from "./index.js";

test("syntax errors are invalid_query errors with one diagnostic naming the source", () => {
  try {
    parseQuery("1 +", "*query*");
    assert.fail("expected an error");
  } catch (error) {
    assert.ok(error instanceof InvalidQueryError);
    assert.equal(error.code, "invalid_query");
    assert.equal(error.message, "The query failed 1 validation check");
    assert.deepEqual(error.diagnostics, [
      { message: "Unexpected end of input", span: { start: 3, end: 4, source: "*query*" } },
    ]);
  }
});

test("the last statement must be an expression", () => {
  assert.equal(err("let x = 1"), "Missing return expression @1:10");
  assert.equal(err("let x = 1\n"), "Missing return expression @2:1");
  assert.equal(err('{ x; let y = "foo" }'), "Missing return expression @1:20");
  assert.equal(err("{\n  x\n  let x = 'foo' \n}"), "Missing return expression @4:1");
});

test("empty queries and blocks are rejected", () => {
  assert.equal(err(""), "Unexpected end of query. Expected statement or expression @1:1");
  assert.equal(err("  // only a comment\n"), "Unexpected end of query. Expected statement or expression @2:1");
  assert.equal(err("{}", parseFunctionBody), "Unexpected end of block. Expected statement or expression @1:2");
});

test("keywords and reserved names cannot be bound", () => {
  assert.equal(err("let let = 3\n1"), "Invalid identifier `let` @1:5");
  assert.equal(err("let true = 3\n1"), "Invalid identifier `true` @1:5");
  assert.equal(err("let FQL = 1\nFQL"), "Invalid identifier `FQL` @1:5");
  assert.equal(err("let _ = 1\n2"), "Invalid identifier `_` @1:5");
  assert.equal(err("{ let join = 3; join }"), "Invalid identifier `join` @1:7");
  assert.equal(err("let.log"), "Expected identifier @1:4");
  assert.equal(err("let 1 = 2\n1"), "Expected identifier @1:5");
  assert.equal(err("let x 1\nx"), "Expected `=` @1:7");
  assert.equal(err("let x: = 1\nx"), "Expected type @1:8");
});

test("keywords are not expressions", () => {
  assert.equal(err("1 + if (x) 1"), "Unexpected keyword `if` @1:5");
  assert.equal(err("else"), "Unexpected keyword `else` @1:1");
  assert.equal(err("x.map(isa)"), "Unexpected keyword `isa` @1:7");
  assert.equal(err("match x { case 1 => 2 }"), "`match` expressions are not supported @1:1");
  assert.equal(err("at (Time.now()) 1"), "`at` expressions are not supported @1:1");
});

test("unexpected tokens and missing closers report their position", () => {
  assert.equal(err(")"), "Unexpected token `)` @1:1");
  assert.equal(err("1 2"), "Expected end-of-input @1:3");
  assert.equal(err("{ a b }"), "Expected `}` @1:5");
  assert.equal(err("foo(1"), "Expected `,` or `)` @1:6");
  assert.equal(err("foo(1 2)"), "Expected `,` or `)` @1:7");
  assert.equal(err("[1, 2"), "Expected `,` or `]` @1:6");
  assert.equal(err("a[1, 2]"), "Expected `]` @1:4");
  assert.equal(err("{ a: 1 b: 2 }"), "Expected `,` or `}` @1:8");
  assert.equal(err("{ a: 1,\n  ]"), "Expected object key @2:3");
  assert.equal(err("if x 1"), "Expected `(` @1:4");
  assert.equal(err("if (x 1"), "Expected `)` @1:7");
  assert.equal(err("a."), "Expected field name @1:3");
  assert.equal(err("a?.1"), "Expected field name @1:4");
  assert.equal(err("x = 5"), "Expected end-of-input @1:3");
  assert.equal(err("a ~ b"), "Expected end-of-input @1:3");
  assert.equal(err("~a"), "Unsupported operator `~` @1:1");
  assert.equal(err("1 +\n\n"), "Unexpected end of input @3:1");
  assert.equal(err("x + ?"), "Unexpected token `?` @1:5");
});

test("duplicate object keys and lambda parameters are errors at the duplicate", () => {
  assert.equal(err("{ a: 2, a: 3 }"), "Duplicate key `a` @1:9");
  assert.equal(err("{ a: 2, 'a': 3 }"), "Duplicate key `a` @1:9");
  assert.equal(err("(x, foo, x) => x"), "Duplicate lambda argument `x` @1:10");
  assert.equal(err("(x, ...x) => x"), "Duplicate lambda argument `x` @1:8");
});

test("interpolated object keys are rejected", () => {
  assert.equal(err(`{ "#{k}": 1 }`), "Object keys do not support interpolation @1:4");
});

test("variadic markers outside a lambda parameter list are rejected", () => {
  assert.equal(err("(...a, b) => a"), "Invalid variadic argument @1:2");
  assert.equal(err("(...a + 1) => null"), "Invalid variadic argument @1:2");
  assert.equal(err("f(...xs)"), "Invalid variadic argument @1:3");
});

test("parseExpression accepts exactly one expression", () => {
  assert.equal(err("1; 2", parseExpression), "Expected end-of-input @1:2");
  assert.equal(err("let x = 1", parseExpression), "Unexpected keyword `let` @1:1");
});

test("parseFunctionBody requires braces around the whole body", () => {
  assert.equal(err("x + 1", parseFunctionBody), "Expected `{` @1:1");
  assert.equal(err("{ x } y", parseFunctionBody), "Expected end-of-input @1:7");
  assert.equal(err("{ a: 1 }", parseFunctionBody), "Expected `}` @1:4");
});

test("errors inside interpolations point into the string", () => {
  assert.equal(err(`"a #{ 1 + }"`), "Unexpected end of input @1:11");
  assert.equal(err(`"ok"\n"x #{ ) }"`), "Unexpected token `)` @2:7");
});
