// Facts from faunadb's model specs (ext/model/src/test/scala/fql2/): FQL2ComputedFieldsSpec,
// FQL2DefinedFieldsSpec, FQL2DocRefSpec, FQL2UserFunctionSpec, FQL2CheckConstraintsSpec,
// stdlib/FQL2BooleanSpec.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { coll, failsWith, field, lambda, schemaEnv, stdEnv, typesAs } from "../../../test/support/typer.js";

describe("FQL2ComputedFieldsSpec", () => {
  it("keeps inferred computed field types and uses them in UDFs and queries", () => {
    const { env, diagnostics } = schemaEnv({
      collections: [
        coll({
          name: "Foo",
          computedFields: [
            { name: "foo", signature: null, body: lambda("x => 1") },
            { name: "two", signature: null, body: lambda("x => 2") },
            { name: "bar", signature: null, body: lambda("x => x.two + 3") },
            { name: "baz", signature: null, body: lambda("x => x.bar + 4") },
          ],
        }),
      ],
      functions: [
        { name: "Bar", signature: null, body: lambda("() => Foo.byId('0')!.foo") },
        { name: "Baz", signature: null, body: lambda("() => Foo.byId('0')!.baz") },
      ],
    });
    assert.deepEqual(diagnostics, []);
    typesAs(env, "Bar", "UserFunction<() => 1>");
    typesAs(env, "Baz", "UserFunction<() => Number>");
    typesAs(env, "Foo.byId('0')", "Ref<Foo>");
    typesAs(env, "Foo.byId('0')?.foo", "1 | Null");
    typesAs(env, "Foo.byId('0') { foo, other }", "{ foo: 1, other: Any } | Null");
  });
  it("types index terms by computed field types ('index types use computed field types')", () => {
    const { env } = schemaEnv({
      collections: [
        coll({
          name: "Foo",
          computedFields: [{ name: "foo", signature: "Number", body: lambda("_ => 2") }],
          indexes: [{ name: "byFoo", terms: [".foo"], values: [] }],
        }),
        coll({
          name: "Bar",
          computedFields: [{ name: "foo", signature: null, body: lambda("_ => 2") }],
          indexes: [{ name: "byFoo", terms: [".foo"], values: [] }],
        }),
      ],
    });
    typesAs(env, "Foo.create({}).foo", "Number");
    typesAs(env, "(x) => Foo.byFoo(x)", "Number => Set<Foo>");
    typesAs(env, "Bar.create({}).foo", "2");
    typesAs(env, "(x) => Bar.byFoo(x)", "2 => Set<Bar>");
    typesAs(env, "Foo.byFoo(0)", "Set<Foo>");
    failsWith(env, "Foo.byFoo('hi')", "Type `String` is not a subtype of `Number`", "'hi'");
  });
});

describe("FQL2DefinedFieldsSpec", () => {
  const { env } = schemaEnv({
    collections: [
      coll({ name: "Foo", fields: [field("my_field", "Number")] }),
      coll({ name: "Opt", fields: [field("my_field", "Number | Null")] }),
      coll({ name: "Wild", fields: [field("my_field", "Number")], wildcard: "Any" }),
    ],
  });
  it("shows field types in results", () => {
    typesAs(env, "Foo.create({ my_field: 5 }).my_field", "Number");
    typesAs(env, "Foo.byId(1234)?.my_field", "Number | Null");
    typesAs(env, "Wild.create({ my_field: 5 }) { my_field, foo }", "{ my_field: Number, foo: Any }");
    typesAs(env, "Wild.byId(0)!.foo", "Any");
  });
  it("shows create, update and replace signatures", () => {
    typesAs(env, "Foo.create", "(data: { id: ID | Null, my_field: Number }) => Foo");
    typesAs(env, "Foo.createData", "(data: { my_field: Number }) => Foo");
    typesAs(env, "Foo.byId(0)!.update", "(data: { my_field: Number | Null }) => Foo");
    typesAs(env, "Foo.byId(0)!.updateData", "(data: { my_field: Number | Null }) => Foo");
    typesAs(env, "Foo.byId(0)!.replace", "(data: { my_field: Number }) => Foo");
    typesAs(env, "Foo.byId(0)!.replaceData", "(data: { my_field: Number }) => Foo");
  });
  it("checks inputs against them", () => {
    failsWith(env, "Foo.create({})", "Type `{}` does not have field `my_field`", "{}");
    typesAs(env, "Opt.create({})", "Opt");
    typesAs(env, "Foo.create({ my_field: 3 }).update({})", "Foo");
    failsWith(env, "Foo.create({ my_field: 3 }).replace({})", "Type `{}` does not have field `my_field`", "{}");
    failsWith(
      env,
      "Foo.create({ my_field: 3 }).replace({ my_field: 'hi' })",
      "Type `String` is not a subtype of `Number`",
      "'hi'",
    );
  });
});

