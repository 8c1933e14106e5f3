// Schema pushes to a typechecked database: accepted, or refused with Fauna's diagnostics.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SchemaCase } from "./types.js";
import { FOO_BAR_REFS, USER } from "./schemas.js";

const CORE = "ext/fql/shared/src/test/scala/typer";
const MODEL = "ext/model/src/test/scala/fql2";
const ENV = "ext/fql/shared/src/test/scala/env/SchemaTypeValidatorSpec.scala";

// This repository's own schema (schema/*.fsl at the repo root), read when the corpus loads.
const SHOP_SCHEMA_DIR = fileURLToPath(new URL("../../../schema/", import.meta.url));
const shopFiles = readdirSync(SHOP_SCHEMA_DIR)
  .filter((f) => f.endsWith(".fsl"))
  .sort();
const shopSchema = shopFiles.map((f) => readFileSync(SHOP_SCHEMA_DIR + f, "utf8")).join("\n");
const LOCKED_UNTIL_FIXED = "lockedUntil!.toMillis()";

export const schemaCases: SchemaCase[] = [
  {
    name: "FQL2TypecheckEverythingSpec: a collection and a typed function",
    source: `${MODEL}/FQL2TypecheckEverythingSpec.scala "it works"`,
    schema: `${USER}\nfunction foo(a: Number): Number { a + 2 }\n`,
    expect: "ok",
  },
  {
    name: "FQL2TypecheckEverythingSpec: a typed parameter's missing field",
    source: `${MODEL}/FQL2TypecheckEverythingSpec.scala "it finds invalid databases"`,
    schema: "function foo(a: Int): Int { a.fooo }\n",
    expect: { messages: ["Type `Int` does not have field `fooo`"] },
  },
  {
    name: "FQL2TypecheckSpec: updates with refs (Set annotation)",
    source: `${MODEL}/FQL2TypecheckSpec.scala "types updates with refs"`,
    schema: `${FOO_BAR_REFS}\nfunction updateABar(foo: Foo): Null {\n  let set: Set<Bar> = Bar.byFoo(foo)\n  set.forEach(bar => { bar.update({ foo: foo }) })\n}\n`,
    expect: "ok",
  },
  {
    name: "FQL2TypecheckSpec: updates with refs (through a typed UDF)",
    source: `${MODEL}/FQL2TypecheckSpec.scala "types updates with refs"`,
    schema: `${FOO_BAR_REFS}\nfunction getASet(f: Ref<Foo>): Set<Bar> {\n  Bar.byFoo(f)\n}\n\nfunction updateABar(foo: Foo): Null {\n  getASet(foo).forEach(bar => { bar.update({ foo: foo }) })\n}\n`,
    expect: "ok",
  },
  {
    name: "FQL2TypecheckSpec: projection on an untyped parameter",
    source: `${MODEL}/FQL2TypecheckSpec.scala "invalid projection"`,
    schema: "function Bar(x) {\n  x { x }\n}\n",
    expect: { messages: ["Invalid projection on a unknown type. Use function signatures to fix the issue."] },
  },
  {
    name: "FQL2TypecheckSpec: a signature fixes the projection",
    source: `${MODEL}/FQL2TypecheckSpec.scala "function signature fix invalid projection"`,
    schema: "function Bar(x: { x: a }): { x: a } {\n  x { x }\n}\n",
    expect: "ok",
  },
  {
    name: "FQL2TypecheckSpec: Array without a type argument",
    source: `${MODEL}/FQL2TypecheckSpec.scala "array with no generics doesn't blow up"`,
    schema: "collection User {\n  my_field: Array\n}\n",
    expect: { messages: ["Type constructor `Array<>` accepts 1 parameters, received 0"] },
  },
  {
    name: "FQL2TypecheckSpec: an index term on an undefined field",
    source: `${MODEL}/FQL2TypecheckSpec.scala "array with no generics and an inline index build should not blow up"`,
    schema: "collection User {\n  name: String\n\n  index byFoo {\n    terms [.foo]\n  }\n}\n",
    expect: { messages: ["Type `User` does not have field `foo`"] },
  },
  {
    name: "FQL2TypeEnvValidationSpec: a Ref to an unknown collection",
    source: `${MODEL}/FQL2TypeEnvValidationSpec.scala "signatures"`,
    schema: "collection Foo {\n  badsig: Ref<Bar>\n}\n",
    expect: { messages: ["Unknown type `Bar`"] },
  },
  {
    name: "FQL2ComputedFieldsSpec: a computed field's body against its signature",
    source: `${MODEL}/FQL2ComputedFieldsSpec.scala "checks computed field signatures"`,
    schema: 'collection Foo {\n  compute bar: Number = (doc => "foo")\n}\n',
    expect: { messages: ["Type `String` is not a subtype of `Number`"] },
  },
  {
    name: "FQL2ComputedFieldsSpec: a matching computed field signature",
    source: `${MODEL}/FQL2ComputedFieldsSpec.scala "checks computed field signatures"`,
    schema: 'collection Foo {\n  compute bar: String = (doc => "foo")\n}\n',
    expect: "ok",
  },
  {
    name: "FQL2ComputedFieldsSpec: a wildcard field read in a computed field",
    source: `${MODEL}/FQL2ComputedFieldsSpec.scala "checks computed field signatures" (doc => doc.foo * 2)`,
    schema: "collection Foo {\n  compute bar: Number = (doc => doc.foo * 2)\n}\n",
    expect: "ok",
  },
  {
    name: "FQL2ComputedFieldsSpec: the document is not a Number",
    source: `${MODEL}/FQL2ComputedFieldsSpec.scala "checks computed field signatures"`,
    schema: "collection Foo {\n  compute bar: Number = (doc => doc * 2)\n}\n",
    expect: {
      messages: ["Type `{ id: ID, ts: Time, ttl: Time | Null, bar: Number, *: Any }` is not a subtype of `Number`"],
    },
  },
  {
    name: "TyperEnvSpec: a typed UDF whose body has another type",
    source: `${CORE}/TyperEnvSpec.scala "run arbitrary checks from addTypeExprCheck" (invalid2)`,
    schema: "function Bad(): String {\n  3\n}\n",
    expect: { messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "TyperEnvSpec: UDFs inferred from each other in any order",
    source: `${CORE}/TyperEnvSpec.scala "check environment"`,
    schema: "function plustwo(x) {\n  plusone(plusone(x))\n}\n\nfunction plusone(x) {\n  x + 1\n}\n",
    expect: "ok",
  },
  {
    name: "TyperEnvSpec: an unknown name in a UDF",
    source: `${CORE}/TyperEnvSpec.scala "report errors"`,
    schema: "function oopsie(x) {\n  succc(x)\n}\n",
    expect: { messages: ["Unbound variable `succc`"] },
  },
  {
    name: "Role predicate: a Boolean predicate on a document",
    source: `${MODEL}/FQL2TypeEnvValidationSpec.scala ("like role predicates": predicates are typechecked when the database is)`,
    schema: `${USER}\nrole reader {\n  privileges User {\n    read {\n      predicate (doc => doc.name == "x")\n    }\n  }\n}\n`,
    expect: "ok",
  },
  {
    name: "Untyped parameter: a field read makes callers need it",
    source: `${CORE}/TyperCoreSpec.scala "typecheck records" (gimmeAandB({ a: 3 })); "type objects & selection" (x => x.foo is { foo: A, ... } => A). Storefront's ShippingAddressOrAbort read \`.coll\` this way`,
    schema:
      'function Plain(address) {\n  if (address.coll == null) "plain" else "doc"\n}\n\nfunction Ship(address: { street: String }): String {\n  Plain(address)\n}\n',
    expect: { messages: ["Type `{ street: String }` does not have field `coll`"] },
  },
  {
    name: "A String parameter is not an ID",
    source: `${MODEL}/FQL2CheckConstraintsSpec.scala "byId allows integers and strings" (literals only; Type.isValueOf), TyperConstrain (no String <: ID)`,
    schema: "collection Product {\n}\n\nfunction Find(id: String): Any {\n  Product.byId(id)\n}\n",
    expect: { messages: ["Type `String` is not a subtype of `ID`"] },
  },
  {
    name: "lockedUntil: a Time? field read with ! pushes",
    source: `issue #8; ${CORE}/TyperCoreSpec.scala "remove null from union when bang operator is used"`,
    schema:
      "collection LoginAttempt {\n  email: String\n  lockedUntil: Time?\n\n  index byEmail {\n    terms [.email]\n  }\n}\n\nfunction RetryAt(email: String): Number {\n  let lock = LoginAttempt.byEmail(email).first()\n  if (lock != null && lock!.lockedUntil != null) lock!.lockedUntil!.toMillis() else 0\n}\n",
    expect: "ok",
  },
  {
    name: "lockedUntil: a Time? field read without ! is refused",
    source: `issue #8 ("Type \`Null\` does not have field \`toMillis\`"); ${CORE}/TyperCoreSpec.scala "typecheck documents"; a null check does not narrow`,
    schema:
      "collection LoginAttempt {\n  email: String\n  lockedUntil: Time?\n\n  index byEmail {\n    terms [.email]\n  }\n}\n\nfunction RetryAt(email: String): Number {\n  let lock = LoginAttempt.byEmail(email).first()\n  if (lock != null && lock!.lockedUntil != null) lock!.lockedUntil.toMillis() else 0\n}\n",
    expect: { messages: ["Type `Null` does not have field `toMillis`"] },
  },
  {
    name: "SchemaCollectionSpec: a default of another type is refused",
    source: `ext/model/src/test/scala/schema/SchemaCollectionSpec.scala "typechecks defaults"; ${MODEL}/FQL2DefinedFieldsSpec.scala "default values are typechecked"`,
    schema: "collection Foo {\n  a: String = 0\n}\n",
    expect: { messages: ["Type `Int` is not a subtype of `String`"] },
  },
  {
    name: "SchemaCollectionSpec: defaults of the field's type push",
    source: `ext/model/src/test/scala/schema/SchemaCollectionSpec.scala "defaults" (a: Int = 5; Time.now() for a Time)`,
    schema:
      'collection Foo {\n  a: Int = 5\n  b: Time = Time.now()\n  c: String? = null\n  d: "cart" | "paid" = "cart"\n}\n',
    expect: "ok",
  },
  {
    name: "SchemaTypeValidatorSpec: an indexed computed field cannot use computed fields",
    source: `${ENV} "validate schema"`,
    schema:
      "collection User {\n  compute other = _ => 2\n  compute name = doc => doc.other\n  index byName { terms [.name] }\n}\n",
    expect: { messages: ["Computed fields used in indexes or constraints cannot use computed fields"] },
  },
  {
    name: "SchemaTypeValidatorSpec: an indexed computed field cannot call UDFs",
    source: `${ENV} "disallow udfs in indexed computed fields"`,
    schema:
      "function one(_) { 1 }\n\ncollection Foo {\n  compute a = _ => 1 + one(0)\n\n  index byA { terms [.a] }\n}\n",
    expect: { messages: ["Computed fields used in indexes or constraints cannot call UDFs"] },
  },
  {
    name: "SchemaTypeValidatorSpec: an indexed computed field cannot read its document's ts",
    source: `${ENV} "disallow accessing ts field on indexed computed fields"`,
    schema: "collection Foo {\n  compute a = doc => doc.ts\n\n  index byA { terms [.a] }\n}\n",
    expect: { messages: ["Computed fields used in indexes or constraints cannot use a doc's ts field"] },
  },
  {
    name: "SchemaTypeValidatorSpec: another value's ts is fine in an indexed computed field",
    source: `${ENV} "allow accessing ts field on other objects"`,
    schema:
      "collection Foo {\n  compute a = doc => {\n    let doc = { ts: 3 }\n    doc.ts\n  }\n\n  index byA { terms [.a] }\n}\n",
    expect: "ok",
  },
  {
    name: "SchemaTypeValidatorSpec: an indexed computed field cannot access collections",
    source: `${ENV} checkDisallowed("disallow making sets", "User.all()")`,
    schema: "collection User {\n  compute a = _ => User.all()\n  index byA { terms [.a] }\n}\n",
    expect: { messages: ["Computed fields used in indexes or constraints cannot access collections"] },
  },
  {
    name: "SchemaTypeValidatorSpec: a computed field no index reads may call a UDF",
    source: `${ENV} (the rules apply only to indexed computed fields: postcheckIndexedComputedFields)`,
    schema: "function one(_) { 1 }\n\ncollection Foo {\n  compute a = _ => 1 + one(0)\n}\n",
    expect: "ok",
  },
  {
    name: "SchemaTypeValidatorSpec: a unique constraint's path must be a field of the document",
    source: `${ENV} checkIndexes (c.uniques: addFieldTypecheck, as index terms)`,
    schema: "collection Foo {\n  a: String\n  unique [.b]\n}\n",
    expect: { messages: ["Type `Foo` does not have field `b`"] },
  },
  {
    name: "SchemaTypeValidatorSpec: an indexed computed field read through a unique constraint follows the rules",
    source: `${ENV} postcheckIndexedComputedFields (c.uniques)`,
    schema: "function one(_) { 1 }\n\ncollection Foo {\n  compute a = _ => one(0)\n  unique [.a]\n}\n",
    expect: { messages: ["Computed fields used in indexes or constraints cannot call UDFs"] },
  },
  {
    name: "Storefront: this repository's schema pushes",
    source: "issue #8 (Done when: our own schema pushes to a typechecked database); schema/*.fsl",
    schema: shopSchema,
    expect: "ok",
  },
  {
    name: "Storefront: CheckPassword without ! on lockedUntil is refused",
    source:
      "issue #8 (Done when: a copy with lockedUntil.toMillis() is refused with this message); schema/functions.fsl CheckPassword",
    schema: shopSchema.replace(LOCKED_UNTIL_FIXED, "lockedUntil.toMillis()"),
    expect: { messages: ["Type `Null` does not have field `toMillis`"] },
  },
];

/** The corpus runner checks that the Storefront copy really differs from the original. */
export const shopSchemaHasLockedUntilBang = shopSchema.includes(LOCKED_UNTIL_FIXED);
