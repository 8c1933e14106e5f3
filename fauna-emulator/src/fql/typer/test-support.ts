// Helpers for the typer's tests: typecheck FQL text and compare with Fauna's answers.
import assert from "node:assert/strict";
import { parseExpression, parseQuery } from "../parser/index.js";
import { buildTypeEnv, emptyTypeEnv, typecheckQuery, type SchemaDescription, type TypeEnv } from "./index.js";

export const lambda = (src: string) => parseExpression(src);

/** Asserts that `query` typechecks with static type `type`. */
export function typesAs(env: TypeEnv, query: string, type: string): void {
  const r = typecheckQuery(parseQuery(query), env);
  assert.ok(r.ok, `${query}: ${r.ok ? "" : JSON.stringify(r.diagnostics)}`);
  assert.equal(r.staticType, type, query);
}

/** Asserts that `query` fails with `message` first (at the text `at` of the query, if given). */
export function failsWith(env: TypeEnv, query: string, message: string, at?: string): void {
  const r = typecheckQuery(parseQuery(query), env);
  assert.ok(!r.ok, `${query} typechecked as ${r.ok ? r.staticType : ""}`);
  assert.equal(r.diagnostics[0]!.message, message, query);
  if (at !== undefined) {
    const start = query.indexOf(at);
    assert.ok(start >= 0, `test bug: ${at} not in query`);
    assert.deepEqual({ start: r.diagnostics[0]!.span.start, end: r.diagnostics[0]!.span.end }, { start, end: start + at.length }, query);
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
