// Inference facts ported from faunadb ext/fql/shared/src/test/scala/typer/TyperCoreSpec.scala,
// run in that spec's environment (TypeSpec: overloaded test functions, Int arithmetic).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseQuery } from "../parser/index.js";
import { typecheckQuery } from "./index.js";
import { failsWith, specEnv, typesAs } from "../../../test/support/typer.js";

const env = specEnv();
const facts = (list: [string, string][]) => () => list.forEach(([q, t]) => typesAs(env, q, t));

describe("TyperCoreSpec facts", () => {
  it(
    "typecheck records",
    facts([
      ["gimmeAandB({ a: 3, b: 'hi' })", "Int"],
      ["gimmeAandwildstr({ a: 3, b: 'hi', c: 'hello' })", "Int"],
      ["createAandwildstr().b", "String | Null"],
      ["createAandwildany().b", "Any"],
      ["gimmewildint(createAandwildint())", "Int"],
      ["gimmeoptA(createwildint())", "Int"],
      ["gimmeoptA({ a: null })", "Int"],
      ["gimmeoptA({})", "Int"],
      ["{ let obj: { a: 3 | Null } = {}; obj.a }", "3 | Null"],
    ]),
  );
  it("reports record mismatches", () => {
    failsWith(env, "gimmeAandB({ a: 3 })", "Type `{ a: 3 }` does not have field `b`", "{ a: 3 }");
    failsWith(env, "gimmeAandB({})", "Type `{}` is not a subtype of `{ a: Int, b: String }`", "{}");
    failsWith(
      env,
      "gimmeAandB({ a: 'hi' })",
      'Type `{ a: "hi" }` is not a subtype of `{ a: Int, b: String }`',
      "{ a: 'hi' }",
    );
    failsWith(
      env,
      "gimmeAandB({ a: 3, b: 'hi', c: 5 })",
      'Type `{ a: 3, b: "hi", c: 5 }` contains extra field `c`',
      "{ a: 3, b: 'hi', c: 5 }",
    );
    failsWith(env, "gimmeAandwildstr({ a: 3, b: 4 })", "Type `Int` is not a subtype of `String`", "4");
    failsWith(
      env,
      "gimmeAandB(createAandwildany())",
      "Type `{ a: Int, *: Any }` cannot have a wildcard",
      "createAandwildany()",
    );
  });
  it(
    "typecheck documents",
    facts([
      ["User.byId('1234')?.name", "String | Null"],
      ["User.byId('1234')?.update", "((data: { name: String | Null }) => User) | Null"],
      ["User.byId('1234')?.update({})", "User | Null"],
      ["User.create({ name: 'Bob' }).exists()", "true"],
      ["User.byId('1234').exists()", "Boolean"],
      ["User.byId('1234')!.coll", "UserCollection"],
      ["User.byId('1234') { id }", "{ id: ID } | Null"],
      ["{ let a: Any = null; let b: Ref<User> = a; let c: User | NullUser = b; c }", "User | NullUser"],
      ["{ let a: Ref<User> = null; let b: User | NullUser = a; b }", "User | NullUser"],
      ["{ let r: EmptyRef<User> = { let x: Any = null; x }; r { name } }", "Null"],
      ["User.all().toStream() { name }", "EventSource<{ name: String }>"],
    ]),
  );
  it(
    "typecheck record fields & record access",
    facts([
      ["{ let x = 'foo'; { foo: 1, bar: 2 }[x] }", "1 | 2 | Null"],
      ["x => { foo: 1, bar: 2 }[x]", "String => 1 | 2 | Null"],
      ["User.create({ name: 'Bob' })['name']", "String"],
      ["foobarwild['hi']", "Boolean | Null"],
      ["intobj.foo", "Int | Null"],
      ["if (true) intobj else boolobj", "{ *: Int | Boolean }"],
      ["if (true) intobj else foobarwild", "{ foo: Int | String, bar: Int, *: Int | Boolean }"],
    ]),
  );
  it(
    "type lambdas, let-polymorphism and recursion through variables",
    facts([
      ["x => x(42)", "(42 => A) => A"],
      ["x => if (x) 1 else 2", "Boolean => 1 | 2"],
      ["x => if (true) x.foo else x.bar", "{ foo: A, bar: A, ... } => A"],
      ["x => x(x)", "A & (A => B) => B"],
      ["{ let f = x => x; { a: f(0), b: f(true)} }", "{ a: 0, b: true }"],
      ["y => { let f = x => x; { a: f(y), b: f(true) } }", "A => { a: A, b: true }"],
      ["y => { let f = x => x(y); {a: f(z => z), b: f(z => succ(z)) } }", "A & Int => { a: A, b: Int }"],
      ["k => { let test = k(x => { let tmp = add(x, 1); x}); test }", "((A & Int => A) => B) => B"],
      ["x => y => x(y(y))", "(A => B) => C & (C => A) => B"],
      ["next => 0", "Any => 0"],
      ["(x => x(x))(x => x(x))", "Never"],
    ]),
  );
  it(
    "type overloaded functions",
    facts([
      ["intBool", "(Int => Int) & (Boolean => Boolean)"],
      ["intBool(true)", "Boolean"],
      ["intOrIntObj({ a: 1 })", "{ a: Int }"],
      ["intOrIntObj(if (true) 1 else { a: 1 })", "Int | { a: Int }"],
      ["(x => intBool(x))(2)", "Int"],
      ["(x => intBool(intBool(x)))(true)", "Boolean"],
      ["(x => succ(intBool(intBool(x))))(2)", "Int"],
      ["x => intBoolStr(intBool(succ(x)))", "Int => Int"],
      ["intBool(if (true) 1 else true)", "Int | Boolean"],
      ["intBoolStr(if (true) intBoolStr(if (true) 1 else true) else 'foo')", "Int | Boolean | String"],
      ["(x => x(if (true) 1 else true))(intBool)", "Int | Boolean"],
      ["{ let ib = x => intBool(x); { a: ib(true), b: ib(1) } }", "{ a: Boolean, b: Int }"],
      ["gener(if (true) 1 else true, intBool)", "Int | Boolean"],
      ["(i1 => x => intBool(i1(x)))(intBool)(true)", "Boolean"],
      ["x => intIntBoolBool(x, 1)", "Int => Int"],
      ["x => intBool(x)", "(Int => Int) & (Boolean => Boolean)"],
      // The core shows `Boolean | Int` (its union order differs in this case).
      ["{ let f = x => intIntBoolBool(x, x); f(if (true) 1 else true) }", "Int | Boolean"],
      ["x => intBoolStr(intBool(x))", "(Int => Int) & (Boolean => Boolean)"],
      ["(x, y) => intIntBoolBool(x, y)", "((Int, Int) => Int) & ((Boolean, Boolean) => Boolean)"],
      [
        "{ a: x => intBool(x), b: intBool(true) }",
        "{ a: Int => Int, b: Boolean } & { a: Boolean => Boolean, b: Boolean }",
      ],
      ["(x, y) => intIntBoolBool(x, if (true) 1 else y)", "(Int, Int) => Int"],
      ["((x) => { if (true) x + '2' else x })('hi')", "String"],
      ["[1].map((v) => v + (v + v * v))", "Array<Int>"],
      ["[anyval].map(v => (v + 0) * 0)", "Array<Int>"],
      ["intStrVarArg(3, 'a', 'b')", "Int"],
      ["(x => enumABC(x))('a')", "Int"],
    ]),
  );
  it("reports every error, each where it is (report multiple errors, apply errors, arity)", () => {
    const q = "{ a: 1.foo, b: 2.bar }";
    const r = typecheckQuery(parseQuery(q), env);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.message, q.slice(d.span.start, d.span.end)]),
      [
        ["Type `Int` does not have field `foo`", "foo"],
        ["Type `Int` does not have field `bar`", "bar"],
      ],
    );
    failsWith(env, "'foo'.concat(2)", "Type `Int` is not a subtype of `String`", "2");
    failsWith(env, "succ(1, 2)", "Function was called with too many arguments. Expected 1, received 2", "(1, 2)");
    failsWith(env, "succ()", "Function was not called with enough arguments. Expected 1, received 0", "()");
  });
  it("types blocks and annotated lets (type blocks/lets)", () => {
    typesAs(env, "x => { let y = x; succ(y) }", "Int => Int");
    typesAs(env, "x => { let y: Int = x; succ(y) }", "Int => Int");
    typesAs(env, "x => { let y: Int => Int = succ; y(x) }", "Int => Int");
    typesAs(env, "x => { let y: Int => Int = z => z; y(x) }", "Int => Int");
    typesAs(env, "{ let y: b => b = z => z; y }", "A => A");
    failsWith(env, "x => { let y: String = x; succ(y) }", "Type `String` is not a subtype of `Int`", "y", 1);
    failsWith(env, "{ let doit = s => { succ(s); not(s) }; doit(1) }", "Type `Int` is not a subtype of `Boolean`", "1");
  });
  it("lists the causes of a record mismatch (typecheck records)", () => {
    const q = "gimmeAandB({ a: 'hi' })";
    const r = typecheckQuery(parseQuery(q), env);
    assert.ok(!r.ok);
    const [d] = r.diagnostics;
    assert.equal(d!.message, 'Type `{ a: "hi" }` is not a subtype of `{ a: Int, b: String }`');
    assert.equal(q.slice(d!.span.start, d!.span.end), "{ a: 'hi' }");
    assert.deepEqual(
      d!.causes?.map((c) => [c.message, q.slice(c.span.start, c.span.end)]),
      [
        ['Type `{ a: "hi" }` does not have field `b`', "{ a: 'hi' }"],
        ["Type `String` is not a subtype of `Int`", "'hi'"],
      ],
    );
    const w = "gimmeAandwildstr({ a: 3, b: 4, c: User })";
    const rw = typecheckQuery(parseQuery(w), env);
    assert.ok(!rw.ok);
    assert.deepEqual(
      rw.diagnostics[0]!.causes?.map((c) => [c.message, w.slice(c.span.start, c.span.end)]),
      [
        ["Type `Int` is not a subtype of `String`", "4"],
        ["Type `UserCollection` is not a subtype of `String`", "User"],
      ],
    );
  });
  it("hints where a type came from and how to handle null (suggest bang operator)", () => {
    const q = "(if (true) 3 else null).foo";
    const r = typecheckQuery(parseQuery(q), env);
    assert.ok(!r.ok);
    assert.equal(q.slice(r.diagnostics[0]!.span.start, r.diagnostics[0]!.span.end), "(if (true) 3 else null)");
    assert.deepEqual(
      r.diagnostics[0]!.causes?.map((c) => [c.message, c.hints?.map((h) => [h.message, h.span.start, h.span.end])]),
      [
        ["Type `Int` does not have field `foo`", [["Type `Int` inferred here", 11, 12]]],
        [
          "Type `Null` does not have field `foo`",
          [
            ["Type `Null` inferred here", 18, 22],
            ["Use the ! or ?. operator to handle the null case", 23, 23],
          ],
        ],
      ],
    );
  });
  it("reports overloads that fit no argument", () => {
    failsWith(env, "intIntBoolBool(1, intBool(true))", "Type `Boolean` is not a subtype of `Int`");
    failsWith(env, "enumABC('d')", 'Type `"d"` is not a subtype of `"a" | "b" | "c"`', "'d'");
  });
  it(
    "type tuples, arrays and generics",
    facts([
      ["objectFromEntries([])", "{ *: Never }"],
      ["objectFromEntries([['hi', 3], ['hello', 4]])", "{ *: 3 | 4 }"],
      ["[succ(1), succ(1)]", "[Int, Int]"],
      ["[1, 2].map(succ)[0]", "Int"],
      ["{ let x = 0; [1, 2][x] }", "1 | 2"],
      ["'foo'[0]", "String"],
      ["['foo', 'bar'].reduce((x, y) => x + y)", "String | Null"],
      ["[{ foo: 3 }, { foo: 4 }].order(.foo)", "Array<{ foo: 3 | 4 }>"],
      ["[-2, 1].order(v => v * -1)", "Array<-2 | 1>"],
    ]),
  );
  it(
    "type Any",
    facts([
      ["anyval(1, 2, 2)", "Any"],
      ["anyval.foo(1, 2, 3)", "Any"],
      ["(x => {a: succ(x), b: not(x) })(anyval)", "{ a: Int, b: Boolean }"],
      ["if (true) 1 else anyval", "Any | 1"],
      ["succ(if (true) 1 else anyval)", "Int"],
    ]),
  );
  it(
    "type !, ?. and projections",
    facts([
      ["(if (true) null else {x: 10})!.x", "10"],
      ["null!", "Never"],
      ["(x => x!)(if (true) null else 1) * 2", "Int"],
      ["[if (true) '1' else null].map(x => x!.length)", "Array<Int>"],
      ["{x: () => 10}?.x()", "10 | Null"],
      ["{let foo = [10]; foo?.[0]}", "10 | Null"],
      ["'x'?.length", "Int | Null"],
      ["{ x: { y: 10 } }.x!?.y", "10 | Null"],
      ["{ x: { y: 10 } }?.x!?.y!", "10"],
      ["[{ foo: 1, bar: 2, baz: 3 }] { foo, bar }", "Array<{ foo: 1, bar: 2 }>"],
      ["null { qux: .bar + .baz, foo, bar }", "Null"],
      ["{ let r: Ref<User> = User.byId(123)!; r { name } }", "{ name: String } | Null"],
    ]),
  );
});