describe("FQL2DocRefSpec, FQL2CheckConstraintsSpec, FQL2UserFunctionSpec", () => {
  const { env } = schemaEnv({
    collections: [
      coll({ name: "Foo", fields: [field("a", "Int")] }),
      coll({ name: "Bar", fields: [field("b", "Int")] }),
    ],
    functions: [
      { name: "MyFunc", signature: "(x: Ref<Bar>): Ref<Bar>", body: lambda("x => x") },
      { name: "aFn", signature: null, body: lambda("x => x") },
    ],
  });
  it("types references", () => {
    for (const q of ["Foo.byId(ID(3))", "Foo.byId(ID('3'))", "Foo.byId(3)", "Foo.byId('3')", "Foo(0)", 'Foo("0")'])
      typesAs(env, q, "Ref<Foo>");
    typesAs(env, "let x: Bar | NullBar = MyFunc(Bar.byId(0)); x", "Bar | NullBar");
  });
  it("types UDFs as UserFunction and checks their arity", () => {
    typesAs(env, "aFn", "UserFunction<A => A>");
    typesAs(env, "aFn.definition", "FunctionDef");
    failsWith(env, "aFn()", "Function was not called with enough arguments. Expected 1, received 0");
    failsWith(env, "aFn(3, 4)", "Function was called with too many arguments. Expected 1, received 2");
  });
});

describe("stdlib/FQL2BooleanSpec", () => {
  it("types boolean operators on unknown operands", () => {
    typesAs(stdEnv(), "(a, b) => a && b", "(Boolean, Boolean) => Boolean");
    typesAs(stdEnv(), "(a, b) => a || b", "(Boolean, Boolean) => Boolean");
  });
});

describe("FQL2TypecheckEverythingSpec and aliases", () => {
  it("checks UDF bodies against their signatures", () => {
    const ok = schemaEnv({
      collections: [coll({ name: "User", fields: [field("name", "String")] })],
      functions: [{ name: "foo", signature: "(a: Number): Number", body: lambda("(a) => a + 2") }],
    });
    assert.deepEqual(ok.diagnostics, []);
    const bad = schemaEnv({ functions: [{ name: "foo", signature: "(a: Int): Int", body: lambda("(a) => a.fooo") }] });
    assert.deepEqual(
      bad.diagnostics.map((d) => [d.message, d.span.source]),
      [["Type `Int` does not have field `fooo`", "*function:foo*"]],
    );
  });
  it("gives aliased collections and functions their own names", () => {
    const { env, diagnostics } = schemaEnv({
      collections: [coll({ name: "Product", alias: "Item", fields: [field("name", "String")] })],
      functions: [
        { name: "Greet", alias: "Hello", signature: "(n: String): String", body: lambda("(n) => 'hi ' + n") },
      ],
    });
    assert.deepEqual(diagnostics, []);
    typesAs(env, "Item.all()", "Set<Item>");
    typesAs(env, "Item.byId('1')!.name", "String");
    typesAs(env, "Product.all().first()", "Product | Null");
    typesAs(env, "Hello('x')", "String");
  });
});

// FQL2TypecheckSpec "types top-level built-ins" (`FQL.asc`), FQL2InterpreterSpec "does not expose
// user objects in FQL namespace", FQL2NameValidationSpec "Collection, Function, Role are
// available under FQL prefix": `FQL` holds the static globals only.
describe("the FQL module", () => {
  const { env } = schemaEnv({
    collections: [coll({ name: "GlobalEnvGoblin" })],
    functions: [{ name: "Goblin", signature: null, body: lambda("() => 1") }],
  });
  it("holds the stdlib's modules, the native collections and the global functions", () => {
    typesAs(env, "FQL.asc", "(accessor: (A => Any)) => { asc: A => Any }");
    typesAs(env, "FQL.desc", "(accessor: (A => Any)) => { desc: A => Any }");
    typesAs(env, "FQL.Math.abs(-1)", "Number");
    typesAs(env, "FQL.Time.now()", "Time");
    typesAs(env, "FQL.Collection", "CollectionCollection");
    typesAs(env, "FQL.Function.all()", "Set<FunctionDef>");
    typesAs(env, "FQL.newId()", "ID");
    typesAs(env, "FQL.log('hi', 1)", "Null");
    typesAs(env, "FQL.evalV4", "(expr: { *: Any }) => Any");
    typesAs(env, "Set.sequence(0, 3).order(FQL.desc(x => x))", "Set<Number>");
  });
  it("holds neither user collections and functions nor itself", () => {
    typesAs(env, "GlobalEnvGoblin", "GlobalEnvGoblinCollection");
    failsWith(env, "FQL.GlobalEnvGoblin!", "Type `FQLModule` does not have field `GlobalEnvGoblin`", "GlobalEnvGoblin");
    failsWith(env, "FQL.Goblin()", "Type `FQLModule` does not have field `Goblin`", "Goblin");
    failsWith(env, "FQL.FQL", "Type `FQLModule` does not have field `FQL`", "FQL", 1);
  });
});
