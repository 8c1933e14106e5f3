// The shape of the typecheck conformance corpus (issue #8): facts about how Fauna's
// typer answers, each ported from the open-source core's specs or Fauna's docs and
// cited in `source`. The corpus is data; a runner decides how to check it.

/** A query run with typechecking on, against a database holding `schema` (if any). */
export interface TypecheckCase {
  /** Unique; starts with the spec it comes from, e.g. "FQL2TypecheckSpec: let annotation mismatch". */
  name: string;
  /** Where the behaviour is stated: a core spec file (and test) or a docs page; plus how it was derived, if it was. */
  source: string;
  /** FSL (collections, functions, roles) pushed before the query, if any. */
  schema?: string;
  /** FQL, sent with typechecking on. A passing case also runs without a runtime error. */
  query: string;
  expect: TypecheckSuccess | TypecheckFailure;
}

/** The query typechecks: its `static_type` (and, when given, its result in simple format). */
export interface TypecheckSuccess {
  staticType: string;
  data?: unknown;
  /** Fragments of the answer's summary (check-time warnings). */
  summaryIncludes?: string[];
}

/**
 * The query is refused before it runs: HTTP 400, code `invalid_query`. `messages` lists every
 * diagnostic, in order, as the first line of its rendering without the leading `error: `
 * (the core's TypeError message). `summaryIncludes` are fragments of the rendered summary.
 */
export interface TypecheckFailure {
  error: "invalid_query";
  messages: string[];
  summaryIncludes?: string[];
}

/**
 * A schema push to a typechecked database: accepted ("ok") or refused with "Invalid
 * database schema update." and these nested diagnostics (first lines, no `error: `).
 */
export interface SchemaCase {
  name: string;
  source: string;
  schema: string;
  expect: "ok" | { messages: string[] };
}

export function isFailure(expect: TypecheckCase["expect"]): expect is TypecheckFailure {
  return "error" in expect;
}
