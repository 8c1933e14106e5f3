// What the wire layer asks of the engine. The wire layer decodes HTTP, validates headers,
// turns templates into FQL source + placeholder values, and encodes results/errors; the
// engine authenticates, evaluates and renders values with the caller's permissions.
import type { Value } from "../core/index.js";

export type Format = "simple" | "tagged" | "decorated";

export interface QueryRequest {
  /** The raw `Authorization` secret (after `Bearer `), possibly with `:scope` suffixes. */
  secret: string;
  /** FQL source text. Template placeholders appear as identifiers `$0`, `$1`, ... */
  source: string;
  /** Variables in scope: decoded `arguments` plus template placeholder values (`$0` ...). */
  variables: Map<string, Value>;
  /** Absolute deadline (Date.now() ms) after which evaluation stops with time_out. */
  deadline: number;
  /** Requested timeout in ms (for the time_out message). */
  timeoutMs: number;
  /** x-last-txn-ts, if sent (microseconds). */
  lastTxnTs?: bigint;
  /** x-typecheck, if sent: overrides the database's `typechecked` setting for this query. */
  typecheck?: boolean;
  /**
   * Turns the rendered result into its response payload. It runs inside the transaction, so a
   * result that cannot be encoded fails the query and commits nothing (never a 500 after a commit).
   */
  encode(data: Rendered): unknown;
}

/**
 * Result of a query. `data` was rendered for the caller (documents materialized into
 * `RenderedDoc`s, sets into `RenderedSet`s, unreadable/missing documents into
 * `RenderedNullDoc`s), then encoded by the request's `encode`.
 */
export interface QuerySuccess {
  /** The result as `encode` returned it. */
  data: unknown;
  /** The result's type, when the query was typechecked (Fauna's `static_type`). */
  staticType?: string;
  txnTs: bigint;
  schemaVersion: bigint;
  summary: string;
  stats: QueryStats;
}

export interface QueryStats {
  compute_ops: number;
  read_ops: number;
  write_ops: number;
  query_time_ms: number;
  contention_retries: number;
  storage_bytes_read: number;
  storage_bytes_write: number;
  rate_limits_hit: string[];
}

/** A value after rendering: plain values, plus these output-only shapes. */
export type Rendered =
  | Exclude<Value, Value[] | Map<string, Value>>
  | Rendered[]
  | Map<string, Rendered>
  | RenderedDoc
  | RenderedNullDoc
  | RenderedRef
  | RenderedSet;

/** `@doc`: `fields` in render order (id/name, coll, ts, ttl?, then the rest). */
export interface RenderedDoc {
  kind: "rendered-doc";
  fields: Map<string, Rendered>;
}
/** `@ref` with exists:false and a cause. `name` instead of `id` for named docs. */
export interface RenderedNullDoc {
  kind: "rendered-null-doc";
  coll: string;
  id?: string;
  name?: string;
  cause: string;
}
/** A plain `@ref` (documents nested in other documents' fields). */
export interface RenderedRef {
  kind: "rendered-ref";
  coll: string;
  id?: string;
  name?: string;
}
/** `@set`: a materialized page (`data`, `after?`) or, when not materialized, only a cursor. */
export interface RenderedSet {
  kind: "rendered-set";
  data: Rendered[] | null;
  after: string | null;
}

/** Errors are thrown as ProtocolError / QueryError (see errors.ts); QueryErrors carry these. */
export interface QueryFailureInfo {
  txnTs: bigint;
  schemaVersion: bigint;
  summary: string;
  stats: QueryStats;
}

export interface SchemaFile {
  filename: string;
  content: string;
}

export interface Engine {
  /** Throws ProtocolError for auth/protocol failures; QueryError (with `info`) for query failures. */
  query(req: QueryRequest): QuerySuccess;

  /** Schema API. `secret` as for queries. Throws SchemaApiError / ProtocolError. */
  schemaFiles(secret: string, opts: { staged: boolean; version?: bigint }): { version: bigint; files: SchemaFile[] };
  schemaFile(
    secret: string,
    filename: string,
    opts: { staged: boolean; version?: bigint },
  ): { version: bigint; content: string };
  schemaDiff(
    secret: string,
    files: SchemaFile[],
    opts: { staged: boolean; version?: bigint; format: "semantic" | "summary" | "textual" },
  ): { version: bigint; diff: string };
  schemaUpdate(
    secret: string,
    files: SchemaFile[],
    opts: { staged: boolean; version?: bigint; override: boolean },
  ): { version: bigint };
  schemaStatus(secret: string, opts: { format?: string; version?: bigint }): Record<string, unknown>;
  schemaCommit(secret: string, opts: { version?: bigint }): { version: bigint };
  schemaAbandon(secret: string, opts: { version?: bigint }): { version: bigint };
}

/** Attached to a thrown QueryError by the engine so the wire layer can render the full body. */
export const FAILURE_INFO = Symbol("failureInfo");
