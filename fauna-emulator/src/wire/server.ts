// One TCP port for cleartext HTTP/2 with prior knowledge (the Node driver) and HTTP/1.1
// (fetch, curl, the CLI): peek at each connection's first bytes for the h2 preface, put them
// back, and hand the socket to the matching server. With TLS, ALPN picks h2 or HTTP/1.1.
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";
import type tls from "node:tls";
import type { Engine } from "../engine/types.js";
import { inProcess, type Dispatch } from "./api.js";
import { DEFAULT_MAX_BODY_BYTES } from "./body.js";
import type { WireRequest, WireResponse } from "./http-types.js";
import { createRouter } from "./router.js";

const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");
/** After close(), connections still busy get this long before they are cut. */
const CLOSE_GRACE_MS = 1000;

export interface HttpServer {
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** One access-log line: no headers, no query string, no body — never a secret. */
export interface AccessLogEntry {
  method: string;
  route: string;
  status: number;
  ms: number;
}

export interface HttpServerOptions {
  maxBodyBytes?: number;
  /** Serve HTTPS (HTTP/2 via ALPN, HTTP/1.1 fallback) with this PEM certificate and key. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Called once per finished request. */
  onRequest?: (entry: AccessLogEntry) => void;
}

type NodeResponse = WireResponse & { statusCode: number; once(event: "finish" | "close", f: () => void): unknown };

/**
 * Serves the API from `target`: an engine (queries run on this thread) or a dispatch function
 * (e.g. to a pool of worker threads; this thread then only speaks HTTP).
 */
export function createHttpServer(target: Engine | Dispatch, opts: HttpServerOptions = {}): HttpServer {
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const route = createRouter(typeof target === "function" ? target : inProcess(target, maxBodyBytes), maxBodyBytes);
  const onRequest = opts.onRequest;
  const handle = (req: WireRequest, res: NodeResponse) => {
    if (onRequest) {
      const started = performance.now();
      let logged = false;
      const log = () => {
        if (logged) return;
        logged = true;
        const route = (req.url ?? "/").split("?")[0]!;
        onRequest({
          method: req.method ?? "GET",
          route,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        });
      };
      res.once("finish", log);
      res.once("close", log);
    }
    void route(req, res);
  };
  if (opts.tls) return secureServer(handle, opts.tls);

  const sockets = new Set<net.Socket>();
  /** HTTP/1.1 sockets with a request in progress (others are idle keep-alive). */
  const busy = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  /** Sockets owned by HTTP/2 sessions: closed through GOAWAY, not cut. */
  const h2Sockets = new Set<net.Socket>();
  let closing = false;

  const h1 = http.createServer((req, res) => {
    const socket = req.socket;
    busy.add(socket);
    res.on("finish", () => {
      busy.delete(socket);
      if (closing) socket.destroy();
    });
    res.on("close", () => busy.delete(socket));
    handle(req, res);
  });
  h1.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });

  // The stream API, not the compatibility layer: the driver's queries arrive here, and the
  // compatibility objects cost more per request than the routes need.
  const h2 = http2.createServer({});
  h2.on("stream", (stream, headers) => handle(new StreamRequest(stream, headers), new StreamResponse(stream)));
  h2.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
    session.on("error", () => session.destroy());
    if (closing) session.close();
  });
  h2.on("sessionError", () => {});

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      h2Sockets.delete(socket);
    });
    socket.on("error", () => socket.destroy());
    if (closing) return void socket.destroy();
    sniff(socket, (isH2) => {
      if (isH2) {
        h2Sockets.add(socket);
        h2.emit("connection", socket);
      } else {
        h1.emit("connection", socket);
        socket.resume();
      }
    });
  });

  return {
    listen: (port, host) => listenOn(tcp, port, host),
    close() {
      closing = true;
      const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
      // Sessions send GOAWAY and end once their open streams finish.
      for (const s of sessions) s.close();
      for (const socket of sockets) if (!busy.has(socket) && !h2Sockets.has(socket)) socket.destroy();
      const timer = setTimeout(() => {
        for (const s of sessions) s.destroy();
        for (const socket of sockets) socket.destroy();
      }, CLOSE_GRACE_MS);
      timer.unref();
      return closed.then(() => clearTimeout(timer));
    },
  };
}

/** A raw HTTP/2 stream as the routes' request. */
class StreamRequest implements WireRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  constructor(
    private readonly stream: http2.ServerHttp2Stream,
    readonly headers: http2.IncomingHttpHeaders,
  ) {
    this.method = headers[":method"];
    this.url = headers[":path"];
    // A reset stream emits "error"; readBody hears it through on(), nothing else needs to.
    stream.on("error", () => {});
  }
  on(event: string, listener: (...args: never[]) => void): this {
    this.stream.on(event, listener as (...args: unknown[]) => void);
    return this;
  }
  resume(): this {
    this.stream.resume();
    return this;
  }
}

/** A raw HTTP/2 stream as the routes' response; writes to a stream the client closed are dropped. */
class StreamResponse implements NodeResponse {
  statusCode = 200;
  constructor(private readonly stream: http2.ServerHttp2Stream) {}
  get headersSent(): boolean {
    return this.stream.headersSent;
  }
  private get gone(): boolean {
    return this.stream.destroyed || this.stream.closed;
  }
  writeHead(status: number, headers: Record<string, string | number>): void {
    this.statusCode = status;
    if (!this.gone) this.stream.respond({ ...headers, ":status": status });
  }
  end(data: string): void {
    if (!this.gone) this.stream.end(data);
  }
  once(event: "finish" | "close", f: () => void): void {
    this.stream.once(event, f);
  }
}

/** Buffers the first bytes until they either match the h2 preface or diverge from it. */
function sniff(socket: net.Socket, decide: (isH2: boolean) => void): void {
  let seen: Buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, PREFACE.length);
    const matches = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
    if (matches && seen.length < PREFACE.length) return;
    socket.off("data", onData);
    socket.pause();
    socket.unshift(seen);
    decide(matches);
  };
  socket.on("data", onData);
}

/** HTTPS on one port: ALPN offers h2 and http/1.1, so the driver and curl both connect. */
function secureServer(
  handle: (req: WireRequest, res: NodeResponse) => void,
  creds: { cert: string | Buffer; key: string | Buffer },
): HttpServer {
  const server = http2.createSecureServer({ ...creds, allowHTTP1: true }, (req, res) =>
    handle(req, res as unknown as NodeResponse),
  );
  const sessions = new Set<http2.ServerHttp2Session>();
  const sockets = new Set<tls.TLSSocket>();
  let closing = false;
  server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
    session.on("error", () => session.destroy());
    if (closing) session.close();
  });
  server.on("secureConnection", (socket: tls.TLSSocket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  });
  server.on("tlsClientError", () => {});
  server.on("sessionError", () => {});
  return {
    listen: (port, host) => listenOn(server, port, host),
    close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sessions) s.close();
      const timer = setTimeout(() => {
        for (const s of sessions) s.destroy();
        for (const socket of sockets) socket.destroy();
      }, CLOSE_GRACE_MS);
      timer.unref();
      return closed.then(() => clearTimeout(timer));
    },
  };
}

/** Listens and resolves with the port actually bound (port 0 picks a free one). */
function listenOn(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const addr = server.address();
      resolve(typeof addr === "object" && addr ? addr.port : port);
    });
  });
}
