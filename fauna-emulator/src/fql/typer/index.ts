// FQL v10 typechecker (faunadb ext/fql typer): constraint-based inference over fql/ast.ts
// with Fauna's types, messages and `static_type` display. A pure module: the engine builds a
// TypeEnv from the schema once and typechecks queries against it.
//
// API notes: as fixed by the brief, plus `TypeDiagnostic.causes` (Fauna prints a "not a
// subtype" error's inner failures as `cause:` entries, distinct from `hint:`s) and one optional
// collection field the core needs:
// `documentTtls` (FSL `document_ttls`), which decides whether create/update inputs accept `ttl`
// (faunadb CollectionTypeInfo: `hasDocTTL = documentTTLs ?? (no defined fields)`). `TypeEnv` is
// opaque. Diagnostics of schema items carry `source(kind, name)` with kind "collection",
// "function" or "role" (default `*kind:name*`); spans index into the text each body was parsed
// from. Collection-level checks without a body (name clashes, field types) have span 0..0.
// Schema text for SchemaDescription: field and computed types as FSL writes them (fsl's
// FieldType rendered back: `Ref<C>`, `"a" | "b"`, `{ a: Int, *: Any }`); a function's
// signature as `(a: T, ...rest: U): R` (or `T => R`; no return type = inferred from the body);
// bodies as Lambda expressions (a UDF's block wrapped in a Lambda of its parameters).
//
// Roles are checked as the core does: only when the rest of the schema holds, each predicate
// typed on its own (not against its resource's document type), resource names must exist
// (only those with a predicate are described). Not covered yet (the core does these): unique
// constraints and field defaults are not typechecked (SchemaDescription has neither); access
// provider roles are not described; indexed computed fields are not checked for
// UDF/collection/computed-field use; inferred UDF types are kept as inferred bounds rather than
// persisted as a simplified signature; no warnings (`Function is not called.`, lowercase TS
// type names); recursive types are not shown with `as`; some union member orders differ from
// the core's; the "not a subtype" wrapping of a single failure outside its context span
// (faunadb TypeConstraintFailure.transitive) is reported as the inner failure.
import type { Value } from "../../core/index.js";
import type { Expr } from "../ast.js";
import { showsFunction, showWithOverloads } from "./display.js";
import { baseEnv, type Env } from "./env.js";
import { buildSchemaEnv } from "./schema-env.js";
import { Typer, TypingTimeout } from "./typer.js";
import { withSource, type SchemaDescription, type TypeDiagnostic } from "./shapes.js";

export { withSource, type SchemaDescription, type TypeDiagnostic } from "./shapes.js";

export interface TypeEnv {
  /** @internal */ readonly env: Env;
}

export function buildTypeEnv(
  schema: SchemaDescription,
  opts: { source?: (kind: string, name: string) => string } = {},
): { env: TypeEnv; diagnostics: TypeDiagnostic[] } {
  const { env, diagnostics } = buildSchemaEnv(schema, opts.source ?? ((kind, name) => `*${kind}:${name}*`));
  return { env: { env }, diagnostics };
}

/** The environment of a database without schema (the standard library only). */
export function emptyTypeEnv(): TypeEnv {
  return { env: baseEnv() };
}

export function typecheckQuery(
  expr: Expr,
  env: TypeEnv,
  opts: { source?: string; args?: Record<string, Value> } = {},
): { ok: true; staticType: string; warnings: TypeDiagnostic[] } | { ok: false; diagnostics: TypeDiagnostic[] } {
  const typer = new Typer(env.env, opts.args ?? {});
  let t;
  try {
    t = typer.expr(expr, new Map());
  } catch (e) {
    // faunadb: TypeError.StackOverflow / TimeLimitExceeded.
    const message =
      e instanceof TypingTimeout
        ? "Exceeded static typing time limit"
        : e instanceof RangeError
          ? "Typechecking failed due to query complexity"
          : null;
    if (message === null) throw e;
    return { ok: false, diagnostics: [withSource({ message, span: expr.span }, opts.source ?? "*query*")] };
  }
  if (typer.diags.length > 0)
    return { ok: false, diagnostics: typer.diags.map((d) => withSource(d, opts.source ?? "*query*")) };
  const mark = typer.solver.mark();
  const staticType = showWithOverloads(
    t,
    (alt, use) => typer.solver.choose(alt, use),
    () => typer.solver.rewind(mark),
  );
  return { ok: true, staticType, warnings: uncalledFunction(expr, staticType, opts.source ?? "*query*") };
}

/**
 * faunadb FQLInterpreter: a query whose value is a function (or an intersection of them) most
 * likely forgot to call it — "Function is not called.", with the call as the suggested fix.
 */
function uncalledFunction(expr: Expr, staticType: string, source: string): TypeDiagnostic[] {
  if (expr.type !== "Block" || !showsFunction(staticType)) return [];
  const stmts = (expr as Extract<Expr, { type: "Block" }>).stmts;
  const last = stmts[stmts.length - 1];
  if (!last) return [];
  const span = last.type === "Let" ? last.span : last.expr.span;
  return [
    {
      message: "Function is not called.",
      span: { start: span.start, end: span.end, source },
      hints: [{ message: "Call the function.", span: { start: span.end, end: span.end, source }, suggestion: "()" }],
    },
  ];
}

export { parseTypeExpr, parseSignature, showTypeExpr, type TypeExpr } from "./type-expr.js";
