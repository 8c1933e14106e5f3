// The slice of the Node request/response objects the routes use; satisfied by both the
// HTTP/1.1 (`node:http`) and the HTTP/2 compatibility (`node:http2`) APIs.
import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";

export type WireRequest = Readable & {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
  /** The whole body, when the transport already read it (a worker's request): no stream to drain. */
  readonly bodyRead?: Buffer;
};

export interface WireResponse {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(data: string): unknown;
}
