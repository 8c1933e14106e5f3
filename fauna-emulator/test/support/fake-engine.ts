// A scriptable Engine for the wire tests: each test decides what `query` does and can inspect
// the requests the server passed on.
import { ProtocolError, unauthorized } from "../../src/core/errors.js";
import {
  FAILURE_INFO,
  type Engine,
  type QueryFailureInfo,
  type QueryRequest,
  type QueryStats,
  type QuerySuccess,
  type Rendered,
  type SchemaFile,
} from "../../src/engine/types.js";

export const STATS: QueryStats = {
  rate_limits_hit: [],
  compute_ops: 1,
  read_ops: 2,
  write_ops: 3,
  query_time_ms: 4,
  contention_retries: 0,
  storage_bytes_read: 5,
  storage_bytes_write: 6,
};

export const ok = (data: Rendered, extra: Partial<QuerySuccess> = {}): QuerySuccess => ({
  data,
  txnTs: 1716200000123456n,
  schemaVersion: 1716100000000000n,
  summary: "",
  stats: STATS,
  ...extra,
});

/** Attaches the failure info an engine puts on a QueryError. */
export function withInfo<E extends Error>(e: E, info: Partial<QueryFailureInfo> = {}): E {
  const full: QueryFailureInfo = {
    txnTs: 1716200000123456n,
    schemaVersion: 7n,
    summary: `error: ${e.message}`,
    stats: STATS,
    ...info,
  };
  (e as unknown as Record<symbol, unknown>)[FAILURE_INFO] = full;
  return e;
}

export interface SchemaCall {
  method: string;
  secret: string;
  args: unknown[];
}

export class FakeEngine implements Engine {
  requests: QueryRequest[] = [];
  schemaCalls: SchemaCall[] = [];
  /** What a query does; defaults to echoing `$0` (or null). */
  onQuery: (req: QueryRequest) => QuerySuccess = (req) => ok(req.variables.get("$0") ?? null);

  query(req: QueryRequest): QuerySuccess {
    this.requests.push(req);
    if (req.secret !== "secret" && !req.secret.startsWith("secret:")) throw unauthorized();
    // Like the real engine, the result is encoded before the query counts as done.
    const result = this.onQuery(req);
    return { ...result, data: req.encode(result.data as Rendered) };
  }

  private record(method: string, secret: string, ...args: unknown[]) {
    this.schemaCalls.push({ method, secret, args });
    if (secret !== "secret") throw new ProtocolError("unauthorized", "Access token required", 401);
  }

  schemaFiles(secret: string, opts: { staged: boolean; version?: bigint }) {
    this.record("files", secret, opts);
    return { version: 42n, files: [{ filename: "main.fsl", content: "collection A {}" }] as SchemaFile[] };
  }
  schemaFile(secret: string, filename: string, opts: { staged: boolean; version?: bigint }) {
    this.record("file", secret, filename, opts);
    return { version: 42n, content: `// ${filename}` };
  }
  schemaDiff(
    secret: string,
    files: SchemaFile[],
    opts: { staged: boolean; version?: bigint; format: "semantic" | "summary" | "textual" },
  ) {
    this.record("diff", secret, files, opts);
    return { version: 42n, diff: `${files.length} files` };
  }
  schemaUpdate(secret: string, files: SchemaFile[], opts: { staged: boolean; version?: bigint; override: boolean }) {
    this.record("update", secret, files, opts);
    return { version: 43n };
  }
  schemaStatus(secret: string, opts: { format?: string; version?: bigint }) {
    this.record("status", secret, opts);
    return { version: 42n, status: "none" };
  }
  schemaCommit(secret: string, opts: { version?: bigint }) {
    this.record("commit", secret, opts);
    return { version: 44n };
  }
  schemaAbandon(secret: string, opts: { version?: bigint }) {
    this.record("abandon", secret, opts);
    return { version: 45n };
  }
}
