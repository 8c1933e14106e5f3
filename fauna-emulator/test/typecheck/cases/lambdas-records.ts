// Lambdas and their inferred types, records with and without wildcards, projection,
// nullable values and the `!`, `?.` and `??` operators.
import type { TypecheckCase } from "../types.js";
import { RECORD_FUNCTIONS } from "../schemas.js";

const CORE = "ext/fql/shared/src/test/scala/typer/TyperCoreSpec.scala";
const MODEL = "ext/model/src/test/scala/fql2/FQL2TypecheckSpec.scala";
const NUMBER_NOTE = "arithmetic is Number with Fauna's stdlib (FQL2TypecheckSpec 'typechecks math')";

export const lambdaCases: TypecheckCase[] = [
  // ---- lambdas and inference ----
  {
    name: "FQL2TypecheckSpec: identity lambda is generic",
    source: `${MODEL} "can check trivial types"`,
    query: "x => x",
    expect: { staticType: "A => A" },
  },
  {
    name: "TyperCoreSpec: unused parameter is Any",
    source: `${CORE} "type lambdas"`,
    query: "x => 42",
    expect: { staticType: "Any => 42" },
  },
  {
    name: "TyperCoreSpec: applying a parameter",
    source: `${CORE} "type lambdas"`,
    query: "x => x(42)",
    expect: { staticType: "(42 => A) => A" },
  },
  {
    name: "TyperCoreSpec: parameter used as a condition is Boolean",
    source: `${CORE} "type lambdas"`,
    query: "x => if (x) 1 else 2",
    expect: { staticType: "Boolean => 1 | 2" },
  },
  {
    name: "TyperCoreSpec: immediately applied identity",
    source: `${CORE} "type lambdas"`,
    query: "(x => x)(42)",
    expect: { staticType: "42", data: 42 },
  },
  {
    name: "TyperCoreSpec: two parameters joined by if",
    source: `${CORE} "type lambdas"`,
    query: "(x, y) => if (true) x else y",
    expect: { staticType: "(A, A) => A" },
  },
  {
    name: "TyperCoreSpec: unused parameter named next",
    source: `${CORE} "type simple-sub random exprs"`,
    query: "next => 0",
    expect: { staticType: "Any => 0" },
  },
  {
    name: "TyperCoreSpec: self-application",
    source: `${CORE} "type self-application"`,
    query: "x => x(x)",
    expect: { staticType: "A & (A => B) => B" },
  },
  {
    name: "TyperCoreSpec: field selection on a parameter",
    source: `${CORE} "type objects & selection"`,
    query: "x => x.foo",
    expect: { staticType: "{ foo: A, ... } => A" },
  },
  {
    name: "TyperCoreSpec: two field selections share a type",
    source: `${CORE} "type objects & selection"`,
    query: "x => if (true) x.foo else x.bar",
    expect: { staticType: "{ foo: A, bar: A, ... } => A" },
  },
  {
    name: "TyperCoreSpec: short lambda",
    source: `${CORE} "type short lambdas"`,
    query: "(.foo)",
    expect: { staticType: "{ foo: A, ... } => A" },
  },
  {
    name: "FQL2TypecheckSpec: an uncalled + lambda is overloaded",
    source: `${MODEL} "warns about uncalled overloaded functions"`,
    query: "(x, y) => x + y",
    expect: { staticType: "((Number, Number) => Number) & ((String, String) => String)" },
  },
  {
    name: "TyperCoreSpec: string concatenation fixes the parameter type",
    source: `${CORE} "typecheck lambda overloads"`,
    query: "(x) => { if (true) x + '2' else x }",
    expect: { staticType: "String => String" },
  },
  {
    name: "TyperCoreSpec: let-bound lambda keeps its type",
    source: `${CORE} "typecheck lambda overloads"`,
    query: "{ let func = (x) => { if (true) x + '2' else x }; func }",
    expect: { staticType: "String => String" },
  },
  {
    name: "TyperCoreSpec: applied string lambda",
    source: `${CORE} "typecheck lambda overloads"`,
    query: "((x) => { if (true) x + '2' else x })('hi')",
    expect: { staticType: "String", data: "hi2" },
  },
  {
    name: "TyperCoreSpec: let-bound lambda applied",
    source: `${CORE} "typecheck lambda overloads"`,
    query: "{ let func = (x) => { if (true) x + '2' else x }; func('hi') }",
    expect: { staticType: "String", data: "hi2" },
  },
  {
    name: "TyperCoreSpec: a lambda with a hole-typed record access",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "x => { foo: 1, bar: 2 }[x]",
    expect: { staticType: "String => 1 | 2 | Null" },
  },
  {
    name: "TyperCoreSpec: a Boolean is not a function for map",
    source: `${CORE} "show type not used as function error"`,
    query: "[].map(true)",
    expect: { error: "invalid_query", messages: ["Type `Boolean` cannot be used as a function"] },
  },
  {
    name: "TyperCoreSpec: a comparison is not a function for map",
    source: `${CORE} "show type not used as function error"`,
    query: "[].map(2 == 3)",
    expect: { error: "invalid_query", messages: ["Type `Boolean` cannot be used as a function"] },
  },
  {
    name: "TyperCoreSpec: a lambda has no fields",
    source: `${CORE} "use _ for untypeable things (only)"`,
    query: "((a) => { ''.concat(a) }).foo",
    expect: { error: "invalid_query", messages: ["Type `String => String` does not have field `foo`"] },
  },
  {
    name: "TyperCoreSpec: numbers mapped with + 1",
    source: `${CORE} "type operator overloads in lambdas"; ${NUMBER_NOTE}`,
    query: "[1, 2, 3].map(x => 1 + x)",
    expect: { staticType: "Array<Number>", data: [2, 3, 4] },
  },
  {
    name: "TyperCoreSpec: strings mapped with + '1'",
    source: `${CORE} "type operator overloads in lambdas"`,
    query: "['a', 'b', 'c'].map(x => x + '1')",
    expect: { staticType: "Array<String>", data: ["a1", "b1", "c1"] },
  },
  {
    name: "TyperCoreSpec: doubled then multiplied",
    source: `${CORE} "type operator overloads in lambdas"; ${NUMBER_NOTE}`,
    query: "(x => {\n  let doubled = x + x\n  doubled * 2\n})(7)",
    expect: { staticType: "Number", data: 28 },
  },
  {
    name: "TyperCoreSpec: number plus string element is refused",
    // The core's test env types `+` as `(Int, Int) => Int & (String, String) => String`
    // (ext/fql/shared/src/test/scala/package.scala:46); Fauna's is Number (Typer.scala:25
    // HardcodedOps), so the lambda is `Number => Number` there.
    source: `${CORE} "type operator overloads in lambdas", with Fauna's Number \`+\``,
    query: "['a', 'b', 'c'].map(x => 1 + x)",
    expect: {
      error: "invalid_query",
      messages: ['Type `Number => Number` is not a subtype of `"a" | "b" | "c" => Any`'],
    },
  },

  // ---- records ----
  {
    name: "FQL2TypecheckSpec: missing field on an object literal",
    source: `${MODEL} "can return trivial errors"`,
    query: "{ a: 1 }.b",
    expect: { error: "invalid_query", messages: ["Type `{ a: 1 }` does not have field `b`"] },
  },
  {
    name: "TyperCoreSpec: empty object has no field",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "{}.foo",
    expect: { error: "invalid_query", messages: ["Type `{}` does not have field `foo`"] },
  },
  {
    name: "TyperCoreSpec: one-field object lacks another",
    source: `${CORE} "type objects & selection"`,
    query: "{ foo: 1 }.bar",
    expect: { error: "invalid_query", messages: ["Type `{ foo: 1 }` does not have field `bar`"] },
  },
  {
    name: "TyperCoreSpec: calling an Int field",
    source: `${CORE} "type objects & selection"`,
    query: "{ foo: 1 }.foo()",
    expect: { error: "invalid_query", messages: ["Type `Int` cannot be used as a function"] },
  },
  {
    name: "TyperCoreSpec: literal key access",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "{ foo: 1, bar: 2 }['foo']",
    expect: { staticType: "1", data: 1 },
  },
  {
    name: "TyperCoreSpec: literal key access with double quotes",
    source: `${CORE} "typecheck record fields & record access"`,
    query: '{ foo: 1, bar: 2 }["foo"]',
    expect: { staticType: "1", data: 1 },
  },
  {
    name: "TyperCoreSpec: computed key access may be any field or null",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "{ foo: 1, bar: 2 }[\"#{'foo'}\"]",
    expect: { staticType: "1 | 2 | Null", data: 1 },
  },
  {
    name: "TyperCoreSpec: let-bound key access",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "{ let x = 'foo'; { foo: 1, bar: 2 }[x] }",
    expect: { staticType: "1 | 2 | Null", data: 1 },
  },
  {
    name: "TyperCoreSpec: missing literal key",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "{}['foo']",
    expect: { error: "invalid_query", messages: ["Type `{}` does not have field `foo`"] },
  },
  {
    name: "TyperCoreSpec: record key must be a String",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "{}[3]",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "TyperCoreSpec: missing key on a two-field record",
    source: `${CORE} "typecheck record fields & record access"`,
    query: "{ a: 3, b: 4 }['hi']",
    expect: { error: "invalid_query", messages: ["Type `{ a: 3, b: 4 }` does not have field `hi`"] },
  },
  {
    name: "TyperCoreSpec: tuple widens to Array for method lookup",
    source: `${CORE} "type array lits tuples"`,
    query: "[1, 2].foo()",
    expect: { error: "invalid_query", messages: ["Type `Array<1 | 2>` does not have field `foo`"] },
  },
  {
    name: "TyperCoreSpec: an erroneous element shows as _",
    source: `${CORE} "use _ for untypeable things (only)"`,
    query: "[3.foo].bar",
    expect: {
      error: "invalid_query",
      messages: ["Type `Int` does not have field `foo`", "Type `Array<_>` does not have field `bar`"],
    },
  },
  {
    name: "TyperCoreSpec: an erroneous field shows as _",
    source: `${CORE} "use _ for untypeable things (only)"`,
    query: "{ a: 3.foo }.bar",
    expect: {
      error: "invalid_query",
      messages: ["Type `Int` does not have field `foo`", "Type `{ a: _ }` does not have field `bar`"],
    },
  },

  // ---- typed signatures taking records (TyperCoreSpec's gimme* helpers as UDFs) ----
  {
    name: "TyperCoreSpec: closed record argument with both fields",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandB({ a: 3, b: 'hi' })",
    expect: { staticType: "Int", data: 3 },
  },
  {
    name: "TyperCoreSpec: closed record argument lacks a field",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandB({ a: 3 })",
    expect: { error: "invalid_query", messages: ["Type `{ a: 3 }` does not have field `b`"] },
  },
  {
    name: "TyperCoreSpec: closed record argument has an extra field",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandB({ a: 3, b: 'hi', c: 5 })",
    expect: { error: "invalid_query", messages: ['Type `{ a: 3, b: "hi", c: 5 }` contains extra field `c`'] },
  },
  {
    name: "TyperCoreSpec: empty object for a closed record",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandB({})",
    expect: {
      error: "invalid_query",
      messages: ["Type `{}` is not a subtype of `{ a: Int, b: String }`"],
      summaryIncludes: ["cause: Type `{}` does not have field `a`", "cause: Type `{}` does not have field `b`"],
    },
  },
  {
    name: "TyperCoreSpec: a wildcard record is refused where none is allowed",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandB(createAandwildany())",
    expect: { error: "invalid_query", messages: ["Type `{ a: Int, *: Any }` cannot have a wildcard"] },
  },
  {
    name: "TyperCoreSpec: wildcard parameter takes extra String fields",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandwildstr({ a: 3, b: 'hi', c: 'hello' })",
    expect: { staticType: "Int", data: 3 },
  },
  {
    name: "TyperCoreSpec: wildcard parameter refuses an Int extra field",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandwildstr({ a: 3, b: 4 })",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "TyperCoreSpec: wildcard record into wildcard parameter",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeAandwildstr(createAandwildstr())",
    expect: { staticType: "Int", data: 1 },
  },
  {
    name: "TyperCoreSpec: a wildcard record's declared field",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "createAandwildstr().a",
    expect: { staticType: "Int", data: 1 },
  },
  {
    name: "TyperCoreSpec: a wildcard record's other field may be null",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "createAandwildstr().b",
    expect: { staticType: "String | Null", data: null },
  },
  {
    name: "TyperCoreSpec: an Any wildcard field is Any",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "createAandwildany().b",
    expect: { staticType: "Any", data: null },
  },
  {
    name: "TyperCoreSpec: optional field may be omitted",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeoptA({})",
    expect: { staticType: "Int", data: 1 },
  },
  {
    name: "TyperCoreSpec: optional field may be null",
    source: `${CORE} "typecheck records"`,
    schema: RECORD_FUNCTIONS,
    query: "gimmeoptA({ a: null })",
    expect: { staticType: "Int", data: 1 },
  },
  {
    name: "TyperCoreSpec: literal union parameter takes a member",
    source: `${CORE} "type enums/union overloads"`,
    schema: RECORD_FUNCTIONS,
    query: "enumABC('a')",
    expect: { staticType: "Int", data: 1 },
  },
  {
    name: "TyperCoreSpec: literal union parameter refuses another literal",
    source: `${CORE} "type enums/union overloads"`,
    schema: RECORD_FUNCTIONS,
    query: "enumABC('d')",
    expect: {
      error: "invalid_query",
      messages: ['Type `"d"` is not a subtype of `"a" | "b" | "c"`'],
      summaryIncludes: ['cause: `"d"` is not the value `"a"`'],
    },
  },
  {
    name: "TyperCoreSpec: literal union through a lambda",
    source: `${CORE} "type enums/union overloads"`,
    schema: RECORD_FUNCTIONS,
    query: "(x => enumABC(x))('a')",
    expect: { staticType: "Int", data: 1 },
  },

  // ---- projection ----
  {
    name: "FQL2TypecheckSpec: projecting an object literal",
    source: `${MODEL} "typechecks projection"`,
    query: "({ foo: 1, bar: 2 }) { foo }",
    expect: { staticType: "{ foo: 1 }", data: { foo: 1 } },
  },
  {
    name: "TyperCoreSpec: projecting two fields",
    source: `${CORE} "type projection"`,
    query: "({ foo: 1, bar: 2, baz: 3 }) { foo, bar }",
    expect: { staticType: "{ foo: 1, bar: 2 }", data: { foo: 1, bar: 2 } },
  },
  {
    name: "TyperCoreSpec: projection with a computed field",
    source: `${CORE} "type projection"; ${NUMBER_NOTE}`,
    query: "({ foo: 1, bar: 2, baz: 3 }) { qux: .bar + .baz, foo, bar }",
    expect: { staticType: "{ qux: Number, foo: 1, bar: 2 }", data: { qux: 5, foo: 1, bar: 2 } },
  },
  {
    name: "TyperCoreSpec: projecting an array of objects",
    source: `${CORE} "type projection"`,
    query: "[{ foo: 1, bar: 2, baz: 3 }] { foo, bar }",
    expect: { staticType: "Array<{ foo: 1, bar: 2 }>", data: [{ foo: 1, bar: 2 }] },
  },
  {
    name: "FQL2TypecheckSpec: projecting a mapped array",
    source: `${MODEL} "typechecks projection"`,
    query: "[1, 2, 3].map(x => { foo: x + 1 }) { foo }",
    expect: { staticType: "Array<{ foo: Number }>", data: [{ foo: 2 }, { foo: 3 }, { foo: 4 }] },
  },
  {
    name: "FQL2TypecheckSpec: first of a projected array",
    source: `${MODEL} "typechecks projection"`,
    query: "([1, 2, 3].map(x => { foo: x + 1 }) { foo }).first()",
    expect: { staticType: "{ foo: Number } | Null", data: { foo: 2 } },
  },
  {
    name: "TyperCoreSpec: projecting null",
    source: `${CORE} "type projection"`,
    query: "null { foo, bar }",
    expect: { staticType: "Null", data: null },
  },
  {
    name: "TyperCoreSpec: projecting an Int is refused",
    source: `${CORE} "type projection"`,
    query: "1 { foo, bar }",
    expect: {
      error: "invalid_query",
      messages: ["Type `1` is not a subtype of `.{ { foo: A, bar: B, ... } => { foo: A, bar: B } } => Any`"],
      summaryIncludes: ["cause: Type `Int` does not have field `foo`", "hint: Type `Int` inferred here"],
    },
  },
  {
    name: "TyperCoreSpec: projecting a value of unknown type",
    source: `${CORE} "type projection" (generic)`,
    query: "x => x { foo, bar }",
    expect: { staticType: ".{ { foo: A, bar: B, ... } => { foo: A, bar: B } } => C => C" },
  },

  // ---- nullable: !, ?. and ?? ----
  {
    name: "TyperCoreSpec: ?? with a null left side",
    source: `${CORE} "type ?? operator"`,
    query: "null ?? 1",
    expect: { staticType: "1", data: 1 },
  },
  {
    name: "TyperCoreSpec: ?? with a non-null left side",
    source: `${CORE} "type ?? operator"`,
    query: "1 ?? 2",
    expect: { staticType: "2 | 1", data: 1 },
  },
  {
    name: "TyperCoreSpec: ?? of different literal types",
    source: `${CORE} "type ?? operator"`,
    query: "1 ?? 'str'",
    expect: { staticType: '"str" | 1', data: 1 },
  },
  {
    name: "TyperCoreSpec: ?? with an object",
    source: `${CORE} "type ?? operator"`,
    query: "null ?? {x: 1}",
    expect: { staticType: "{ x: 1 }", data: { x: 1 } },
  },
  {
    name: "TyperCoreSpec: ?? in a lambda removes Null",
    source: `${CORE} "type ?? operator"`,
    query: "x => x ?? 1",
    expect: { staticType: "A => 1 | (A - Null)" },
  },
  {
    name: "TyperCoreSpec: ! removes Null from a union",
    source: `${CORE} "remove null from union when bang operator is used"`,
    query: "(if (false) null else {x: 10})!",
    expect: { staticType: "{ x: 10 }", data: { x: 10 } },
  },
  {
    name: "TyperCoreSpec: ! then a field",
    source: `${CORE} "remove null from union when bang operator is used"`,
    query: "(if (false) null else {x: 10})!.x",
    expect: { staticType: "10", data: 10 },
  },
  {
    name: "TyperCoreSpec: ! in a lambda",
    source: `${CORE} "remove null from union when bang operator is used"`,
    query: "x => x!",
    expect: { staticType: "A => A - Null" },
  },
  {
    name: "TyperCoreSpec: ! inside map",
    source: `${CORE} "remove null from union when bang operator is used"; ${NUMBER_NOTE}`,
    query: "[if (true) 1 else null].map(x => x! + 1)",
    expect: { staticType: "Array<Number>", data: [2] },
  },
  {
    name: "TyperCoreSpec: ?. adds Null",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "{x: 10}?.x",
    expect: { staticType: "10 | Null", data: 10 },
  },
  {
    name: "TyperCoreSpec: ?. on a call",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "{x: () => 10}?.x()",
    expect: { staticType: "10 | Null", data: 10 },
  },
  {
    name: "TyperCoreSpec: optional call",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "{let foo = () => 10; foo?.()}",
    expect: { staticType: "10 | Null", data: 10 },
  },
  {
    name: "TyperCoreSpec: optional access",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "{let foo = [10]; foo?.[0]}",
    expect: { staticType: "10 | Null", data: 10 },
  },
  {
    name: "TyperCoreSpec: ?. on a nullable union",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "(if (true) null else { x: 10 })?.x",
    expect: { staticType: "10 | Null", data: null },
  },
  {
    name: "TyperCoreSpec: ?. short-circuits a chain",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "{x: {y: 10}}?.x.y",
    expect: { staticType: "10 | Null", data: 10 },
  },
  {
    name: "TyperCoreSpec: ! at the end of a ?. chain",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "{x: {y: 10}}?.x?.y!",
    expect: { staticType: "10", data: 10 },
  },
  {
    name: "TyperCoreSpec: ?. after !",
    source: `${CORE} "?. operator adds null to type in the end"`,
    query: "{ x: { y: 10 } }.x!?.y",
    expect: { staticType: "10 | Null", data: 10 },
  },
  {
    name: "TyperCoreSpec: optional call on a null field",
    source: `${CORE} "typecheck ?. with call"`,
    query: "{ foo: null }.foo?.()",
    expect: { staticType: "Null", data: null },
  },
  {
    name: "TyperCoreSpec: field of a nullable union without ! or ?.",
    source: `${CORE} "suggest bang operator in the right place"`,
    query: "(if (true) 3 else null).foo",
    expect: {
      error: "invalid_query",
      messages: ["Type `3 | Null` is not a subtype of `{ foo: Any, ... }`"],
      summaryIncludes: ["hint: Use the ! or ?. operator to handle the null case"],
    },
  },
];
