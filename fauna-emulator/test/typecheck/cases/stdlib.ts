// Standard-library signatures: built-in modules, methods of String, Number, Array, Set,
// Time, Math and Object, methods taken as values, abort, isa, log and dbg.
import type { TypecheckCase } from "../types.js";
import { AUTHOR } from "../schemas.js";

const CORE = "ext/fql/shared/src/test/scala/typer/TyperCoreSpec.scala";
const MODEL = "ext/model/src/test/scala/fql2/FQL2TypecheckSpec.scala";
const STDLIB = "ext/model/src/main/scala/runtime/fql2/stdlib";
// Int-typed stdlib parameters and results have static type Number (TypeTag.Int).
const INT_NOTE = "Int in a stdlib signature is Number statically (TypeTag.Int)";

export const stdlibCases: TypecheckCase[] = [
  // ---- modules and functions as values ----
  {
    name: "FQL2TypecheckSpec: Math is MathModule",
    source: `${MODEL} "types top-level built-ins"`,
    query: "Math",
    expect: { staticType: "MathModule" },
  },
  {
    name: "FQL2TypecheckSpec: a static method taken as a value",
    source: `${MODEL} "types top-level built-ins"`,
    query: "Math.abs",
    expect: { staticType: "(x: Number) => Number" },
  },
  {
    name: "FQL2TypecheckSpec: asc as a value",
    source: `${MODEL} "types top-level built-ins"`,
    query: "asc",
    expect: { staticType: "(accessor: (A => Any)) => { asc: A => Any }" },
  },
  {
    name: "FQL2TypecheckSpec: FQL.asc as a value",
    source: `${MODEL} "types top-level built-ins"`,
    query: "FQL.asc",
    expect: { staticType: "(accessor: (A => Any)) => { asc: A => Any }" },
  },
  {
    name: "FQL2TypecheckSpec: an uncalled static function",
    source: `${MODEL} "warns about uncalled functions"`,
    query: "Time.now",
    expect: {
      staticType: "() => Time",
      summaryIncludes: [
        "warning: Function is not called.\nat *query*:1:1\n  |\n1 | Time.now\n  | ^^^^^^^^\n  |",
        "hint: Call the function.\n  |\n1 | Time.now()\n  |         ++\n  |",
      ],
    },
  },
  {
    name: "FQL2TypecheckSpec: an uncalled overloaded function",
    source: `${MODEL} "warns about uncalled overloaded functions" (span 0..15, the hint's fix at its end)`,
    query: "(x, y) => x + y",
    expect: {
      staticType: "((Number, Number) => Number) & ((String, String) => String)",
      summaryIncludes: [
        "warning: Function is not called.\nat *query*:1:1",
        "1 | (x, y) => x + y()\n  |                ++",
      ],
    },
  },
  {
    name: "FQL2TypecheckSpec: a called function warns of nothing",
    source: `${MODEL} "dbg does types correctly" (logs.check is empty)`,
    query: "Time.now().year > 2000",
    expect: { staticType: "Boolean" },
  },
  {
    name: "FQL2TypecheckSpec: a module cannot be called",
    source: `${MODEL} "typechecks args to apply functions"`,
    query: "Math(3)",
    expect: {
      error: "invalid_query",
      messages: ["Type `MathModule` cannot be used as a function"],
      summaryIncludes: ["hint: `MathModule` is used as a function here"],
    },
  },
  {
    name: "FQL2TypecheckSpec: Time() takes a String",
    source: `${MODEL} "typechecks args to apply functions"`,
    query: "Time(3)",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "FQL2TypecheckSpec: Time.fromString takes a String",
    source: `${MODEL} "typechecks args to static functions"`,
    query: "Time.fromString(3)",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "FQL2TypecheckSpec: Time.now() is Time",
    source: `${MODEL} "typechecks returns from static functions"`,
    query: "Time.now()",
    expect: { staticType: "Time" },
  },
  {
    name: "Methods as values: a collection's create passed to map",
    source: `issue #8 ("[{ name: 'D' }].map(Collection.create)" is refused here, not in Fauna); a method is a field of its type shape (FieldTable.getTypeShape), so selecting it without calling is a function value, as ${MODEL} "warns about uncalled functions" shows for Time.now`,
    schema: AUTHOR,
    query: "[{ name: 'D' }].map(Author.create).length",
    expect: { staticType: "Number", data: 1 },
  },
  {
    name: "Methods as values: a string method taken as a value",
    source: `${STDLIB}/Strings.scala (toUpperCase: () => String); FieldTable.getTypeShape`,
    query: "'abc'.toUpperCase",
    expect: { staticType: "() => String" },
  },

  // ---- String ----
  {
    name: "FQL2TypecheckSpec: String length is Number",
    source: `${MODEL} "typechecks fields"`,
    query: "'foo'.length",
    expect: { staticType: "Number", data: 3 },
  },
  {
    name: "FQL2TypecheckSpec: slice is String",
    source: `${MODEL} "typechecks strings"`,
    query: "'foo'.slice(1, 2)",
    expect: { staticType: "String", data: "o" },
  },
  {
    name: "FQL2TypecheckSpec: startsWith is Boolean",
    source: `${MODEL} "typechecks strings"`,
    query: "'foo'.startsWith('bar')",
    expect: { staticType: "Boolean", data: false },
  },
  {
    name: "Strings: casefold is String",
    source: `${STDLIB}/Strings.scala casefold`,
    query: "'ABC'.casefold()",
    expect: { staticType: "String", data: "abc" },
  },
  {
    name: "Strings: includesRegex is Boolean",
    source: `${STDLIB}/Strings.scala includesRegex`,
    query: "'a1'.includesRegex('[0-9]')",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "Strings: replaceAllRegex is String",
    source: `${STDLIB}/Strings.scala replaceAllRegex`,
    query: "' a '.replaceAllRegex('^\\\\s+|\\\\s+$', '')",
    expect: { staticType: "String", data: "a" },
  },
  {
    name: "Strings: split is Array<String>",
    source: `${STDLIB}/Strings.scala split`,
    query: "'a,b'.split(',')",
    expect: { staticType: "Array<String>", data: ["a", "b"] },
  },
  {
    name: "Strings: indexOf may be null",
    source: `${STDLIB}/Strings.scala indexOf (Optional(Int)); ${INT_NOTE}`,
    query: "'abc'.indexOf('b')",
    expect: { staticType: "Number | Null", data: 1 },
  },
  {
    name: "Strings: at takes a number",
    source: `${STDLIB}/Strings.scala at (index: Int); ${INT_NOTE}`,
    query: "'abc'.at('x')",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "Strings: a String has no field",
    source: `${CORE} "type field selection"; ${MODEL} "typechecks fields"`,
    query: "'abc'.nope",
    expect: { error: "invalid_query", messages: ["Type `String` does not have field `nope`"] },
  },

  // ---- Array ----
  {
    name: "FQL2TypecheckSpec: map with + is Array<Number>",
    source: `${MODEL} "typechecks numbers"`,
    query: "[1, 2, 3].map(x => x + 1)",
    expect: { staticType: "Array<Number>", data: [2, 3, 4] },
  },
  {
    name: "FQL2TypecheckSpec: map with - is Array<Number>",
    source: `${MODEL} "typechecks numbers"`,
    query: "[1, 2, 3].map(x => x - 1)",
    expect: { staticType: "Array<Number>", data: [0, 1, 2] },
  },
  {
    name: "FQL2TypecheckSpec: map with unary - is Array<Number>",
    source: `${MODEL} "typechecks numbers"`,
    query: "[1, 2, 3].map(x => -x)",
    expect: { staticType: "Array<Number>", data: [-1, -2, -3] },
  },
  {
    name: "FQL2TypecheckSpec: flatMap",
    source: `${MODEL} "typechecks arrays"`,
    query: '["a", "abc", "ab"].flatMap(x => [x.length, 0])',
    expect: { staticType: "Array<Number>", data: [1, 0, 3, 0, 2, 0] },
  },
  {
    name: "FQL2TypecheckSpec: fold",
    source: `${MODEL} "typechecks arrays"`,
    query: '["bcd", "efgh", "ijk"].fold(1, (x, y) => x + y.length)',
    expect: { staticType: "Number", data: 11 },
  },
  {
    name: "FQL2TypecheckSpec: reduce may be null",
    source: `${MODEL} "typechecks arrays"`,
    query: '["bcd", "efgh", "ijk"].reduce((x, y) => x + y)',
    expect: { staticType: "String | Null", data: "bcdefghijk" },
  },
  {
    name: "FQL2TypecheckSpec: projection after map",
    source: `${MODEL} "typechecks arrays"`,
    query: "[1, 2, 3].map(x => {\n  { foo: x + 1, bar: x + 1 }\n}) { foo }",
    expect: { staticType: "Array<{ foo: Number }>", data: [{ foo: 2 }, { foo: 3 }, { foo: 4 }] },
  },
  {
    name: "TyperCoreSpec: reduce's function takes two arguments",
    source: `${CORE} "typecheck reduce()"`,
    query: "[1, 2].reduce(() => true)",
    expect: {
      error: "invalid_query",
      messages: ["Function was called with too many arguments. Expected 0, received 2"],
    },
  },
  {
    name: "TyperCoreSpec: order keeps the element type",
    source: `${CORE} "type order() correctly"`,
    query: "[{ foo: 3 }, { foo: 4 }].order(.foo)",
    expect: { staticType: "Array<{ foo: 3 | 4 }>", data: [{ foo: 3 }, { foo: 4 }] },
  },
  {
    name: "TyperCoreSpec: short lambda over strings",
    source: `${CORE} "type array methods"; ${INT_NOTE}`,
    query: '["a", "b"].map(.length)',
    expect: { staticType: "Array<Number>", data: [1, 1] },
  },
  {
    name: "Arrays: first of a tuple",
    source: `${STDLIB}/Arrays.scala first (Optional(A)); ${MODEL} "typechecks projection" (first() adds Null)`,
    query: "[1, 2].first()",
    expect: { staticType: "1 | 2 | Null", data: 1 },
  },
  {
    name: "Arrays: length is Number",
    source: `${STDLIB}/Arrays.scala length`,
    query: "[1, 2].length",
    expect: { staticType: "Number", data: 2 },
  },
  {
    name: "Arrays: includes is Boolean",
    source: `${STDLIB}/Arrays.scala includes`,
    query: "[1, 2].includes(2)",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "Arrays: isEmpty is Boolean",
    source: `${STDLIB}/Arrays.scala isEmpty`,
    query: "[].isEmpty()",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "Arrays: Array.sequence is Array<Number>",
    source: `${STDLIB}/Arrays.scala sequence`,
    query: "Array.sequence(0, 3)",
    expect: { staticType: "Array<Number>", data: [0, 1, 2] },
  },
  {
    name: "Arrays: take's limit is a number",
    source: `${STDLIB}/Arrays.scala take (limit: Int); ${INT_NOTE}`,
    query: "[1, 2].take('1')",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "Arrays: toArray of a Set of numbers",
    source: `${STDLIB}/Sets.scala toArray`,
    query: "[1, 2].toSet().toArray()",
    expect: { staticType: "Array<1 | 2>", data: [1, 2] },
  },

  // ---- Set ----
  {
    name: "Sets: count is Number",
    source: `${STDLIB}/Sets.scala count`,
    schema: AUTHOR,
    query: "Author.all().count()",
    expect: { staticType: "Number", data: 0 },
  },
  {
    name: "Sets: where keeps the element type",
    source: `${STDLIB}/Sets.scala where`,
    schema: AUTHOR,
    query: "Author.all().where(.name == 'x')",
    expect: { staticType: "Set<Author>" },
  },
  {
    name: "Sets: map changes the element type",
    source: `${STDLIB}/Sets.scala map; ${MODEL} "typechecks sets"`,
    schema: AUTHOR,
    query: "Author.all().map(a => a.id)",
    expect: { staticType: "Set<ID>" },
  },
  {
    name: "Sets: isEmpty is Boolean",
    source: `${STDLIB}/Sets.scala isEmpty`,
    schema: AUTHOR,
    query: "Author.all().isEmpty()",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "Sets: take keeps the Set",
    source: `${STDLIB}/Sets.scala take`,
    schema: AUTHOR,
    query: "Author.all().take(2)",
    expect: { staticType: "Set<Author>" },
  },

  // ---- Time ----
  {
    name: "Time: add is Time",
    source: `${STDLIB}/Time.scala add`,
    query: "Time.now().add(1, 'day')",
    expect: { staticType: "Time" },
  },
  {
    name: "Time: subtract is Time",
    source: `${STDLIB}/Time.scala subtract`,
    query: "Time.now().subtract(15, 'minutes')",
    expect: { staticType: "Time" },
  },
  {
    name: "Time: toMillis is Number",
    source: `${STDLIB}/Time.scala toMillis`,
    query: "Time('2024-01-01T00:00:00Z').toMillis()",
    expect: { staticType: "Number", data: 1704067200000 },
  },
  {
    name: "Time: add takes a number amount",
    source: `${STDLIB}/Time.scala add (amount: Number, unit: String)`,
    query: "Time.now().add('1', 'day')",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "Time: a Time literal constructor",
    source: `${STDLIB}/Time.scala apply (String)`,
    query: "Time('2024-01-01T00:00:00Z')",
    expect: { staticType: "Time" },
  },

  // ---- Math ----
  {
    name: "Math: max is Number",
    source: `${STDLIB}/Math.scala max`,
    query: "Math.max(1, 2)",
    expect: { staticType: "Number", data: 2 },
  },
  {
    name: "Math: round with a precision",
    source: `${STDLIB}/Math.scala round (x: Number, precision: Int)`,
    query: "Math.round(1.234, 2)",
    expect: { staticType: "Number", data: 1.23 },
  },
  { name: "Math: PI is Number", source: `${STDLIB}/Math.scala PI`, query: "Math.PI", expect: { staticType: "Number" } },
  {
    name: "Math: sum of an array",
    source: `${STDLIB}/Math.scala sum`,
    query: "Math.sum([1, 2])",
    expect: { staticType: "Number", data: 3 },
  },
  {
    name: "Math: abs refuses a String",
    source: `${MODEL} "types top-level built-ins" (Math.abs: (x: Number) => Number)`,
    query: "Math.abs('x')",
    expect: { error: "invalid_query", messages: ["Type `String` is not a subtype of `Number`"] },
  },

  // ---- Object ----
  {
    name: "Object: keys is Array<String>",
    source: `${STDLIB}/Objects.scala keys`,
    query: "Object.keys({ a: 1 })",
    expect: { staticType: "Array<String>", data: ["a"] },
  },
  {
    name: "Object: values of a record",
    source: `${STDLIB}/Objects.scala values ({ *: A } => Array<A>)`,
    query: "Object.values({ a: 1 })",
    expect: { staticType: "Array<1>", data: [1] },
  },
  {
    name: "TyperCoreSpec: fromEntries of no entries",
    source: `${CORE} "typecheck tuples" (objectFromEntries); ${STDLIB}/Objects.scala fromEntries`,
    query: "Object.fromEntries([])",
    expect: { staticType: "{ *: Never }", data: {} },
  },
  {
    name: "TyperCoreSpec: fromEntries of one pair",
    source: `${CORE} "typecheck tuples"`,
    query: "Object.fromEntries([['hi', 3]])",
    expect: { staticType: "{ *: 3 }", data: { hi: 3 } },
  },
  {
    name: "TyperCoreSpec: fromEntries of two pairs",
    source: `${CORE} "typecheck tuples"`,
    query: "Object.fromEntries([['hi', 3], ['hello', 4]])",
    expect: { staticType: "{ *: 3 | 4 }", data: { hi: 3, hello: 4 } },
  },
  {
    name: "TyperCoreSpec: fromEntries with a triple",
    source: `${CORE} "typecheck tuples"`,
    query: "Object.fromEntries([['hi', 3, 4]])",
    expect: { error: "invalid_query", messages: ["Tuple contains too many elements. Expected 2, received 3"] },
  },
  {
    name: "TyperCoreSpec: fromEntries with a single",
    source: `${CORE} "typecheck tuples"`,
    query: "Object.fromEntries([['hi']])",
    expect: { error: "invalid_query", messages: ["Tuple does not contain enough elements. Expected 2, received 1"] },
  },
  {
    name: "TyperCoreSpec: fromEntries keys are Strings",
    source: `${CORE} "typecheck tuples"`,
    query: "Object.fromEntries([[3, 3]])",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "Object: assign of two records has a wildcard",
    source: `${STDLIB}/Objects.scala assign (({ *: A }, { *: B }) => { *: A | B })`,
    query: "Object.assign({ a: 1 }, { b: 1 })",
    expect: { staticType: "{ *: 1 }", data: { a: 1, b: 1 } },
  },

  // ---- abort, isa, log, dbg, newId ----
  {
    name: "TyperCoreSpec: abort is Never, so a branch of it adds nothing",
    source: `${CORE} "use _ for untypeable things (only)" (abort(0): Never); ${STDLIB}/GlobalResolvers.scala abort`,
    query: "if (false) abort(0) else 1",
    expect: { staticType: "1", data: 1 },
  },
  {
    name: "Globals: abort as a function",
    source: `${STDLIB}/GlobalResolvers.scala abort ((return: Any) => Never)`,
    query: "x => abort(x)",
    expect: { staticType: "Any => Never" },
  },
  {
    name: "Globals: isa is Boolean",
    source: "ext/fql/shared/src/main/scala/typer/TyperExprs.scala (`isa` => Boolean, operands not typed)",
    query: "1 isa Number",
    expect: { staticType: "Boolean", data: true },
  },
  {
    name: "Globals: isa does not narrow",
    source:
      "ext/fql/shared/src/main/scala/typer/TyperExprs.scala (`isa` yields Boolean and narrows nothing), so the nullable let keeps its Null",
    query: "let x = if (true) null else 'a'\nif (x isa String) x.length else 0",
    expect: { error: "invalid_query", messages: ["Type `Null` does not have field `length`"] },
  },
  {
    name: "FQL2TypecheckSpec: dbg keeps its argument's type",
    source: `${MODEL} "dbg does types correctly"`,
    query: "dbg(1 + 2) + 10",
    expect: { staticType: "Number", data: 13 },
  },
  {
    name: "FQL2TypecheckSpec: log is Null",
    source: `${MODEL} "log does types correctly"`,
    query: "log('hello')",
    expect: { staticType: "Null", data: null },
  },
  {
    name: "Globals: newId is ID",
    source: `${STDLIB}/GlobalResolvers.scala newId`,
    query: "newId()",
    expect: { staticType: "ID" },
  },
];
