// Facts of Fauna's typer for queries without schema, ported from the core's specs:
// ext/fql/shared/src/test/scala/typer/TyperCoreSpec.scala (TyperCoreSpec) and
// ext/model/src/test/scala/fql2/FQL2TypecheckSpec.scala (FQL2TypecheckSpec).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { failsWith, stdEnv, typesAs } from "../../../test/support/typer.js";
import { parseQuery } from "../parser/index.js";
import { typecheckQuery } from "./index.js";

const env = stdEnv();

describe("typer: literals and operators", () => {
  it("types literals as singletons (TyperCoreSpec 'type literals')", () => {
    typesAs(env, "123", "123");
    typesAs(env, "'foo'", '"foo"');
    typesAs(env, "true", "true");
    typesAs(env, "null", "Null");
  });
  it("types comparisons as Boolean (TyperCoreSpec 'equality operators', FQL2TypecheckSpec)", () => {
    for (const op of ["==", "!=", "<", ">", "<=", ">="]) typesAs(env, `3 ${op} 3`, "Boolean");
    typesAs(env, "(if (true) 3 else 'hi') == 3", "Boolean");
  });
  it("types arithmetic as Number (FQL2TypecheckSpec 'typechecks math')", () => {
    typesAs(env, "2 + 3", "Number");
    typesAs(env, "2 / 3", "Number");
    typesAs(env, "2.0 + 3.0", "Number");
    typesAs(env, "dbg(1 + 2) + 10", "Number");
    failsWith(env, "2 + 'a'", "Type `String` is not a subtype of `Number`", "'a'");
  });
  it("checks boolean operators (FQL2TypecheckSpec 'typechecks booleans')", () => {
    typesAs(env, "true || false && true", "Boolean");
    failsWith(env, "true || 3", "Type `Int` is not a subtype of `Boolean`", "3");
    typesAs(env, "!true", "Boolean");
    failsWith(env, "!1", "Type `Int` is not a subtype of `Boolean`", "1");
  });
  it("types string templates as String (FQL2TypecheckSpec 'typechecks strings')", () => {
    typesAs(env, '"abc #{2}"', "String");
    failsWith(env, "\"abc #{'a'['b']}\"", "Type `String` is not a subtype of `Number`", "'b'");
  });
  it("types ?? (TyperCoreSpec 'type ?? operator')", () => {
    typesAs(env, "null ?? 1", "1");
    typesAs(env, "1 ?? 2", "2 | 1");
    typesAs(env, "1 ?? 'str'", '"str" | 1');
    typesAs(env, "null ?? {x: 1}", "{ x: 1 }");
    typesAs(env, "x => x ?? 1", "A => 1 | (A - Null)");
    typesAs(env, "x => x!", "A => A - Null");
  });
  it("types isa as Boolean without narrowing (TyperExprs: isa)", () => {
    typesAs(env, "1 isa Number", "Boolean");
  });
  it("types abort as Never (GlobalResolvers: abort -> Never)", () => {
    typesAs(env, "abort(1)", "Never");
    typesAs(env, "if (true) 1 else abort(0)", "1");
  });
});

describe("typer: let, blocks, lambdas", () => {
  it("checks let annotations (FQL2TypecheckSpec 'check annotations'; issue #8)", () => {
    typesAs(env, 'let s: String = "abc"; s', "String");
    typesAs(env, "let b: Boolean = true || false; b", "Boolean");
    typesAs(env, "let m: MathModule = Math; m", "MathModule");
    failsWith(env, "let x: String = 5; x", "Type `Int` is not a subtype of `String`", "5");
    failsWith(env, "let x: Strin = 5; x", "Unknown type `Strin`", "Strin");
  });
  it("types lambdas (TyperCoreSpec 'type lambdas', FQL2TypecheckSpec 'trivial types')", () => {
    typesAs(env, "x => x", "A => A");
    typesAs(env, "x => 42", "Any => 42");
    typesAs(env, "(x => x)(42)", "42");
    typesAs(env, "(x, y) => if (true) x else y", "(A, A) => A");
    typesAs(env, "x => x.foo", "{ foo: A, ... } => A");
  });
  it("shows undecided overloads as intersections (FQL2TypecheckSpec 'warns about uncalled overloaded functions')", () => {
    typesAs(env, "(x, y) => x + y", "((Number, Number) => Number) & ((String, String) => String)");
    typesAs(env, "x => x + 1", "Number => Number");
    typesAs(env, "x => x + '!'", "String => String");
  });
  it("generalizes let-bound lambdas", () => {
    typesAs(env, 'let f = x => x; [f(1), f("a")]', '[1, "a"]');
  });
  it("checks annotated lambda parameters", () => {
    typesAs(env, "((x: String) => x.length)('a')", "Number");
    failsWith(env, "((x: String) => x.length)(1)", "Type `Int` is not a subtype of `String`", "1");
  });
  it("types variadic lambdas", () => {
    typesAs(env, "((...xs) => xs.length)(1, 2)", "Number");
  });
  it("types if without else as Null (TyperExprs: If)", () => {
    typesAs(env, "if (true) 1", "Null");
    failsWith(env, "if (1) 2 else 3", "Type `Int` is not a subtype of `Boolean`", "1");
  });
  it("reports unbound variables", () => {
    failsWith(env, "foo", "Unbound variable `foo`", "foo");
  });
  it("reports arity errors (TypeConstraintFailure InvalidArity)", () => {
    failsWith(env, "((x) => x)(1, 2)", "Function was called with too many arguments. Expected 1, received 2");
    failsWith(env, "((x, y) => x)(1)", "Function was not called with enough arguments. Expected 2, received 1");
  });
});

