// The slice of the Node request/response objects the routes use; satisfied by the HTTP/1.1
// (`node:http`) and HTTP/2 compatibility (`node:http2`) objects, by the server's thin wrapper of
// a raw HTTP/2 stream, and by a worker's already-read request.
import type { IncomingHttpHeaders } from "node:http";

export interface WireRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
  /** The whole body, when the transport already read it (a worker's request): no stream to drain. */
  readonly bodyRead?: Buffer;
  on(event: "data", listener: (chunk: Buffer) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  resume(): unknown;
}

export interface WireResponse {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(data: string): unknown;
}
