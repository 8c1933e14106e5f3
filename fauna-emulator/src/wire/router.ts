// Request dispatch shared by the HTTP/1.1 and HTTP/2 servers (§1.3).
import type { ApiRequest, Dispatch } from "./api.js";
import { ProtocolError } from "../core/index.js";
import { readBody } from "./body.js";
import { header } from "./headers.js";
import type { WireRequest, WireResponse } from "./http-types.js";
import { errorResponse } from "./query-route.js";
import { sendJson } from "./respond.js";

const CORS_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
const CORS_HEADERS =
  "Authorization, Content-Type, X-Format, X-Query-Timeout-Ms, X-Typecheck, X-Linearized, X-Performance-Hints, " +
  "X-Max-Contention-Retries, X-Last-Txn-Ts, X-Query-Tags, X-Driver-Env, Traceparent";

/** Reads the body (up to the limit) and hands the request to `dispatch`. */
async function forward(dispatch: Dispatch, req: WireRequest, res: WireResponse, maxBodyBytes: number): Promise<void> {
  const receivedAt = Date.now();
  let body: Uint8Array = new Uint8Array(0);
  let bodyTooLarge = false;
  if (req.method === "POST") {
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (e) {
      if (!(e instanceof ProtocolError && e.code === "request_size_exceeded")) return; // the client went away
      bodyTooLarge = true;
    }
  }
  const apiRequest: ApiRequest = {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers: req.headers,
    body,
    bodyTooLarge,
    receivedAt,
  };
  const response = await dispatch(apiRequest);
  if (res.headersSent) return;
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

export function createRouter(dispatch: Dispatch, maxBodyBytes: number) {
  return async (req: WireRequest, res: WireResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const method = req.method ?? "GET";
      const origin = header(req.headers, "origin");
      const cors: Record<string, string> = origin ? { "access-control-allow-origin": origin, vary: "Origin" } : {};

      if (method === "OPTIONS") {
        sendJson(
          res,
          200,
          {},
          {
            ...cors,
            "access-control-allow-methods": CORS_METHODS,
            "access-control-allow-headers": header(req.headers, "access-control-request-headers") ?? CORS_HEADERS,
            "access-control-max-age": "86400",
          },
        );
        return;
      }
      // Browser clients need the origin echoed on actual responses too.
      const wrapped = origin ? withHeaders(res, cors) : res;

      if (url.pathname === "/ping") {
        if (method !== "GET" && method !== "HEAD")
          return sendJson(wrapped, 405, { error: { code: "method_not_allowed", message: "Method not allowed" } });
        const scope = url.searchParams.get("scope") || "write";
        return sendJson(wrapped, 200, { resource: `Scope ${scope} is OK` }, {}, method === "HEAD");
      }
      if (url.pathname === "/query/1") {
        if (method !== "POST")
          return sendJson(wrapped, 405, { error: { code: "invalid_request", message: "Method not allowed" } });
        return await forward(dispatch, req, wrapped, maxBodyBytes);
      }
      if (url.pathname.startsWith("/schema/1/")) return await forward(dispatch, req, wrapped, maxBodyBytes);
      sendJson(wrapped, 404, { error: { code: "not_found", message: "Not found" } }, {}, method === "HEAD");
    } catch (e) {
      // Last resort: never let one request take the server down.
      const [status, body] = errorResponse(e, "simple", undefined);
      try {
        sendJson(res, status, body);
      } catch {
        /* the stream is already gone */
      }
    }
  };
}

function withHeaders(res: WireResponse, extra: Record<string, string>): WireResponse {
  return {
    get headersSent() {
      return res.headersSent;
    },
    writeHead: (status, headers) => res.writeHead(status, { ...headers, ...extra }),
    end: (data) => res.end(data),
  };
}