describe("typer: records, arrays, access", () => {
  it("types objects and selection (TyperCoreSpec 'type objects & selection')", () => {
    typesAs(env, "{}", "{}");
    typesAs(env, "{ foo: 1 }", "{ foo: 1 }");
    failsWith(env, "{ a: 1 }.b", "Type `{ a: 1 }` does not have field `b`", "b");
  });
  it("types record access by literal (TyperCoreSpec 'record fields & record access')", () => {
    typesAs(env, "{ foo: 1, bar: 2 }['foo']", "1");
  });
  it("types tuples (TyperCoreSpec 'type array lits tuples', 'tuple/array access')", () => {
    typesAs(env, "[1, 2]", "[1, 2]");
    typesAs(env, "[]", "[]");
    typesAs(env, "(1, 2)", "[1, 2]");
    typesAs(env, "(1)", "1");
    typesAs(env, "[1, 2][0]", "1");
    typesAs(env, "[1, 2][2]", "Never");
    typesAs(env, "[1 + 1, 2 + 1, 3 + 1]", "[Number, Number, Number]");
  });
  it("reaches a fixed point for accumulators that grow their own type", () => {
    typesAs(env, "[1, 2, 3].toSet().fold([], (acc, e) => acc.append(e))", "Array<1 | 2 | 3> | []");
    typesAs(env, "[1, 2, 3].fold([], (acc, e) => acc.concat([e]))", "Array<1 | 2 | 3> | []");
    typesAs(env, "[1, 2].fold({ count: 0 }, (acc, x) => { count: acc.count + 1 })", "{ count: Number }");
  });
  it("types array methods (FQL2TypecheckSpec 'typechecks arrays')", () => {
    typesAs(env, "[1, 2, 3].map(x => x + 1)", "Array<Number>");
    typesAs(env, "[1, 2, 3].map(x => -x)", "Array<Number>");
    typesAs(env, '["a", "abc", "ab"].flatMap(x => [x.length, 0])', "Array<Number>");
    typesAs(env, '["bcd", "efgh", "ijk"].fold(1, (x, y) => x + y.length)', "Number");
    typesAs(env, '["bcd", "efgh", "ijk"].reduce((x, y) => x + y)', "String | Null");
    typesAs(env, "[1, 2, 3].map(x => { foo: x + 1 }) { foo }", "Array<{ foo: Number }>");
    typesAs(env, "([1, 2, 3].map(x => { foo: x + 1 }) { foo }).first()", "{ foo: Number } | Null");
  });
  it("types projection of records (FQL2TypecheckSpec 'typechecks projection')", () => {
    typesAs(env, "({ foo: 1, bar: 2 }) { foo }", "{ foo: 1 }");
    typesAs(env, "null { foo, bar }", "Null");
  });
  it("types an overloaded operator once its operands are known (TyperCoreSpec 'type projection')", () => {
    typesAs(env, "({ foo: 1, bar: 2, baz: 3 }) { qux: .bar + .baz, foo, bar }", "{ qux: Number, foo: 1, bar: 2 }");
    typesAs(env, "(x => { qux: x.bar + x.baz })({ bar: 2, baz: 3 })", "{ qux: Number }");
    typesAs(env, "(x => { qux: x.bar + x.baz })({ bar: 'a', baz: 'b' })", "{ qux: String }");
  });
  it("types ?. chains with a possible Null (TyperCoreSpec '?. with call')", () => {
    typesAs(env, "{ foo: null }.foo?.()", "Null");
    typesAs(env, "[1].first()?.toString()", "String | Null");
  });
  it("suggests ! for null receivers (TyperCoreSpec 'suggest bang operator')", () => {
    failsWith(env, "(if (true) 3 else null).foo", "Type `3 | Null` is not a subtype of `{ foo: Any, ... }`");
    failsWith(env, "['a'].first().length", "Type `Null` does not have field `length`", "length");
    typesAs(env, "['a'].first()!.length", "Number");
    typesAs(env, "['a'].first()?.length", "Number | Null");
  });
  it("reports records with extra fields and wildcards (TyperCoreSpec 'typecheck records')", () => {
    failsWith(env, "Time.fromString({ a: 1 })", "Type `{ a: 1 }` is not a subtype of `String`");
    failsWith(env, "Math(3)", "Type `MathModule` cannot be used as a function", "Math");
  });
});

