import assert from "node:assert/strict";
import { test } from "node:test";
import { e, err } from "../../../test/support/parser.js";
import { THIS } from "../ast.js";
import { parseExpression } from "./index.js";

test("`.field` shorthand is a one-parameter lambda over THIS", () => {
  const node = parseExpression("f(.price)");
  assert.equal(node.type, "Call");
  const arg = node.type === "Call" ? node.args[0] : undefined;
  assert.deepEqual(arg && arg.type === "Lambda" ? [arg.params, arg.variadic] : null, [[THIS], null]);
  assert.equal(e("f(.price)"), "(call f (fn [.] (. . price)))");
});

test("the whole expression starting with the leading dot becomes one lambda body", () => {
  assert.equal(
    e("Product.where(.price < 10 && .qty > 1)"),
    "(call (. Product where) (fn [.] (&& (< (. . price) 10) (> (. . qty) 1))))",
  );
  assert.equal(e("f(.address.city)"), "(call f (fn [.] (. (. . address) city)))");
  assert.equal(e("f(.tags.length)"), "(call f (fn [.] (. (. . tags) length)))");
  assert.equal(e(`f(.name == "x")`), `(call f (fn [.] (== (. . name) "x")))`);
  assert.equal(e("f(.a.b(1)?.c!)"), "(call f (fn [.] (nonnull (?. (call (. (. . a) b) 1) c))))");
  assert.equal(e("f(1 + .a)"), "(call f (fn [.] (+ 1 (. . a))))");
  assert.equal(e("f(!.done)"), "(call f (fn [.] (not (. . done))))");
});

test("shorthand may call or index THIS directly", () => {
  assert.equal(e("f(.())"), "(call f (fn [.] (call .)))");
  assert.equal(e("f(.['k'])"), `(call f (fn [.] ([] . "k")))`);
});

test("each argument is its own shorthand lambda; nested calls get their own", () => {
  assert.equal(e("f(.a, .b)"), "(call f (fn [.] (. . a)) (fn [.] (. . b)))");
  assert.equal(e("f(.items.map(.qty))"), "(call f (fn [.] (call (. (. . items) map) (fn [.] (. . qty)))))");
});

test("parenthesized shorthand joins a surrounding operator chain but not a call", () => {
  assert.equal(e("f((.a + 1) * 2)"), "(call f (fn [.] (* (+ (. . a) 1) 2)))");
  assert.equal(e("f(.foo + (.bar))"), "(call f (fn [.] (+ (. . foo) (. . bar))))");
  assert.equal(e("(.foo)(x)"), "(call (fn [.] (. . foo)) x)");
  assert.equal(e("(.foo)"), "(fn [.] (. . foo))");
});

test("shorthand outside argument position is rejected", () => {
  assert.equal(err("{ let a = .foo; 3 }"), "Invalid anonymous field access @1:11");
  assert.equal(err("2 + .foo"), "Invalid anonymous field access @1:1");
  assert.equal(err("[.a]"), "Invalid anonymous field access @1:2");
  assert.equal(err("x => .a"), "Invalid anonymous field access @1:6");
});

test("projection builds fields from names, nested projections and aliases", () => {
  assert.equal(
    e("Product.all() { a, b { c }, alias: .x.y, total: .price * .qty }"),
    "(project (call (. Product all)) a: (. . a), b: (project (. . b) c: (. . c)), alias: (. (. . x) y), total: (* (. . price) (. . qty)))",
  );
});

test("projection accepts newlines between fields and a trailing comma", () => {
  assert.equal(e("doc {\n  name,\n  email,\n}"), "(project doc name: (. . name), email: (. . email))");
});

test("projection applies to the whole operator chain before it, as in faunadb", () => {
  assert.equal(e("a ?? b { c }"), "(project (?? a b) c: (. . c))");
});

test("projection inside shorthand stays in the lambda body", () => {
  assert.equal(e("f(.owner { name })"), "(call f (fn [.] (project (. . owner) name: (. . name))))");
});

test("alias values may be any expression", () => {
  assert.equal(
    e("x { n: 1 + 2, f: .a ?? 'none', l: y => y }"),
    `(project x n: (+ 1 2), f: (?? (. . a) "none"), l: (fn [y] y))`,
  );
});

test("malformed projections are rejected", () => {
  assert.equal(err("x { * }"), "Projecting all fields with `{ * }` is not supported @1:5");
  assert.equal(err("x { if }"), "Invalid identifier `if` @1:5");
  assert.equal(err("x { 'a' }"), "Expected identifier @1:5");
  assert.equal(err("x { a b }"), "Expected `,` or `}` @1:7");
});
