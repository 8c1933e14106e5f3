// The API half of the server: /query/1 and /schema/1/... against an engine, from a request
// whose body is already read. It runs wherever the engine is — on the main thread (in-process
// servers, tests) or on a worker thread — while the transport (sockets, HTTP/2, /ping) stays on
// the main thread and only moves bytes.
import type { IncomingHttpHeaders } from "node:http";
import { ProtocolError, QueryError, deadlineExceeded } from "../core/index.js";
import type { Engine } from "../engine/types.js";
import { parseQueryOptions, parseQueryTags } from "./headers.js";
import type { WireRequest, WireResponse } from "./http-types.js";
import { errorResponse, handleQuery } from "./query-route.js";
import { sendJson } from "./respond.js";
import { handleSchema } from "./schema-route.js";

export interface ApiRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
  /** The body was over the size limit and was dropped: the route answers 413. */
  bodyTooLarge: boolean;
  /** When the server received the request (ms): the query's deadline counts from here. */
  receivedAt: number;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string | number>;
  body: string;
}

/** Where API requests go: the engine in this thread, or a pool of worker threads. */
export type Dispatch = (req: ApiRequest) => Promise<ApiResponse>;

/** How long a schema request may take before its worker is replaced. */
const SCHEMA_DEADLINE_MS = 300_000;

/** The moment a request is given up on (its `x-query-timeout-ms`, or the schema API's bound). */
export function deadlineOf(req: ApiRequest): number {
  if (!req.url.startsWith("/query/1")) return req.receivedAt + SCHEMA_DEADLINE_MS;
  try {
    return req.receivedAt + parseQueryOptions(req.headers).timeoutMs;
  } catch {
    return req.receivedAt + SCHEMA_DEADLINE_MS; // a bad header: the route reports it at once
  }
}

/** Collects what a route writes into an ApiResponse. */
class CapturedResponse implements WireResponse {
  response: ApiResponse = { status: 500, headers: {}, body: "" };
  headersSent = false;
  writeHead(status: number, headers: Record<string, string | number>): void {
    this.response = { ...this.response, status, headers };
    this.headersSent = true;
  }
  end(data: string): void {
    this.response = { ...this.response, body: data };
  }
}

/** Runs one API request against `engine`. Never throws: failures are responses. */
export async function handleApi(engine: Engine, req: ApiRequest, maxBodyBytes: number): Promise<ApiResponse> {
  const headers = req.bodyTooLarge ? { ...req.headers, "content-length": String(maxBodyBytes + 1) } : req.headers;
  // The body is already read: nothing to stream, so no stream is built.
  const stream: WireRequest = {
    method: req.method,
    url: req.url,
    headers,
    bodyRead: Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength),
    on: () => stream,
    resume: () => stream,
  };
  const res = new CapturedResponse();
  const url = new URL(req.url, "http://localhost");
  try {
    if (url.pathname === "/query/1") await handleQuery(engine, stream, res, maxBodyBytes, req.receivedAt);
    else await handleSchema(engine, stream, res, url, maxBodyBytes);
  } catch (e) {
    const [status, body] = errorResponse(e, "simple", undefined);
    sendJson(res, status, body);
  }
  return res.response;
}

export const inProcess =
  (engine: Engine, maxBodyBytes: number): Dispatch =>
  (req) =>
    handleApi(engine, req, maxBodyBytes);

/**
 * The answer for a request whose worker did not answer: it ran past its deadline (440
 * time_out), or it needed more memory than a worker may have.
 */
export function failureResponse(
  req: ApiRequest,
  failure: "timeout" | "out_of_memory" | "crashed",
  memoryMb = 0,
): ApiResponse {
  const timeoutMs = deadlineOf(req) - req.receivedAt;
  const error =
    failure === "timeout"
      ? deadlineExceeded(timeoutMs)
      : failure === "out_of_memory"
        ? new QueryError("value_too_large", `Value too large: the query needs more than ${memoryMb} MB of memory.`)
        : new ProtocolError("internal_error", "The query's worker stopped unexpectedly.", 500);
  const res = new CapturedResponse();
  if (req.url.startsWith("/query/1")) {
    let format: "simple" | "tagged" | "decorated" = "simple";
    let tags: string | undefined;
    try {
      format = parseQueryOptions(req.headers).format;
      tags = parseQueryTags(req.headers);
    } catch {
      /* the route would have said so; the failure is what matters now */
    }
    const [status, body, extra] = errorResponse(error, format, tags);
    sendJson(res, status, body, extra);
  } else {
    sendJson(res, error instanceof ProtocolError ? error.httpStatus : 400, { error: { message: error.message } });
  }
  return res.response;
}