describe("typer: standard library", () => {
  it("types globals (FQL2TypecheckSpec 'types top-level built-ins', 'static functions')", () => {
    typesAs(env, "Math", "MathModule");
    typesAs(env, "Math.abs", "(x: Number) => Number");
    typesAs(env, "Time.now()", "Time");
    typesAs(env, "Time.now", "() => Time");
    typesAs(env, "'foo'.length", "Number");
    typesAs(env, "'foo'.slice(1, 2)", "String");
    typesAs(env, "'foo'.startsWith('bar')", "Boolean");
    failsWith(env, "Time(3)", "Type `Int` is not a subtype of `String`", "3");
    failsWith(env, "Time.fromString(3)", "Type `Int` is not a subtype of `String`", "3");
    typesAs(env, "log('hello')", "Null");
    typesAs(env, "log()", "Null");
    typesAs(env, "newId()", "ID");
  });
  it("types Query, Object, Date and Credential natives (stdlib Query.scala, Objects.scala, Credential.scala)", () => {
    typesAs(env, "Query.identity()", "{ *: Any } | Null");
    typesAs(env, "Query.isEnvTypechecked()", "Boolean");
    typesAs(env, "Object.keys({ a: 1 })", "Array<String>");
    // TypeTag.Int's static type is Number (runtime/fql2/TypeTag.scala): so are stdlib Ints.
    typesAs(env, "Date.today().year", "Number");
    typesAs(env, "Credential.byDocument(null)", "Ref<Credential>");
    typesAs(env, "Time.now().add(1, 'day').toMillis()", "Number");
  });
  it("accepts methods taken as values (issue #8: [{ name: 'D' }].map(Collection.create))", () => {
    typesAs(env, '[{ name: "D" }].map(Collection.create)', "Array<CollectionDef>");
  });
  it("reports the overload called with the right number of arguments; stdlib Ints are Numbers (TypeTag.Int)", () => {
    failsWith(env, "'abc'.slice('a', 2)", "Type `String` is not a subtype of `Number`", "'a'");
    typesAs(env, "Array.sequence(0, 'abc'.length)", "Array<Number>");
    typesAs(env, "'abc'.slice(1, 'abc'.length - 1)", "String");
  });
  it("reports unknown methods", () => {
    failsWith(env, "'a'.nope()", "Type `String` does not have field `nope`", "nope");
    failsWith(env, "Time.now().millis()", "Type `Time` does not have field `millis`", "millis");
  });
});

describe("typer: a let annotation's generics (TyperCoreSpec 'disallow outer values constrained by inner generic types')", () => {
  const message = "Value cannot be constrained by inner generic type `X => X`";
  it("refuse a value from outside the let, at the let's name", () => {
    failsWith(env, "k => { let test: X => X = k; test }", message, "test");
    failsWith(env, "k => y => { let test: X => X = { let z = y(k); z }; test }", message, "test");
  });
  it("point at the annotation and where the outer value comes from", () => {
    const q = "k => y => { let test: X => X = { let z = y(k); z }; test }";
    const r = typecheckQuery(parseQuery(q), env);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.diagnostics[0]!.hints?.map((h) => [h.message, q.slice(h.span.start, h.span.end)]),
      [
        ["Generic type definition", "X => X"],
        ["Outer value originates here", "y(k)"],
      ],
    );
  });
  it("still constrain the let's own value and hold for outer values without generics", () => {
    typesAs(env, "{ let f: A => A = x => x; f(1) }", "1");
    typesAs(env, "{ let y: b => b = z => z; y(2) }", "2");
    typesAs(env, "x => { let y: Array<Int> = x; y }", "Array<Int> => Array<Int>");
    typesAs(env, "k => { let f: A => A = x => { let y = x; y }; f(k) }", "A => A");
  });
});

describe("typer: untypeable parts show as _ (TyperCoreSpec 'use _ for untypeable things (only)')", () => {
  it("an element or field that failed to type", () => {
    failsWith(env, "[3.foo].bar", "Type `Int` does not have field `foo`", "foo");
    const second = (q: string) => {
      const r = typecheckQuery(parseQuery(q), env);
      assert.ok(!r.ok);
      return r.diagnostics.map((d) => d.message);
    };
    assert.deepEqual(second("[3.foo].bar"), [
      "Type `Int` does not have field `foo`",
      "Type `Array<_>` does not have field `bar`",
    ]);
    assert.deepEqual(second("{ a: 3.foo }.bar"), [
      "Type `Int` does not have field `foo`",
      "Type `{ a: _ }` does not have field `bar`",
    ]);
    assert.deepEqual(second("{ let x = 3.foo; [x] }.bar"), [
      "Type `Int` does not have field `foo`",
      "Type `Array<_>` does not have field `bar`",
    ]);
  });
  it("only: a proper Never, and a union with a typeable member", () => {
    typesAs(env, "abort(0)", "Never");
    failsWith(env, "(if (true) 3.foo else 4).bar", "Type `Int` does not have field `foo`");
    const r = typecheckQuery(parseQuery("(if (true) 3.foo else 4).bar"), env);
    assert.ok(!r.ok);
    assert.equal(r.diagnostics[1]!.message, "Type `Int` does not have field `bar`");
    failsWith(env, "((a) => { ''.concat(a) }).foo", "Type `String => String` does not have field `foo`");
  });
});
