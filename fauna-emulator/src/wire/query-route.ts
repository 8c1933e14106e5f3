// POST /query/1 (§2): body + header validation, decoding, the engine call, and the success
// and error bodies in core's field order.
import {
  InvalidQueryError,
  ProtocolError,
  QueryError,
  SchemaApiError,
  invalidRequest,
  unauthorized,
  type Value,
} from "../core/index.js";
import {
  FAILURE_INFO,
  type Engine,
  type Format,
  type QueryFailureInfo,
  type QueryStats,
  type Rendered,
} from "../engine/types.js";
import { readBody } from "./body.js";
import { ValueDecodeError, decodeSimple, decodeTagged } from "./decode.js";
import { encodeResult } from "./encode.js";
import { parseQueryOptions, parseQueryTags, secretFrom } from "./headers.js";
import type { WireRequest, WireResponse } from "./http-types.js";
import { JsonSyntaxError, parseJson } from "./json.js";
import { sendJson } from "./respond.js";
import { templateToSource } from "./template.js";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const ZERO_STATS: QueryStats = {
  compute_ops: 0,
  read_ops: 0,
  write_ops: 0,
  query_time_ms: 0,
  contention_retries: 0,
  storage_bytes_read: 0,
  storage_bytes_write: 0,
  rate_limits_hit: [],
};

/** Stats in core's key order, whatever order the engine built them in. */
const orderedStats = (s: QueryStats): QueryStats => ({ ...ZERO_STATS, ...s });

export async function handleQuery(
  engine: Engine,
  req: WireRequest,
  res: WireResponse,
  maxBodyBytes: number,
  receivedAt = Date.now(),
): Promise<void> {
  let tags: string | undefined;
  let format: Format = "simple";
  try {
    tags = parseQueryTags(req.headers);
    const opts = parseQueryOptions(req.headers);
    format = opts.format;
    const body = await readBody(req, maxBodyBytes);
    const secret = secretFrom(req.headers);
    if (secret === null) throw unauthorized();
    const request = parseRequestBody(body, format);

    const result = engine.query({
      secret,
      source: request.source,
      variables: request.variables,
      // Time spent waiting for a free worker counts too.
      deadline: receivedAt + opts.timeoutMs,
      timeoutMs: opts.timeoutMs,
      ...(opts.lastTxnTs !== undefined ? { lastTxnTs: opts.lastTxnTs } : {}),
      ...(opts.typecheck !== undefined ? { typecheck: opts.typecheck } : {}),
      encode: (data) => encodeResult(data, format),
    });
    sendJson(res, 200, {
      data: result.data,
      ...(result.staticType !== undefined ? { static_type: result.staticType } : {}),
      summary: result.summary,
      txn_ts: result.txnTs,
      stats: orderedStats(result.stats),
      query_tags: tags,
      schema_version: result.schemaVersion,
    });
  } catch (e) {
    const [status, body, headers] = errorResponse(e, format, tags);
    sendJson(res, status, body, headers);
  }
}

function parseRequestBody(body: Buffer, format: Format): { source: string; variables: Map<string, Value> } {
  const text = body.toString("utf8");
  if (text.trim() === "") throw invalidRequest("No request body provided");
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw invalidRequest(`Invalid request body: ${e.message}`);
    throw e;
  }
  if (!isObject(json)) throw invalidRequest("Invalid request body: expected a JSON object");
  if (json.query === undefined || json.query === null)
    throw invalidRequest("Invalid request body: Value for key 'query' not found.");

  const variables = new Map<string, Value>();
  const args = json.arguments;
  if (args !== undefined && args !== null) {
    if (!isObject(args)) throw invalidRequest("Invalid request body: Value for key 'arguments' must be an object.");
    const decode = format === "simple" ? decodeSimple : decodeTagged;
    for (const [name, encoded] of Object.entries(args)) {
      try {
        variables.set(name, decode(encoded));
      } catch (e) {
        if (e instanceof ValueDecodeError) throw invalidRequest(`Invalid argument '${name}': ${e.message}`);
        throw e;
      }
    }
  }

  const { source, values } = templateToSource(json.query);
  values.forEach((v, i) => variables.set(`$${i}`, v));
  return { source, variables };
}

type ErrorResponse = [status: number, body: unknown, headers: Record<string, string>];

export function errorResponse(e: unknown, format: Format, tags: string | undefined): ErrorResponse {
  if (e instanceof ProtocolError) {
    const headers: Record<string, string> = e.httpStatus === 401 ? { "www-authenticate": "Bearer" } : {};
    return [e.httpStatus, { error: { code: e.code, message: e.message }, query_tags: tags }, headers];
  }
  if (e instanceof QueryError) {
    const info = (e as QueryError & { [FAILURE_INFO]?: QueryFailureInfo })[FAILURE_INFO];
    const error: Record<string, unknown> = { code: e.code, message: e.message };
    if (e.constraintFailures && e.constraintFailures.length > 0) {
      error.constraint_failures = e.constraintFailures.map((f) => ({ paths: f.paths, message: f.message }));
    }
    if (e.abortValue !== undefined) error.abort = encodeAbort(e.abortValue, format);
    return [
      e.httpStatus,
      {
        error,
        summary: info?.summary ?? fallbackSummary(e),
        txn_ts: info?.txnTs ?? 0,
        stats: orderedStats(info?.stats ?? ZERO_STATS),
        query_tags: tags,
        schema_version: info?.schemaVersion ?? 0,
      },
      {},
    ];
  }
  if (e instanceof SchemaApiError) return [e.httpStatus, { error: { message: e.message } }, {}];
  // A bug, not an answer: the operator needs its stack (it names no secret).
  console.error("fauna-emulator: internal error:", e);
  const message = e instanceof Error ? e.message || e.name : String(e);
  return [500, { error: { code: "internal_error", message: `Internal error: ${message}` }, query_tags: tags }, {}];
}

function encodeAbort(v: Value, format: Format): unknown {
  try {
    return encodeResult(v as Rendered, format);
  } catch {
    // An abort value the encoders cannot show (a lazy set) still has to be present.
    return null;
  }
}

/** A summary for errors raised before the engine could render one. */
function fallbackSummary(e: QueryError): string {
  if (e instanceof InvalidQueryError) return e.diagnostics.map((d) => `error: ${d.message}`).join("\n\n");
  const lines = [`error: ${e.message}`];
  if (e.constraintFailures?.length) {
    lines.push("constraint failures:");
    for (const f of e.constraintFailures) {
      const path = f.paths.map((p) => p.join(".")).join(", ");
      lines.push(path ? `  ${path}: ${f.message}` : `  ${f.message}`);
    }
  }
  return lines.join("\n");
}
