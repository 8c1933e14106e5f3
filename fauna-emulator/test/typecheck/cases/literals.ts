// Literals, operators and `let`: the types Fauna infers without any schema.
import type { TypecheckCase } from "../types.js";

const CORE = "ext/fql/shared/src/test/scala/typer/TyperCoreSpec.scala";
const MODEL = "ext/model/src/test/scala/fql2/FQL2TypecheckSpec.scala";
const BOOL = "ext/model/src/test/scala/fql2/stdlib/FQL2BooleanSpec.scala";

// Fauna's stdlib types `+`, `-`, `*`, `/` on Number (Typer.HardcodedOps; Int-typed stdlib
// parameters are Number too, TypeTag.Int), where the core's test environment uses Int.
const NUMBER_NOTE = "arithmetic is Number with Fauna's stdlib (FQL2TypecheckSpec 'typechecks math')";

export const literalCases: TypecheckCase[] = [
  // ---- literals keep their singleton types ----
  {
    name: "TyperCoreSpec: an int literal is its own type",
    source: `${CORE} "type literals"`,
    query: "123",
    expect: { staticType: "123", data: 123 },
  },
  {
    name: "FQL2TypecheckSpec: trivial int",
    source: `${MODEL} "can check trivial types"`,
    query: "2",
    expect: { staticType: "2", data: 2 },
  },
  {
    name: "TyperCoreSpec: a string literal is its own type",
    source: `${CORE} "type literals"`,
    query: "'foo'",
    expect: { staticType: '"foo"', data: "foo" },
  },
  {
    name: "FQL2TypecheckSpec: double-quoted string literal",
    source: `${MODEL} "typechecks strings"`,
    query: '"abc"',
    expect: { staticType: '"abc"', data: "abc" },
  },
  {
    name: "TyperCoreSpec: true literal",
    source: `${CORE} "type literals"`,
    query: "true",
    expect: { staticType: "true", data: true },
  },
  {
    name: "TyperCoreSpec: false literal",
    source: `${CORE} "type literals"`,
    query: "false",
    expect: { staticType: "false", data: false },
  },
  {
    name: "FQL2TypecheckSpec: interpolated string is String",
    source: `${MODEL} "typechecks strings"`,
    query: '"abc #{2}"',
    expect: { staticType: "String", data: "abc 2" },
  },
  {
    name: "FQL2TypecheckSpec: object literal keeps literal field types",
    source: `${MODEL} "can check trivial types"`,
    query: "{ a: 'foo' }",
    expect: { staticType: '{ a: "foo" }', data: { a: "foo" } },
  },
  {
    name: "TyperCoreSpec: empty object",
    source: `${CORE} "type objects & selection"`,
    query: "{}",
    expect: { staticType: "{}", data: {} },
  },
  {
    name: "TyperCoreSpec: one-field object",
    source: `${CORE} "type objects & selection"`,
    query: "{ foo: 1 }",
    expect: { staticType: "{ foo: 1 }", data: { foo: 1 } },
  },
  {
    name: "TyperCoreSpec: array literal is a tuple",
    source: `${CORE} "type array lits tuples"`,
    query: "[1, 2]",
    expect: { staticType: "[1, 2]", data: [1, 2] },
  },
  {
    name: "TyperCoreSpec: one-element tuple",
    source: `${CORE} "type array lits tuples"`,
    query: "[1]",
    expect: { staticType: "[1]", data: [1] },
  },
  {
    name: "TyperCoreSpec: empty tuple",
    source: `${CORE} "type array lits tuples"`,
    query: "[]",
    expect: { staticType: "[]", data: [] },
  },
  {
    name: "TyperCoreSpec: parentheses around one value are not a tuple",
    source: `${CORE} "type parens lits tuples, except single parens"`,
    query: "(1)",
    expect: { staticType: "1", data: 1 },
  },
  {
    name: "FQL2TypecheckSpec: tuple of computed numbers",
    source: `${MODEL} "typechecks arrays"`,
    query: "[1 + 1, 2 + 1, 3 + 1]",
    expect: { staticType: "[Number, Number, Number]", data: [2, 3, 4] },
  },
  {
    name: "TyperCoreSpec: index into a tuple with a literal",
    source: `${CORE} "type tuple/array access"`,
    query: "[1, 2][0]",
    expect: { staticType: "1", data: 1 },
  },
  {
    name: "TyperCoreSpec: a negative literal index is out of bounds",
    source: `${CORE} "type tuple/array access"`,
    query: "[1, 2][-1]",
    expect: { error: "invalid_query", messages: ["Index -1 out of bounds for length 2"] },
  },
  {
    name: "TyperCoreSpec: a tuple index must be a number",
    source: `${CORE} "type tuple/array access" (Int there); Fauna's Array access takes \`index: Int\`, whose static type is Number (Arrays.scala defAccess, TypeTag.Int)`,
    query: "[1]['b']",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "TyperCoreSpec: a string index must be a number",
    source: `${CORE} "typecheck string access"; in Fauna's env the message names Number, as ${MODEL} "typechecks strings" shows for 'a'['b']`,
    query: "'a'['b']",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "TyperCoreSpec: indexing a string gives a String",
    source: `${CORE} "typecheck string access"`,
    query: "'foo'[0]",
    expect: { staticType: "String", data: "f" },
  },

  // ---- comparison and boolean operators ----
  {
    name: "FQL2TypecheckSpec: == is Boolean",
    source: `${MODEL} "typechecks comparison operators"`,
    query: "2 == 3",
    expect: { staticType: "Boolean", data: false },
  },
  {
    name: "FQL2TypecheckSpec: != is Boolean",
    source: `${MODEL} "typechecks comparison operators"`,
    query: "2 != 3",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "FQL2TypecheckSpec: > is Boolean",
    source: `${MODEL} "typechecks comparison operators"`,
    query: "2 > 3",
    expect: { staticType: "Boolean", data: false },
  },
  {
    name: "FQL2TypecheckSpec: < is Boolean",
    source: `${MODEL} "typechecks comparison operators"`,
    query: "2 < 3",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "FQL2TypecheckSpec: >= is Boolean",
    source: `${MODEL} "typechecks comparison operators"`,
    query: "2 >= 3",
    expect: { staticType: "Boolean", data: false },
  },
  {
    name: "FQL2TypecheckSpec: <= is Boolean",
    source: `${MODEL} "typechecks comparison operators"`,
    query: "2 <= 3",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "TyperCoreSpec: comparisons accept operands of any type",
    source: `${CORE} "typecheck equality operators"`,
    query: "(if (true) 3 else 'hi') < 3",
    expect: { staticType: "Boolean", data: false },
  },
  {
    name: "TyperCoreSpec: equality of a union and a literal",
    source: `${CORE} "typecheck equality operators"`,
    query: "(if (true) 3 else 'hi') == 3",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "FQL2TypecheckSpec: || is Boolean",
    source: `${MODEL} "typechecks booleans"`,
    query: "true || false",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "FQL2TypecheckSpec: mixed && and ||",
    source: `${MODEL} "typechecks booleans"`,
    query: "true || false && true",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "FQL2TypecheckSpec: || refuses an Int operand",
    source: `${MODEL} "typechecks booleans"`,
    query: "true || 3",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `Boolean`"] },
  },
  {
    name: "FQL2BooleanSpec: && as a function of two Booleans",
    source: `${BOOL} "&&"`,
    query: "(a, b) => a && b",
    expect: { staticType: "(Boolean, Boolean) => Boolean" },
  },
  {
    name: "FQL2BooleanSpec: || as a function of two Booleans",
    source: `${BOOL} "||"`,
    query: "(a, b) => a || b",
    expect: { staticType: "(Boolean, Boolean) => Boolean" },
  },
  {
    name: "TyperCoreSpec: if/else of two Booleans",
    source: `${CORE} "type if exprs"`,
    query: "if (true) true else false",
    expect: { staticType: "Boolean", data: true },
  },

  // ---- arithmetic ----
  {
    name: "FQL2TypecheckSpec: division is Number",
    source: `${MODEL} "typechecks math"`,
    query: "2 / 3",
    expect: { staticType: "Number" },
  },
  {
    name: "FQL2TypecheckSpec: addition is Number",
    source: `${MODEL} "typechecks math"`,
    query: "2 + 3",
    expect: { staticType: "Number", data: 5 },
  },
  {
    name: "FQL2TypecheckSpec: double addition is Number",
    source: `${MODEL} "typechecks math"`,
    query: "2.0 + 3.0",
    expect: { staticType: "Number", data: 5 },
  },
  {
    name: "TyperCoreSpec: chained addition",
    source: `${CORE} "typecheck 1 + 2 + 3"; ${NUMBER_NOTE}`,
    query: "1 + 2 + 3",
    expect: { staticType: "Number", data: 6 },
  },
  {
    name: "FQL2TypecheckSpec: number plus string is refused",
    source: `${MODEL} "typechecks math"`,
    query: "2 + 'a'",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "FQL2TypecheckSpec: string-indexing a string inside interpolation is refused",
    source: `${MODEL} "typechecks strings"`,
    query: "\"abc #{'a'['b']}\"",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "FQL2TypecheckSpec: string plus string via overloaded +",
    source: `${MODEL} "warns about uncalled overloaded functions" (the + overloads)`,
    query: "'a' + 'b'",
    expect: { staticType: "String", data: "ab" },
  },
  {
    name: "TyperCoreSpec: numeric literal has no fields",
    source: `${CORE} "report multiple errors"`,
    query: "{ a: 1.foo, b: 2.bar }",
    expect: {
      error: "invalid_query",
      messages: ["Type `Int` does not have field `foo`", "Type `Int` does not have field `bar`"],
    },
  },
  {
    name: "TyperCoreSpec: an Int cannot be called",
    source: `${CORE} "type lambdas"`,
    query: "1(2)",
    expect: { error: "invalid_query", messages: ["Type `Int` cannot be used as a function"] },
  },
  {
    name: "TyperCoreSpec: string concat takes a String",
    source: `${CORE} "report method apply errors"`,
    query: "'foo'.concat(2)",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },

  // ---- let, with and without annotations ----
  {
    name: "FQL2TypecheckSpec: let with a String annotation",
    source: `${MODEL} "typechecks strings"`,
    query: 'let s: String = "abc"; s',
    expect: { staticType: "String", data: "abc" },
  },
  {
    name: "FQL2TypecheckSpec: let with a Boolean annotation",
    source: `${MODEL} "typechecks booleans"`,
    query: "let b: Boolean = true || false; b",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "FQL2TypecheckSpec: let annotated with a module type",
    source: `${MODEL} "types top-level built-ins"`,
    query: "let m: MathModule = Math; m",
    expect: { staticType: "MathModule" },
  },
  {
    name: "FQL2TypecheckSpec: let annotation mismatch",
    source: `${MODEL} (annotations are checked, "typechecks strings"); a non-String literal promotes to its primary type (TyperConstrain, Lit vs Named); issue #8`,
    query: "let x: String = 5; x",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "TyperCoreSpec: field of an inferred Int",
    source: `${CORE} "show where type was inferred from"`,
    query: "{\n  let a = 3\n\n  a.foo\n}",
    expect: {
      error: "invalid_query",
      messages: ["Type `Int` does not have field `foo`"],
      summaryIncludes: ["hint: Type `Int` inferred here"],
    },
  },
  {
    name: "TyperCoreSpec: field of an annotated Int",
    source: `${CORE} "show where type was inferred from"`,
    query: "{\n  let a: Int = 3\n\n  a.foo\n}",
    expect: { error: "invalid_query", messages: ["Type `Int` does not have field `foo`"] },
  },
  {
    name: "TyperCoreSpec: field of a nullable let suggests ! or ?.",
    source: `${CORE} "show where type was inferred from"`,
    query: "{\n  let a = if (true) 3 else null\n\n  a.foo\n}",
    expect: {
      error: "invalid_query",
      messages: ["Type `3 | Null` is not a subtype of `{ foo: Any, ... }`"],
      summaryIncludes: [
        "cause: Type `Null` does not have field `foo`",
        "hint: Use the ! or ?. operator to handle the null case",
      ],
    },
  },
  {
    name: "TyperCoreSpec: let polymorphism",
    source: `${CORE} "type let polymorphism"`,
    query: "{ let f = x => x; { a: f(0), b: f(true) } }",
    expect: { staticType: "{ a: 0, b: true }", data: { a: 0, b: true } },
  },
  {
    name: "TyperCoreSpec: a nullable annotated field may be absent",
    source: `${CORE} "implicitly add fields"`,
    query: "{ let obj: { a: 3 | Null } = {}; obj.a }",
    expect: { staticType: "3 | Null", data: null },
  },
  {
    name: "TyperCoreSpec: generic annotation on a let-bound lambda",
    source: `${CORE} "type blocks/lets"`,
    query: "{\n let y: b => b = z => z\n y(2)\n}",
    expect: { staticType: "2", data: 2 },
  },
  {
    name: "TyperCoreSpec: generic record annotation",
    source: `${CORE} "type blocks/lets"`,
    query: "{\n let y: { foo: b } => b = z => z.foo\n y\n}",
    expect: { staticType: "{ foo: A } => A" },
  },
  {
    name: "TyperCoreSpec: uppercase unknown types in annotations",
    source: `${CORE} "type blocks/lets"`,
    query: "{\n let y: { foo: A } => B = z => z.foo\n y\n}",
    expect: { error: "invalid_query", messages: ["Unknown type `A`", "Unknown type `B`"] },
  },
  {
    name: "TyperCoreSpec: an Array<5> has no field foo",
    source: `${CORE} "suggest bang operator in the right place"`,
    query: "{ let a: Array<5> = [5]; a.foo }",
    expect: {
      error: "invalid_query",
      messages: ["Type `Array<5>` does not have field `foo`"],
      summaryIncludes: ["hint: Type `Array<5>` inferred here"],
    },
  },
  {
    name: "TyperCoreSpec: a generic annotation cannot be satisfied by a literal",
    source: `${CORE} "disallow constraints on generic params"`,
    query: "{\n  let f: A => A = x => {\n    'foo'\n  }\n  f\n}",
    expect: { error: "invalid_query", messages: ['Type `"foo"` cannot be used as generic type `A`'] },
  },
  {
    name: "TyperCoreSpec: unknown type inside a type argument",
    source: `${CORE} "disallow pointless generic params"`,
    query: "{\n  let f: Array<xxx> => String = x => { let y: Any = null; y }\n  f\n}",
    expect: { error: "invalid_query", messages: ["Unknown type `xxx`"] },
  },
  {
    name: "TyperCoreSpec: outer value and inner generic type",
    source: `${CORE} "disallow outer values constrained by inner generic types"`,
    query: "k => { let test: X => X = k; test }",
    expect: { error: "invalid_query", messages: ["Value cannot be constrained by inner generic type `X => X`"] },
  },
  {
    name: "TyperCoreSpec: skolems in a let-bound function type",
    source: `${CORE} "allow skolems in type parameters"; ${NUMBER_NOTE}`,
    query:
      "{\n  let testFunc: (a: Array<T>, f: T => U) => Array<U> = (a, f) => {\n    a.map(f)\n  }\n\n  testFunc([1, 2], x => x + 1)\n}",
    expect: { staticType: "Array<Number>", data: [2, 3] },
  },
];
