// FQL conformance: program structure, functions, null-safety operators and error reporting.
// Expectations come from Fauna's reference (§9) and core's own specs
// (faunadb ext/model/.../FQL2InterpreterSpec.scala, ext/api/.../FQL2BasicSpec.scala).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { QueryCheckError, QueryRuntimeError, fql } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

let db: TestDb;
before(async () => {
  db = await startDb();
});
after(async () => {
  await db.close();
});

// ---- let and blocks ---------------------------------------------------------

test("let binds a variable and the last expression is the query result", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let x = 1
let y = x + 2
y`,
    ),
    3,
  );
});

test("let may shadow an earlier binding of the same name", async () => {
  assert.equal(await run(db.admin, fql`let x = 1; let x = x + 10; x`), 11);
});

test("a block evaluates to its last expression", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let a = { let b = 2; b * 3 }
a + 1`,
    ),
    7,
  );
});

test("variables declared inside a block are not visible outside it", async () => {
  const e = await fails(
    db.admin,
    fql`let a = { let inner = 1; inner }
inner`,
  );
  // Typechecked databases report it as a check error; with typechecking off it is unbound_variable.
  assert.ok(e.code === "invalid_query" || e.code === "unbound_variable", `code ${e.code}`);
  assert.match(e.queryInfo?.summary ?? "", /Unbound variable `inner`/);
});

test("{} is an empty object, not an empty block", async () => {
  assert.deepEqual(await run(db.admin, fql`{}`), {});
});

// ---- if / else ---------------------------------------------------------------

test("if/else returns the taken branch", async () => {
  assert.equal(await run(db.admin, fql`if (1 > 2) "a" else "b"`), "b");
  assert.equal(await run(db.admin, fql`if (2 > 1) "a" else "b"`), "a");
});

test("else-if chains pick the first true condition", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let n = 5
if (n < 0) "neg" else if (n == 0) "zero" else "pos"`,
    ),
    "pos",
  );
});

test("if without else yields null when the condition is false", async () => {
  assert.equal(await run(db.admin, fql`if (false) 2`), null);
  assert.equal(await run(db.admin, fql`if (true) 2`), 2);
});

test("if's value can be bound to a variable", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let v = if (true) { "x" } else { "y" }
v + "!"`,
    ),
    "x!",
  );
});

test("a non-Boolean if condition is a type_mismatch runtime error with the stack of spans (core FQL2BasicSpec)", async () => {
  const e = await fails(
    db.admin,
    fql`{
  let x = (y) => {
    if (y) {
      "z"
    } else {
      "?"
    }
  }
  x(3)
}`,
    UNTYPED,
  );
  assert.ok(e instanceof QueryRuntimeError);
  assert.equal(e.code, "type_mismatch");
  assert.equal(e.httpStatus, 400);
  assert.equal(e.message, "expected type: Boolean, received Int");
  assert.equal(
    e.queryInfo?.summary,
    [
      "error: expected type: Boolean, received Int",
      "at *query*:3:9",
      "  |",
      "3 |     if (y) {",
      "  |         ^",
      "  |",
      "at *query*:9:4",
      "  |",
      "9 |   x(3)",
      "  |    ^^^",
      "  |",
    ].join("\n"),
  );
});

test("if (null) is also a type_mismatch (null is not falsy in conditions)", async () => {
  const e = await fails(db.admin, fql`if (null) 2`, UNTYPED);
  assert.equal(e.code, "type_mismatch");
});

// ---- functions ---------------------------------------------------------------

test("arrow functions with zero, one and two parameters can be applied", async () => {
  assert.deepEqual(await run(db.admin, fql`[(() => 1)(), (x => x + 1)(1), ((x, y) => x * y)(2, 3)]`), [1, 2, 6]);
});

test("arrow functions may have block bodies", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let f = x => { let y = x * 2; y + 1 }
f(5)`,
    ),
    11,
  );
});

test("calling a lambda with the wrong number of arguments is invalid_function_invocation (core FQL2BasicSpec)", async () => {
  const e = await fails(
    db.admin,
    fql`{
  let concat = (x, y) => {
    x.concat(y)
  }
  concat("only-one-arg")
}`,
    UNTYPED,
  );
  assert.equal(e.code, "invalid_function_invocation");
  assert.equal(e.message, "callee function expects exactly 2 arguments, but 1 was provided.");
  assert.equal(
    e.queryInfo?.summary,
    [
      "error: callee function expects exactly 2 arguments, but 1 was provided.",
      "at *query*:5:9",
      "  |",
      '5 |   concat("only-one-arg")',
      "  |         ^^^^^^^^^^^^^^^^",
      "  |",
    ].join("\n"),
  );
});

test("a native method given a wrongly typed argument is invalid_argument (core FQL2BasicSpec)", async () => {
  const e = await fails(
    db.admin,
    fql`{
  let concat = (x, y) => {
    x.concat(y)
  }
  concat("only-one-arg", 1)
}`,
    UNTYPED,
  );
  assert.equal(e.code, "invalid_argument");
  assert.equal(e.message, "expected value for `other` of type String, received Int");
});

test("lambdas close over variables of their defining scope", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`{
  let returnTwo = {
    let two = 2
    x => two
  }
  returnTwo(3)
}`,
    ),
    2,
  );
});

test("a closure keeps the value a variable had when it was defined, even if shadowed later", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`{
  let two = 2
  let returnTwo = () => {
    two
  }
  let two = 1
  returnTwo()
}`,
    ),
    2,
  );
});

test("curried closures capture each argument", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let mk = (n) => (x) => x + n
let add5 = mk(5)
add5(1) + mk(10)(1)`,
    ),
    17,
  );
});

