// A bare HTTP/2 server answering every request with one recorded response: the ceiling the
// local Fauna's throughput is compared with (bench/load.ts). Imported to run in the bench's own
// process, or run as its own process: tsx bench/bare-server.ts '[body, headers]' [--via-worker].
// With --via-worker each answer comes from a worker thread (one postMessage there and one back,
// nothing else): the least that any design running queries off the HTTP thread pays.
import http2 from "node:http2";
import { argv } from "node:process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export function serveBare(body: string, headers: Record<string, string>): http2.Http2Server {
  const server = http2.createServer();
  server.on("stream", (stream) => {
    stream.on("error", () => {});
    stream.resume();
    stream.on("end", () => {
      stream.respond({ ":status": 200, ...headers });
      stream.end(body);
    });
  });
  return server;
}

/** The bare server, each answer fetched from a worker thread that sends back the recorded body. */
function serveBareViaWorker(body: string, headers: Record<string, string>): http2.Http2Server {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     parentPort.on("message", ({ id }) => parentPort.postMessage({ id, body: workerData }));`,
    { eval: true, workerData: body },
  );
  const waiting = new Map<number, http2.ServerHttp2Stream>();
  let next = 0;
  worker.on("message", ({ id, body: text }: { id: number; body: string }) => {
    const stream = waiting.get(id);
    waiting.delete(id);
    if (!stream || stream.destroyed) return;
    stream.respond({ ":status": 200, ...headers });
    stream.end(text);
  });
  const server = http2.createServer();
  server.on("stream", (stream) => {
    stream.on("error", () => {});
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const id = next++;
      waiting.set(id, stream);
      worker.postMessage({ id, request: Buffer.concat(chunks) });
    });
  });
  return server;
}

if (argv[1] === fileURLToPath(import.meta.url)) {
  const [body, headers] = JSON.parse(argv[2] ?? "[]") as [string, Record<string, string>];
  const server = argv[3] === "--via-worker" ? serveBareViaWorker(body, headers) : serveBare(body, headers);
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  });
}
