import assert from "node:assert/strict";
import { test } from "node:test";
import { body, e, q } from "../../../test/support/parser.js";

// Lowest to highest, as in the reference (§9.3).
const LEVELS = [
  ["??"],
  ["||"],
  ["&&"],
  ["==", "!=", "=~", "!~"],
  ["<", ">", "<=", ">="],
  ["isa"],
  ["|"],
  ["^"],
  ["&"],
  ["+", "-"],
  ["*", "/", "%"],
  ["**"],
];

test("binary operators follow the reference precedence table for every pair", () => {
  for (const [i, lower] of LEVELS.entries()) {
    for (const [j, other] of LEVELS.entries()) {
      for (const op1 of lower) {
        for (const op2 of other) {
          const got = e(`a ${op1} b ${op2} c`);
          // Equal precedence groups to the left (except `**`, checked separately).
          const leftFirst = i > j || (i === j && op1 !== "**");
          const want = leftFirst ? `(${op2} (${op1} a b) c)` : `(${op1} a (${op2} b c))`;
          assert.equal(got, want, `a ${op1} b ${op2} c`);
        }
      }
    }
  }
});

test("`**` is right-associative and binds tighter than `*`", () => {
  assert.equal(e("2 ** 3 ** 2"), "(** 2 (** 3 2))");
  assert.equal(e("2 * 3 ** 2"), "(* 2 (** 3 2))");
  assert.equal(e("1 - 2 - 3"), "(- (- 1 2) 3)");
});

test("prefix operators bind tighter than any binary operator but looser than postfix chains", () => {
  assert.equal(e("!a && b"), "(&& (not a) b)");
  assert.equal(e("-a * b"), "(* (neg a) b)");
  assert.equal(e("!a.b()"), "(not (call (. a b)))");
  assert.equal(e("!!a"), "(not (not a))");
  assert.equal(e("- -a"), "(neg (neg a))");
  assert.equal(e("-(1 + 2)"), "(neg (+ 1 2))");
});

test("postfix chains: fields, optional fields, calls, indexing and non-null assertions", () => {
  assert.equal(e("a.b.c"), "(. (. a b) c)");
  assert.equal(e("a?.b"), "(?. a b)");
  assert.equal(e("a?.b.c"), "(. (?. a b) c)");
  assert.equal(e("f(1, 2)"), "(call f 1 2)");
  assert.equal(e("f()"), "(call f)");
  assert.equal(e("f?.(1)"), "(?.call f 1)");
  assert.equal(e("a[0]"), "([] a 0)");
  assert.equal(e("a?.[0]"), "(?.[] a 0)");
  assert.equal(e("a['k'][1]"), `([] ([] a "k") 1)`);
  assert.equal(e("a!"), "(nonnull a)");
  assert.equal(e("foo!.bar!.baz!"), "(nonnull (. (nonnull (. (nonnull foo) bar)) baz))");
  assert.equal(e("foo![0]!"), "(nonnull ([] (nonnull foo) 0))");
  assert.equal(e("a! == b"), "(== (nonnull a) b)");
  assert.equal(e("a != b"), "(!= a b)");
  assert.equal(e("a !~ b"), "(!~ a b)");
  assert.equal(e("Product.all()"), "(call (. Product all))");
});

test("keywords are valid field and method names after a dot", () => {
  assert.equal(e("{ 'if': 123 }.if"), "(. {if: 123} if)");
  assert.equal(e("x.let.null"), "(. (. x let) null)");
});

test("trailing commas are accepted in arrays, objects and argument lists", () => {
  assert.equal(e("[1, 2,]"), "[1 2]");
  assert.equal(e("{ a: 1, }"), "{a: 1}");
  assert.equal(e("f(1, 2,)"), "(call f 1 2)");
  assert.equal(e("[]"), "[]");
});

test("objects accept identifier, keyword and quoted keys", () => {
  assert.equal(e(`{ a: 1, "b c": 2, 'd': 3, if: 4 }`), `{a: 1, "b c": 2, d: 3, if: 4}`);
  assert.equal(e(`{ "a": { b: [1] } }`), "{a: {b: [1]}}");
});

