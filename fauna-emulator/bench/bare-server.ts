// A bare HTTP/2 server answering every request with one recorded response: the ceiling the
// local Fauna's throughput is compared with (bench/load.ts). Imported to run in the bench's own
// process, or run as its own process: tsx bench/bare-server.ts '[body, headers]'.
import http2 from "node:http2";
import { argv } from "node:process";
import { fileURLToPath } from "node:url";

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

if (argv[1] === fileURLToPath(import.meta.url)) {
  const [body, headers] = JSON.parse(argv[2] ?? "[]") as [string, Record<string, string>];
  const server = serveBare(body, headers);
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  });
}