test("variadic lambdas collect the remaining arguments into an array", async () => {
  assert.deepEqual(await run(db.admin, fql`((...xs) => xs)(1, 2, 3)`), [1, 2, 3]);
  assert.deepEqual(
    await run(
      db.admin,
      fql`[((...xs) => xs.length)(), ((x, ...xs) => x + xs.length)(1), ((x, ...xs) => x + xs.length)(1, 0, 0)]`,
    ),
    [0, 1, 3],
  );
});

test(".field shorthand is a one-parameter function usable as a callback", async () => {
  assert.deepEqual(await run(db.admin, fql`[{ a: 1 }, { a: 2 }].map(.a)`), [1, 2]);
});

test(".field shorthand chains paths and whole expressions become the body", async () => {
  assert.deepEqual(await run(db.admin, fql`[{ a: { b: 1 } }, { a: { b: 5 } }].map(.a.b)`), [1, 5]);
  assert.deepEqual(await run(db.admin, fql`[{ p: 1 }, { p: 20 }, { p: 3 }].where(.p < 10).map(.p * 2)`), [2, 6]);
});

test("method chains may continue on the next line with a leading dot", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[3, 1, 2]
  .order()
  .map(x => x * 2)
  .where(x => x > 2)`,
    ),
    [4, 6],
  );
});

// ---- ?. ! ?? -------------------------------------------------------------------

test("?. on null short-circuits the rest of the chain (fields, calls and indexing) to null", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let o = null
[o?.a.b.c, o?.foo(), o?.foo[0].bar().baz, { foo: { bar: null } }.foo.bar?.baz, null?.[0], null?.(), { foo: null }.foo?.()]`,
    ),
    [null, null, null, null, null, null, null],
  );
});

test("?. on a missing document yields null instead of document_not_found", async () => {
  assert.equal(await run(db.admin, fql`Product.byId("999")?.name`), null);
  assert.equal(await run(db.admin, fql`Product.byId("999")?.update({ name: "x" })`), null);
});

test("?. only short-circuits when its receiver is null: a later null still raises invalid_null_access", async () => {
  const e = await fails(
    db.admin,
    fql`let x = {foo: null}
x?.foo.bar`,
    UNTYPED,
  );
  assert.equal(e.code, "invalid_null_access");
  assert.equal(e.message, "Cannot access `bar` on null.");
});

test("parentheses end a ?. chain", async () => {
  const e = await fails(db.admin, fql`(null?.foo).bar`, UNTYPED);
  assert.equal(e.code, "invalid_null_access");
  assert.equal(e.message, "Cannot access `bar` on null.");
});

test("selecting a field on null without ?. is invalid_null_access", async () => {
  const e = await fails(
    db.admin,
    fql`let o = null
o.name`,
    UNTYPED,
  );
  assert.equal(e.code, "invalid_null_access");
  assert.equal(e.message, "Cannot access `name` on null.");
});

test("a missing object field reads as null, not an error", async () => {
  assert.equal(await run(db.admin, fql`{ a: 1 }.nope`, UNTYPED), null);
});

test("postfix ! returns non-null values unchanged", async () => {
  assert.deepEqual(await run(db.admin, fql`[1!, "s"!, { a: 1 }.a!]`), [1, "s", 1]);
});

test("postfix ! on a null literal is null_value 'Null literal value' at the ! expression", async () => {
  const e = await fails(db.admin, fql`null!`);
  assert.ok(e instanceof QueryRuntimeError);
  assert.equal(e.code, "null_value");
  assert.equal(e.message, "Null literal value");
  assert.match(e.queryInfo?.summary ?? "", /^error: Null literal value\nat \*query\*:1:1\n/);
});

test("postfix ! on a missing field is null_value naming the field", async () => {
  const e = await fails(
    db.admin,
    fql`let foo = {}

foo.bar!`,
    UNTYPED,
  );
  assert.equal(e.code, "null_value");
  assert.equal(e.message, "Null value, due to missing field `bar`");
});

test("postfix ! on an empty set's first() is null_value 'due to empty set'", async () => {
  const e = await fails(db.admin, fql`[].toSet().first()!`);
  assert.equal(e.code, "null_value");
  assert.equal(e.message, "Null value, due to empty set");
});

