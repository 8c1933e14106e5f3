// Helpers for the typer's tests: typecheck FQL text and compare with Fauna's answers.
import assert from "node:assert/strict";
import { parseExpression, parseQuery } from "../../src/fql/parser/index.js";
import { cloneEnv, sigType } from "../../src/fql/typer/env.js";
import {
  buildTypeEnv,
  emptyTypeEnv,
  typecheckQuery,
  type SchemaDescription,
  type TypeEnv,
} from "../../src/fql/typer/index.js";
import { named } from "../../src/fql/typer/types.js";

export const lambda = (src: string) => parseExpression(src);

/** Asserts that `query` typechecks with static type `type`. */
export function typesAs(env: TypeEnv, query: string, type: string): void {
  const r = typecheckQuery(parseQuery(query), env);
  assert.ok(r.ok, `${query}: ${r.ok ? "" : JSON.stringify(r.diagnostics)}`);
  assert.equal(r.staticType, type, query);
}

/** Asserts that `query` fails with `message` first (at the `nth` occurrence of `at`, if given). */
export function failsWith(env: TypeEnv, query: string, message: string, at?: string, nth = 0): void {
  const r = typecheckQuery(parseQuery(query), env);
  assert.ok(!r.ok, `${query} typechecked as ${r.ok ? r.staticType : ""}`);
  assert.equal(r.diagnostics[0]!.message, message, query);
  if (at !== undefined) {
    let start = query.indexOf(at);
    for (let i = 0; i < nth; i++) start = query.indexOf(at, start + 1);
    assert.ok(start >= 0, `test bug: ${at} not in query`);
    assert.deepEqual(
      { start: r.diagnostics[0]!.span.start, end: r.diagnostics[0]!.span.end },
      { start, end: start + at.length },
      query,
    );
  }
}

export const stdEnv = emptyTypeEnv;

type CollSpec = Partial<SchemaDescription["collections"][number]> & { name: string };
export function coll(spec: CollSpec): SchemaDescription["collections"][number] {
  return {
    fields: [],
    wildcard: null,
    hasFieldDefinitions: (spec.fields?.length ?? 0) > 0,
    computedFields: [],
    indexes: [],
    checkConstraints: [],
    ...spec,
  };
}

export function schemaEnv(schema: Partial<SchemaDescription>) {
  return buildTypeEnv({ collections: [], functions: [], roles: [], ...schema });
}

export const field = (name: string, type: string, hasDefault = false) => ({ name, type, hasDefault });

/**
 * The environment of faunadb's typer specs (ext/fql/shared/src/test/scala/package.scala,
 * `TypeSpec.testGlobals`/`stdlibShapes`): a `User` collection, overloaded test functions, and
 * Int-typed arithmetic (the model types arithmetic as Number; the core's test env as Int).
 */
export function specEnv(): TypeEnv {
  const base = schemaEnv({ collections: [coll({ name: "User", fields: [field("name", "String")] })] }).env;
  const env = cloneEnv(base.env);
  const globals: Record<string, string | string[]> = {
    anyval: "Any",
    intobj: "{ *: Int }",
    boolobj: "{ *: Boolean }",
    anyobj: "{ *: Any }",
    foobarwild: "{ foo: String, bar: Int, *: Boolean }",
    add: "(Int, Int) => Int",
    succ: "Int => Int",
    not: "Boolean => Boolean",
    intIntBoolBool: ["(Int, Int) => Int", "(Boolean, Boolean) => Boolean"],
    intIntBoolAny: ["(Int, Int) => Int", "(Boolean, Any) => Boolean"],
    intBool: ["Int => Int", "Boolean => Boolean"],
    intBoolStr: ["Int => Int", "Boolean => Boolean", "String => String"],
    intBoolObj: ["{ a: Int } => Int", "{ a: Boolean } => Boolean"],
    intOrIntObj: ["Int => Int", "{ a: Int } => { a: Int }"],
    enumABC: '"a" | "b" | "c" => Int',
    gener: "(A, A => B) => B",
    intStrVarArg: "(Int, ...Array<String>) => Int",
    takeaunion: "Int | String => Any",
    objectFromEntries: "Array<[String, A]> => { *: A }",
    gimmeAandB: "{ a: Int, b: String } => Int",
    gimmeAandwildstr: "{ a: Int, *: String } => Int",
    gimmewildint: "{ *: Int } => Int",
    gimmeoptA: "{ a: Int | Null, *: Int } => Int",
    gimmebody: "{ body: String } => Int",
    createwildint: "() => { *: Int }",
    createAandwildstr: "() => { a: Int, *: String }",
    createAandwildint: "() => { a: Int, *: Int }",
    createAandwildany: "() => { a: Int, *: Any }",
  };
  for (const [k, v] of Object.entries(globals)) env.globals.set(k, sigType(env, v));
  env.ops = new Map(env.ops);
  env.ops.set("+", sigType(env, ["(Int, Int) => Int", "(String, Any) => String"]));
  env.ops.set("-", sigType(env, "(Int, Int) => Int"));
  env.ops.set("*", sigType(env, "(Int, Int) => Int"));
  for (const shape of ["String", "Array"])
    env.shapes.set(shape, {
      ...env.shapes.get(shape)!,
      fields: new Map(env.shapes.get(shape)!.fields).set("length", named("Int")),
    });
  return { env };
}
