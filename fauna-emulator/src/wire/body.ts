// Reading a request body with a size limit enforced while streaming (never buffers more
// than the limit; the excess is drained and dropped).
import { ProtocolError } from "../core/index.js";
import { header } from "./headers.js";
import type { WireRequest } from "./http-types.js";

/** §10: 8 MiB request bodies. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

export const tooLarge = () => new ProtocolError("request_size_exceeded", "Request entity is too large", 413);

export function readBody(req: WireRequest, limit: number): Promise<Buffer> {
  const declared = Number(header(req.headers, "content-length"));
  if (req.bodyRead) {
    const body = req.bodyRead;
    return declared > limit || body.length > limit ? Promise.reject(tooLarge()) : Promise.resolve(body);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    if (declared > limit) {
      settle(() => reject(tooLarge()));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(() => reject(tooLarge()));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => settle(() => resolve(Buffer.concat(chunks))));
    req.on("error", (e) => settle(() => reject(e)));
    req.on("close", () => settle(() => reject(new Error("request closed before its body was read"))));
  });
}
