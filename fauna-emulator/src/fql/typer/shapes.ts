// The typechecker's data at its edges: the schema as it is described to it, and the
// diagnostics it answers with (located in a named source).
import type { SourceSpan } from "../../core/index.js";
import type { Expr } from "../ast.js";
import type { Diagnostic } from "./typer.js";

export interface TypeDiagnostic {
  message: string;
  span: SourceSpan;
  /** `suggestion`: text that replaces the hint's span in the fix it suggests (faunadb Hint.suggestion). */
  hints?: { message: string; span: SourceSpan; suggestion?: string }[];
  /** Added to the brief's shape: the failures behind a "not a subtype" error, which Fauna
   *  prints as `cause:` entries (each may carry its own hints). */
  causes?: TypeDiagnostic[];
}

export interface SchemaDescription {
  collections: {
    name: string;
    alias?: string;
    /** `default`: the field's default expression, typechecked against its type. */
    fields: { name: string; type: string; hasDefault: boolean; default?: Expr }[];
    wildcard: string | null;
    hasFieldDefinitions: boolean;
    /** FSL `document_ttls`; absent/null = Fauna's default (true only without defined fields). */
    documentTtls?: boolean | null;
    computedFields: { name: string; signature: string | null; body: Expr }[];
    indexes: { name: string; terms: string[]; values: { field: string; order: "asc" | "desc" }[] }[];
    checkConstraints: { name: string; body: Expr }[];
    /** Paths of unique constraints (`.email`, `mva(.tags)`), as index terms are written. */
    uniques?: string[][];
  }[];
  functions: { name: string; alias?: string; signature: string | null; body: Expr }[];
  roles: {
    name: string;
    predicates: { resource: string; action: string; body: Expr }[];
    membershipPredicates: { collection: string; body: Expr }[];
  }[];
}

export function withSource(d: Diagnostic, source: string): TypeDiagnostic {
  const at = (s: { start: number; end: number }): SourceSpan => ({ start: s.start, end: s.end, source });
  return {
    message: d.message,
    span: at(d.span),
    ...(d.hints ? { hints: d.hints.map((h) => ({ message: h.message, span: at(h.span) })) } : {}),
    ...(d.causes ? { causes: d.causes.map((c) => withSource(c, source)) } : {}),
  };
}
