// One typed error family. Each error knows its Fauna `code` and HTTP status; the wire layer
// only maps them to response bodies (never by matching on messages).
import type { Value } from "./values.js";

/** A source location for rendering `at *query*:LINE:COL` in summaries. */
export interface SourceSpan {
  start: number;
  end: number;
  /** Name of the source: "*query*" for the request, "*udf:Name*" for a UDF body, etc. */
  source?: string;
}

export interface ConstraintFailure {
  paths: (string | number)[][];
  message: string;
}

/**
 * Protocol-level failures (401, 413, 440, invalid_request...). Rendered with only `error`
 * (no summary, txn_ts or stats).
 */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}

export const unauthorized = () => new ProtocolError("unauthorized", "Access token required", 401);
export const invalidRequest = (message: string) => new ProtocolError("invalid_request", message, 400);

/**
 * Query-level failures: raised during parsing or evaluation. Always HTTP 400; rendered with
 * `summary`, `txn_ts`, `stats` and `schema_version`; the transaction is rolled back.
 */
export class QueryError extends Error {
  readonly httpStatus = 400;
  constraintFailures?: ConstraintFailure[];
  abortValue?: Value;
  /** Where the error happened, if known (filled in by the evaluator). */
  span?: SourceSpan;
  /** Call sites the error propagated through, innermost first (rendered after `span`). */
  callSites: SourceSpan[] = [];

  constructor(
    readonly code: string,
    message: string,
    opts: { constraintFailures?: ConstraintFailure[]; abortValue?: Value; span?: SourceSpan } = {},
  ) {
    super(message);
    if (opts.constraintFailures) this.constraintFailures = opts.constraintFailures;
    if (opts.abortValue !== undefined) this.abortValue = opts.abortValue;
    if (opts.span) this.span = opts.span;
  }
}

/** A note under a diagnostic: a `hint:` (how to fix it) or a `cause:` (why it failed). */
export interface DiagnosticNote {
  message: string;
  span: SourceSpan;
  kind?: "hint" | "cause";
  /** The fix a hint suggests: this text in place of its span. */
  suggestion?: string;
}

/** A parse/check failure (`invalid_query`). `diagnostics` are rendered into the summary. */
export class InvalidQueryError extends QueryError {
  constructor(readonly diagnostics: { message: string; span: SourceSpan; hints?: DiagnosticNote[] }[]) {
    super(
      "invalid_query",
      `The query failed ${diagnostics.length} validation check${diagnostics.length === 1 ? "" : "s"}`,
      diagnostics[0] ? { span: diagnostics[0].span } : {},
    );
  }
}

export const queryError = (code: string, message: string, span?: SourceSpan) =>
  new QueryError(code, message, span ? { span } : {});

export const permissionDenied = (message = "Insufficient privileges to perform the action.") =>
  new QueryError("permission_denied", message);

export const constraintFailure = (message: string, failures: ConstraintFailure[]) =>
  new QueryError("constraint_failure", message, { constraintFailures: failures });

/** 440 time_out: the client's `x-query-timeout-ms` ran out. */
export const deadlineExceeded = (timeoutMs: number) =>
  new ProtocolError(
    "time_out",
    `Client set aggressive deadline: query needs more than ${timeoutMs} ms, timed out within ${timeoutMs} ms.`,
    440,
  );

/** 440 / 503 time_out. */
export const timeOut = (message: string, status = 440) => new ProtocolError("time_out", message, status);

export const internalError = (message: string) => new ProtocolError("internal_error", message, 500);

/** Schema API errors carry only a message: `{"error":{"message":"..."}}`. */
export class SchemaApiError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}