test("postfix ! on a missing document is document_not_found", async () => {
  const e = await fails(db.admin, fql`Product.byId("999")!`);
  assert.equal(e.code, "document_not_found");
  assert.equal(e.message, "Collection `Product` does not contain document with id 999.");
});

test("document_not_found from ! is reported at the byId call's argument span (core span 11..17 for Author.byId('1')!)", async () => {
  const e = await fails(db.admin, fql`Product.byId("999")!`);
  // Core's span for `Author.byId('1')!` starts at the `(`; for `Product.byId(...)` that is column 13.
  assert.match(e.queryInfo?.summary ?? "", /\nat \*query\*:1:13\n/);
});

test("?. does not swallow a trailing !: null?.foo! is null_value", async () => {
  const e = await fails(db.admin, fql`null?.foo[0].bar().baz!`);
  assert.equal(e.code, "null_value");
  assert.equal(e.message, "Null literal value");
});

test("?? returns the right side only for null (0, false and '' are kept)", async () => {
  assert.deepEqual(await run(db.admin, fql`[null ?? 1, 0 ?? 1, false ?? 1, "" ?? 1]`), [1, 0, false, ""]);
});

test("?? treats a missing document like null", async () => {
  assert.equal(await run(db.admin, fql`Product.byId("999") ?? "none"`), "none");
});

test("?? keeps an existing document on its left", async () => {
  const name = await run(
    db.admin,
    fql`let s = Store.create({ name: "coalesce" })
let d = Store.byId(s.id) ?? "none"
d.name`,
    UNTYPED,
  );
  assert.equal(name, "coalesce");
});

test("?? does not evaluate its right side when the left is non-null", async () => {
  assert.equal(await run(db.admin, fql`1 ?? abort("evaluated")`), 1);
});

// ---- names, methods and diagnostics -------------------------------------------

test("an unknown name is invalid_query (QueryCheckError) with its line and column in the summary", async () => {
  const e = await fails(
    db.admin,
    fql`let a = 1
  foo + a`,
  );
  assert.ok(e instanceof QueryCheckError, `got ${e.constructor.name} ${e.code}`);
  assert.equal(e.code, "invalid_query");
  assert.equal(e.httpStatus, 400);
  assert.equal(e.message, "The query failed 1 validation check");
  assert.match(e.queryInfo?.summary ?? "", /^error: Unbound variable `foo`\nat \*query\*:2:3\n/);
});

test("an unbound variable summary points at the name with a caret excerpt (core FQL2BasicSpec)", async () => {
  const e = await fails(db.admin, fql`{ x }`);
  assert.equal(
    e.queryInfo?.summary,
    ["error: Unbound variable `x`", "at *query*:1:3", "  |", "1 | { x }", "  |   ^", "  |"].join("\n"),
  );
});

test("a syntax error is invalid_query 'The query failed 1 validation check'", async () => {
  const e = await fails(db.admin, fql`{ x `);
  assert.ok(e instanceof QueryCheckError);
  assert.equal(e.code, "invalid_query");
  assert.equal(e.message, "The query failed 1 validation check");
});

test("duplicate keys in an object literal are rejected at parse time", async () => {
  const e = await fails(db.admin, fql`{ a: 1, a: 2 }`);
  assert.equal(e.code, "invalid_query");
});

test("a query whose last statement is a let is rejected (missing return expression)", async () => {
  const e = await fails(db.admin, fql`let x = 1`);
  assert.equal(e.code, "invalid_query");
});

test("calling a method that does not exist is a clear query error, not an internal failure", async () => {
  const e = await fails(
    db.admin,
    fql`{
  let x = "hi"
  x.conct(", how are you?")
}`,
  );
  // Typechecked: invalid_query; untyped (core FQL2BasicSpec): invalid_function_invocation.
  assert.equal(e.httpStatus, 400);
  if (e.code === "invalid_function_invocation") {
    assert.equal(e.message, "The function `conct` does not exist on `String`");
  } else {
    assert.equal(e.code, "invalid_query");
    assert.match(e.queryInfo?.summary ?? "", /conct/);
  }
});

test("a runtime error's summary starts with 'error: <message>' and locates it as at *query*:L:C", async () => {
  const e = await fails(
    db.admin,
    fql`let a = 1
let b = 0
a / b`,
  );
  assert.equal(e.code, "divide_by_zero");
  assert.match(e.queryInfo?.summary ?? "", /^error: Attempted integer division by zero\.\nat \*query\*:3:\d+\n/);
});

test("an error raised inside a callback is located at the failing expression first (core FQL2BasicSpec)", async () => {
  const e = await fails(db.admin, fql`[1, 2].firstWhere(v => null!)`);
  assert.equal(e.code, "null_value");
  assert.match(e.queryInfo?.summary ?? "", /^error: Null literal value\nat \*query\*:1:24\n/);
});
