// Writing JSON responses. Every JSON body carries `Content-Type: application/json` (the CLI
// drops bodies without it).
import type { WireResponse } from "./http-types.js";
import { stringifyJson } from "./json.js";

export function sendJson(
  res: WireResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  if (res.headersSent) {
    res.end("");
    return;
  }
  const text = stringifyJson(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(headOnly ? "" : text);
}