test("`{}` is an empty object, `{ k: v }` an object and other braces a block", () => {
  assert.equal(e("{}"), "{}");
  assert.equal(e("{ }"), "{}");
  assert.equal(e("{ a }"), "(block a)");
  assert.equal(e(`{ "a" }`), `(block "a")`);
  assert.equal(e("{ let x = 1; x }"), "(block (let x 1) x)");
  assert.equal(e("{ 'a'; 'b'; }"), `(block "a" "b")`);
  assert.equal(e("{ {} }"), "(block {})");
  assert.equal(e("{ { a: 1 } }"), "(block {a: 1})");
});

test("a query is a block of statements separated by newlines or semicolons", () => {
  assert.equal(q("let x = 1; let y = 2\nx + y"), "(block (let x 1) (let y 2) (+ x y))");
  assert.equal(q("1;;2;"), "(block 1 2)");
  assert.equal(q("\n\n  1\n\n"), "1");
  assert.equal(q("let x = 1 // one\nx"), "(block (let x 1) x)");
});

test("let keeps a type annotation as text", () => {
  assert.equal(q("let x: Int = 1\nx"), "(block (let x: Int 1) x)");
  assert.equal(
    q("let f: (Int, String) => Array<Int> = (a, b) => [a]\nf"),
    "(block (let f: (Int, String) => Array<Int> (fn [a b] [a])) f)",
  );
  assert.equal(q("let o: { a: Int | Null } = { a: null }\no"), "(block (let o: { a: Int | Null } {a: null}) o)");
  assert.equal(q("let xs: Array<Int>= [1]\nxs"), "(block (let xs: Array<Int> [1]) xs)");
  assert.equal(q("let n: Int? = null\nn"), "(block (let n: Int? null) n)");
});

test("if is an expression with optional else and block branches", () => {
  assert.equal(e("if (a) 1"), "(if a 1)");
  assert.equal(e("if (a) 1 else 2"), "(if a 1 2)");
  assert.equal(e("if (a) { let b = 1; b } else { 2 }"), "(if a (block (let b 1) b) (block 2))");
  assert.equal(e("if (a) 1 else if (b) 2 else 3"), "(if a 1 (if b 2 3))");
  assert.equal(e("if (a) x + 1 else y * 2"), "(if a (+ x 1) (* y 2))");
  assert.equal(q("let v = if (a) 1\nv"), "(block (let v (if a 1)) v)");
  assert.equal(e("f(if (a) 1 else 2)"), "(call f (if a 1 2))");
});

test("arrow functions in all their forms", () => {
  assert.equal(e("x => x + 1"), "(fn [x] (+ x 1))");
  assert.equal(e("(a, b) => a + b"), "(fn [a b] (+ a b))");
  assert.equal(e("() => 1"), "(fn [] 1)");
  assert.equal(e("(...xs) => xs"), "(fn [...xs] xs)");
  assert.equal(e("(a, ...rest) => rest"), "(fn [a ...rest] rest)");
  assert.equal(e("(x: Int, y: Array<String>) => x"), "(fn [x y] x)");
  assert.equal(e("(a,) => a"), "(fn [a] a)");
  assert.equal(e("_ => 3"), "(fn [_] 3)");
  assert.equal(e("(_, _) => 3"), "(fn [_ _] 3)");
  assert.equal(e("x => { let y = x * 2; y + 1 }"), "(fn [x] (block (let y (* x 2)) (+ y 1)))");
  assert.equal(e("x => y => x + y"), "(fn [x] (fn [y] (+ x y)))");
  assert.equal(e("x =>\n  x"), "(fn [x] x)");
  assert.equal(
    e("arr.map(x => x * 2).where(x => x > 1)"),
    "(call (. (call (. arr map) (fn [x] (* x 2))) where) (fn [x] (> x 1)))",
  );
  assert.equal(e("(x => x)(1)"), "(call (fn [x] x) 1)");
});

test("parentheses group; tuples of zero or several items evaluate as arrays", () => {
  assert.equal(e("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  assert.equal(e("(a)"), "a");
  assert.equal(e("(a).b"), "(. a b)");
  assert.equal(e("(1, 2)"), "[1 2]");
  assert.equal(e("()"), "[]");
});

test("`isa` tests a value's type", () => {
  assert.equal(e("x isa String"), "(isa x String)");
  assert.equal(e("x isa Number && y"), "(&& (isa x Number) y)");
});

test("a UDF body is always a block", () => {
  assert.equal(body("{ x + 1 }"), "(block (+ x 1))");
  assert.equal(body("{\n  let y = x\n  y\n}"), "(block (let y x) y)");
  assert.equal(body("  { { a: 1 } }  "), "(block {a: 1})");
});
