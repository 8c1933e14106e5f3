// UDF signatures (typed and inferred), Query.identity(), Query.token(), Credential.byDocument.
import type { TypecheckCase } from "../types.js";
import { USER } from "../schemas.js";

const MODEL = "ext/model/src/test/scala/fql2/FQL2TypecheckSpec.scala";
const UDF = "ext/model/src/test/scala/fql2/FQL2UserFunctionSpec.scala";
const DOCREF = "ext/model/src/test/scala/fql2/FQL2DocRefSpec.scala";
const STDLIB = "ext/model/src/main/scala/runtime/fql2/stdlib";

const ADD_ONE = `function AddOne(x) {
  x + 1
}
`;
const IDENTITY_FN = `function aFn(x) {
  x
}
`;
const ALL_FOO = `collection Foo {
}

function Bar() {
  Foo.all()
}
`;
const NULL_DOC_FN = `collection Foo {
}

function Bar(): NullFoo {
  let v: Any = Foo.byId('0')
  v
}
`;
const REF_FN = `collection Bar {
}

function MyFunc(x: Ref<Bar>): Ref<Bar> {
  x
}
`;
const TYPED = `function Greet(name: String): String {
  "Hello " + name
}
`;

export const functionCases: TypecheckCase[] = [
  {
    name: "FQL2TypecheckSpec: an inferred UDF's result type",
    source: `${MODEL} "udf" / "inferred type location is not shown"`,
    schema: ADD_ONE,
    query: "AddOne(2).foo",
    expect: { error: "invalid_query", messages: ["Type `Number` does not have field `foo`"] },
  },
  {
    name: "FQL2TypecheckSpec: calling an inferred UDF",
    source: `${MODEL} "udf"`,
    schema: ADD_ONE,
    query: "AddOne(2)",
    expect: { staticType: "Number", data: 3 },
  },
  {
    name: "FQL2UserFunctionSpec: a UDF's type as a value",
    source: `${UDF} (aFn is UserFunction<A => A> once typechecked)`,
    schema: IDENTITY_FN,
    query: "aFn",
    expect: { staticType: "UserFunction<A => A>" },
  },
  {
    name: "FQL2UserFunctionSpec: too few arguments",
    source: UDF,
    schema: IDENTITY_FN,
    query: "aFn()",
    expect: {
      error: "invalid_query",
      messages: ["Function was not called with enough arguments. Expected 1, received 0"],
    },
  },
  {
    name: "FQL2UserFunctionSpec: too many arguments",
    source: UDF,
    schema: IDENTITY_FN,
    query: "aFn(3, 4)",
    expect: {
      error: "invalid_query",
      messages: ["Function was called with too many arguments. Expected 1, received 2"],
    },
  },
  {
    name: "FQL2UserFunctionSpec: a UDF's definition",
    source: UDF,
    schema: IDENTITY_FN,
    query: "aFn.definition",
    expect: { staticType: "FunctionDef" },
  },
  {
    name: "FQL2TypecheckSpec: nested lookup of a UDF returning a Set",
    source: `${MODEL} "lookup env for nested calls"`,
    schema: ALL_FOO,
    query: "Bar()",
    expect: { staticType: "Set<Foo>" },
  },
  {
    name: "FQL2TypecheckSpec: projecting a UDF's Set",
    source: `${MODEL} "lookup env for nested calls"`,
    schema: ALL_FOO,
    query: "Bar() { id }",
    expect: { staticType: "Set<{ id: ID }>" },
  },
  {
    name: "FQL2TypecheckSpec: a UDF typed with a null doc",
    source: `${MODEL} "lookup env for null doc types"`,
    schema: NULL_DOC_FN,
    query: "Bar()",
    expect: { staticType: "NullFoo" },
  },
  {
    name: "FQL2TypecheckSpec: a null doc's id",
    source: `${MODEL} "lookup env for null doc types"`,
    schema: NULL_DOC_FN,
    query: "Bar().id",
    expect: { staticType: "ID", data: "0" },
  },
  {
    name: "FQL2DocRefSpec: Ref<Bar> is Bar | NullBar",
    source: `${DOCREF} "is synonymous with Doc | NullDoc"`,
    schema: REF_FN,
    query: "let x: Bar | NullBar = MyFunc(Bar.byId(0)); x",
    expect: { staticType: "Bar | NullBar" },
  },
  {
    name: "Typed UDF: result type is the signature's",
    source:
      'FQL2TypecheckEverythingSpec "it works" (typed functions); docs: typed form `function Name(a: String): String`',
    schema: TYPED,
    query: "Greet('Ann')",
    expect: { staticType: "String", data: "Hello Ann" },
  },
  {
    name: "Typed UDF: a call with a wrong argument type",
    source: 'TyperEnvSpec "report errors" (signatures are checked at call sites)',
    schema: TYPED,
    query: "Greet(3)",
    expect: { error: "invalid_query", messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "Typed UDF: the UDF as a value",
    source: `${UDF} (UserFunction<sig>); ext/api/src/test/scala/environment/FQL2EnvironmentEndpointSpec.scala ("UserFunction<(x: String) => String>")`,
    schema: TYPED,
    query: "Greet",
    expect: { staticType: "UserFunction<(name: String) => String>" },
  },

  // ---- identity, token, credentials ----
  {
    name: "Query.identity(): a field needs ! or ?.",
    source: `${STDLIB}/Query.scala identity (Optional(AnyDoc)); pattern of TyperCoreSpec "typecheck documents"`,
    query: "Query.identity().email",
    expect: { error: "invalid_query", messages: ["Type `Null` does not have field `email`"] },
  },
  {
    name: "Query.identity(): projected",
    source: `${STDLIB}/Query.scala identity; lib/fauna/customers.ts projects it`,
    query: "Query.identity() { id, email }",
    expect: { staticType: "{ id: Any, email: Any } | Null", data: null },
  },
  {
    name: "Query.token(): a field needs ! or ?.",
    source: `${STDLIB}/Query.scala token (Optional(AnyDoc | AnyStruct))`,
    query: "Query.token().id",
    expect: { error: "invalid_query", messages: ["Type `Null` does not have field `id`"] },
  },
  {
    name: "Credential.byDocument: a Ref<Credential>",
    source: `${STDLIB}/Credential.scala byDocument (docRefType = Ref(docType))`,
    schema: USER,
    query: "Credential.byDocument(User.create({ name: 'Bob' }))",
    expect: { staticType: "Ref<Credential>" },
  },
  {
    name: "Credential.byDocument: verify needs !",
    source: `${STDLIB}/Credential.scala byDocument returns Ref<Credential>; TyperCoreSpec "typecheck documents"`,
    schema: USER,
    query: "Credential.byDocument(User.create({ name: 'Bob' })).verify('pw')",
    expect: { error: "invalid_query", messages: ["Type `Null` does not have field `verify`"] },
  },
  {
    name: "Token.byDocument: a Set<Token>",
    source: `${STDLIB}/Tokens.scala byDocument (docSetType)`,
    schema: USER,
    query: "Token.byDocument(User.create({ name: 'Bob' }))",
    expect: { staticType: "Set<Token>" },
  },
];
