// Human-readable `summary` text, shaped like Fauna's: `error: <message>`, constraint failures,
// then `at *query*:LINE:COL` with a caret excerpt of the source.
import type { ConstraintFailure, DiagnosticNote, SourceSpan } from "../core/index.js";
import type { TypeDiagnostic } from "../fql/typer/index.js";

/**
 * A type error as the summary renders it: its hints, then each cause (Fauna's `cause:` lines)
 * with the cause's own hints. `source` replaces every span's source when given (schema files).
 */
export function withNotes(
  d: TypeDiagnostic,
  source?: string,
): { message: string; span: SourceSpan; hints?: DiagnosticNote[] } {
  const at = (span: SourceSpan): SourceSpan => (source === undefined ? span : { ...span, source });
  const hint = (h: NonNullable<TypeDiagnostic["hints"]>[number]): DiagnosticNote => ({
    message: h.message,
    span: at(h.span),
    kind: "hint",
    ...(h.suggestion !== undefined ? { suggestion: h.suggestion } : {}),
  });
  const notes: DiagnosticNote[] = [
    ...(d.hints ?? []).map(hint),
    ...(d.causes ?? []).flatMap((c) => [
      { message: c.message, span: at(c.span), kind: "cause" as const },
      ...(c.hints ?? []).map(hint),
    ]),
  ];
  return { message: d.message, span: at(d.span), ...(notes.length ? { hints: notes } : {}) };
}

function lineCol(src: string, offset: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < src.length; i++) {
    if (src[i] === "\n") {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

/**
 * A note's excerpt (without its `at` line). A suggested fix shows the source with the fix
 * applied, marked `+` (added), `~` (changed) or `-` (removed), as faunadb's Hint renders it.
 */
function noteExcerpt(h: DiagnosticNote, sources: Map<string, string>): string {
  const name = h.span.source ?? "*query*";
  const src = sources.get(name);
  if (h.suggestion === undefined || src === undefined) return excerpt(h.span, sources).replace(/^at [^\n]*\n/, "");
  if (h.suggestion === "") return excerpt(h.span, sources, "-").replace(/^at [^\n]*\n/, "");
  const fixed = src.slice(0, h.span.start) + h.suggestion + src.slice(h.span.end);
  const mark = h.span.start === h.span.end ? "+" : "~";
  const span = { ...h.span, end: h.span.start + h.suggestion.length };
  return excerpt(span, new Map([[name, fixed]]), mark).replace(/^at [^\n]*\n/, "");
}

/** `at *query*:L:C` plus a gutter excerpt with carets (or `mark`) under the span. */
export function excerpt(span: SourceSpan, sources: Map<string, string>, mark = "^"): string {
  const name = span.source ?? "*query*";
  const src = sources.get(name);
  if (src === undefined) return `at ${name}`;
  const { line, column } = lineCol(src, span.start);
  const text = src.split("\n")[line - 1] ?? "";
  const width = Math.max(1, Math.min(span.end, span.start + text.length - column + 1) - span.start);
  const gutter = " ".repeat(String(line).length);
  return [
    `at ${name}:${line}:${column}`,
    `${gutter} |`,
    `${line} | ${text}`,
    `${gutter} | ${" ".repeat(column - 1)}${mark.repeat(width)}`,
    `${gutter} |`,
  ].join("\n");
}

export function errorSummary(
  diagnostics: {
    message: string;
    span?: SourceSpan;
    callSites?: SourceSpan[];
    hints?: DiagnosticNote[];
  }[],
  sources: Map<string, string>,
  constraintFailures?: ConstraintFailure[],
): string {
  return diagnostics
    .map((d) => {
      const parts = [`error: ${d.message}`];
      if (constraintFailures?.length) {
        parts.push("constraint failures:");
        for (const f of constraintFailures)
          parts.push(`  ${f.paths.map((p) => p.join(".")).join(", ") || "(document)"}: ${f.message}`);
      }
      if (d.span) parts.push(excerpt(d.span, sources));
      for (const site of d.callSites ?? []) parts.push(excerpt(site, sources));
      for (const h of d.hints ?? []) parts.push(`${h.kind ?? "hint"}: ${h.message}`, noteExcerpt(h, sources));
      return parts.join("\n");
    })
    .join("\n\n");
}

/** Check-time warnings of a query that ran (e.g. "Function is not called."), as Fauna's summary shows them. */
export function warningSummary(
  warnings: { message: string; span: SourceSpan; hints?: DiagnosticNote[] }[],
  sources: Map<string, string>,
): string[] {
  return warnings.map((w) =>
    [
      `warning: ${w.message}`,
      excerpt(w.span, sources),
      ...(w.hints ?? []).flatMap((h) => [`${h.kind ?? "hint"}: ${h.message}`, noteExcerpt(h, sources)]),
    ].join("\n"),
  );
}
