import assert from "node:assert/strict";
import http2 from "node:http2";
import net from "node:net";
import { test } from "node:test";
import {
  AbortError,
  AuthenticationError,
  Client,
  ConstraintFailureError,
  Document,
  InvalidRequestError,
  Module,
  NamedDocumentReference,
  NullDocument,
  Page,
  QueryCheckError,
  QueryRuntimeError,
  QueryTimeoutError,
  ServiceInternalError,
  TimeStub,
  fql,
} from "fauna";
import { FakeEngine, ok, withInfo } from "../../test/support/fake-engine.js";
import {
  InvalidQueryError,
  QueryError,
  constraintFailure,
  timeOut,
  double,
  int,
  long,
  mod,
  obj,
  time,
} from "../core/index.js";
import type { Rendered } from "../engine/types.js";
import { createHttpServer } from "./server.js";

interface Ctx {
  url: string;
  engine: FakeEngine;
  client: Client;
}

/** Runs `body` against a fresh server + fake engine + driver client, then tears all down. */
async function withServer(body: (ctx: Ctx) => Promise<void>, opts: { maxBodyBytes?: number } = {}): Promise<void> {
  const engine = new FakeEngine();
  const server = createHttpServer(engine, opts);
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const client = new Client({ endpoint: new URL(url), secret: "secret", http2_session_idle_ms: 60_000 });
  try {
    await body({ url, engine, client });
  } finally {
    client.close();
    await server.close();
  }
}

const post = (url: string, body: string | undefined, headers: Record<string, string> = {}) =>
  fetch(`${url}/query/1`, {
    method: "POST",
    headers: { authorization: "Bearer secret", ...headers },
    ...(body !== undefined ? { body } : {}),
  });

async function expectError(
  res: Response,
  status: number,
  code: string,
  message: string,
): Promise<Record<string, unknown>> {
  assert.equal(res.status, status);
  assert.equal(res.headers.get("content-type"), "application/json");
  const body = (await res.json()) as { error: { code: string; message: string } } & Record<string, unknown>;
  assert.deepEqual(body.error, { code, message });
  return body;
}

async function stillServes(url: string): Promise<void> {
  const res = await fetch(`${url}/ping`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { resource: "Scope write is OK" });
}

const failingWith = (e: Error) => () => {
  throw e;
};

test("the fauna driver queries over h2c and receives values decoded from tagged JSON", async () => {
  await withServer(async ({ engine, client }) => {
    // The fake engine answers with the placeholder values it received, in order.
    engine.onQuery = (req) => ok([...req.variables.values()]);
    const when = TimeStub.from("2024-05-01T12:00:00.123456Z");
    const res = await client.query(fql`${{ n: 1, big: 2 ** 40, d: 1.5, t: when, s: "x", list: [true, null] }}`);
    assert.deepEqual(res.data, [1, 2 ** 40, 1.5, when, "x", true, null]);
    assert.equal(res.txn_ts, 1716200000123456);
    assert.equal(res.schema_version, 1716100000000000);
    assert.equal(res.summary, "");
    const req = engine.requests[0]!;
    assert.equal(req.source, '{"n": $0, "big": $1, "d": $2, "t": $3, "s": $4, "list": [$5, $6]}');
    assert.deepEqual(
      [...req.variables.values()],
      [int(1), long(2n ** 40n), double(1.5), time(1_714_564_800_123_456_000n), "x", true, null],
    );
    assert.equal(req.secret, "secret");
    assert.equal(req.timeoutMs, 5000);
  });
});

test("documents, null documents, named refs, modules and set pages reach the driver as its value classes", async () => {
  await withServer(async ({ engine, client }) => {
    const product: Rendered = {
      kind: "rendered-doc",
      fields: new Map<string, Rendered>([
        ["id", "412"],
        ["coll", mod("Product")],
        ["ts", time(1_727_776_800_123_000_000n)],
        ["name", "cup"],
      ]),
    };
    engine.onQuery = () =>
      ok(
        new Map<string, Rendered>([
          ["doc", product],
          ["missing", { kind: "rendered-null-doc", coll: "Product", id: "9", cause: "permission denied" }],
          ["coll", { kind: "rendered-ref", coll: "Collection", name: "Product" }],
          ["mod", mod("Math")],
          ["page", { kind: "rendered-set", data: [int(1), int(2)], after: "next" }],
        ]),
      );
    const data = (await client.query(fql`anything`)).data as Record<string, unknown>;
    assert.ok(data.doc instanceof Document);
    assert.equal(data.doc.id, "412");
    assert.equal(data.doc.coll.name, "Product");
    assert.equal((data.doc as unknown as { name: string }).name, "cup");
    assert.ok(data.missing instanceof NullDocument);
    assert.equal(data.missing.cause, "permission denied");
    assert.ok(data.coll instanceof NamedDocumentReference);
    assert.ok(data.mod instanceof Module);
    assert.ok(data.page instanceof Page);
    assert.deepEqual(data.page.data, [1, 2]);
    assert.equal(data.page.after, "next");
  });
});

test("driver errors map to the driver's classes: 401, invalid_query, constraint_failure, abort, 440, 500", async () => {
  await withServer(async ({ url, engine, client }) => {
    const wrong = new Client({ endpoint: new URL(url), secret: "not-the-secret" });
    try {
      const e = await wrong.query(fql`1`).catch((x: unknown) => x);
      assert.ok(e instanceof AuthenticationError);
      assert.equal(e.httpStatus, 401);
      assert.equal(e.queryInfo?.summary, undefined);
    } finally {
      wrong.close();
    }

    engine.onQuery = failingWith(
      withInfo(new InvalidQueryError([{ message: "bad", span: { start: 0, end: 1 } }]), {
        summary: "error: bad\nat *query*:1:1",
      }),
    );
    const check = await client.query(fql`(`).catch((x: unknown) => x);
    assert.ok(check instanceof QueryCheckError);
    assert.equal(check.httpStatus, 400);
    assert.equal(check.message, "The query failed 1 validation check");
    assert.equal(check.queryInfo?.summary, "error: bad\nat *query*:1:1");

    engine.onQuery = failingWith(
      withInfo(
        constraintFailure("Failed unique constraint.", [{ paths: [["email"]], message: "Failed unique constraint" }]),
      ),
    );
    const cf = await client.query(fql`x`).catch((x: unknown) => x);
    assert.ok(cf instanceof ConstraintFailureError);
    assert.deepEqual(cf.constraint_failures, [{ paths: [["email"]], message: "Failed unique constraint" }]);

    engine.onQuery = failingWith(
      withInfo(
        new QueryError("abort", "Query aborted.", {
          abortValue: obj([
            ["at", time(0n)],
            ["n", int(3)],
          ]),
        }),
      ),
    );
    const ab = await client.query(fql`abort(x)`).catch((x: unknown) => x);
    assert.ok(ab instanceof AbortError);
    assert.deepEqual(ab.abort, { at: TimeStub.from("1970-01-01T00:00:00Z"), n: 3 });

    engine.onQuery = failingWith(timeOut("Client set aggressive deadline: query needs 2ms, timed out within 1ms"));
    const to = await client.query(fql`slow`, { query_timeout_ms: 1 }).catch((x: unknown) => x);
    assert.ok(to instanceof QueryTimeoutError);
    assert.equal(to.httpStatus, 440);
    assert.match(to.message, /aggressive deadline/);
    assert.equal(engine.requests.at(-1)!.timeoutMs, 1);

    engine.onQuery = failingWith(new Error("boom"));
    const ie = await client.query(fql`crash`).catch((x: unknown) => x);
    assert.ok(ie instanceof ServiceInternalError);
    assert.equal(ie.httpStatus, 500);

    engine.onQuery = failingWith(
      withInfo(new QueryError("document_not_found", "Collection `P` does not contain document with id 1.")),
    );
    const rt = await client.query(fql`P.byId("1")!`).catch((x: unknown) => x);
    assert.ok(rt instanceof QueryRuntimeError);
    assert.equal(rt.code, "document_not_found");

    engine.onQuery = () => ok(int(2));
    assert.equal((await client.query(fql`1 + 1`)).data, 2);
  });
});

test("an invalid x-query-tags header is an InvalidRequestError; valid tags are echoed", async () => {
  await withServer(async ({ client }) => {
    const bad = await client.query(fql`1`, { query_tags: { "bad-key": "x" } }).catch((x: unknown) => x);
    assert.ok(bad instanceof InvalidRequestError);
    assert.equal(bad.message, "Invalid header 'x-query-tags': invalid tags");
    const good = await client.query(fql`1`, { query_tags: { project: "teapot", hello: "world" } });
    assert.deepEqual(good.query_tags, { project: "teapot", hello: "world" });
  });
});

test("a bad template value reaches the driver as QueryCheckError with a summary", async () => {
  await withServer(async ({ url }) => {
    const res = await post(url, JSON.stringify({ query: { fql: ["x + ", { value: 1 }] } }), { "x-format": "tagged" });
    const body = await expectError(res, 400, "invalid_query", "The query failed 1 validation check");
    assert.deepEqual(Object.keys(body), ["error", "summary", "txn_ts", "stats", "schema_version"]);
    assert.match(body.summary as string, /numbers must be tagged/);
  });
});

test("the driver remembers txn_ts and sends it back as x-last-txn-ts", async () => {
  await withServer(async ({ engine, client }) => {
    await client.query(fql`1`);
    await client.query(fql`2`);
    assert.equal(engine.requests[1]!.lastTxnTs, 1716200000123456n);
  });
});

test("HTTP/1.1 on the same port serves /ping (GET and HEAD), /query/1 and 404s", async () => {
  await withServer(async ({ url, engine, client }) => {
    // The h2 driver and h1 fetch share the port.
    await client.query(fql`1`);
    await stillServes(url);
    const head = await fetch(`${url}/ping`, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), "");
    assert.deepEqual(await (await fetch(`${url}/ping?scope=read`)).json(), { resource: "Scope read is OK" });

    engine.onQuery = (req) => ok(req.variables.get("max") ?? null);
    const res = await post(url, JSON.stringify({ query: "max", arguments: { max: 100 } }));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/json");
    const text = await res.text();
    assert.equal(
      text,
      '{"data":100,"summary":"","txn_ts":1716200000123456,"stats":{"compute_ops":1,"read_ops":2,"write_ops":3,"query_time_ms":4,' +
        '"contention_retries":0,"storage_bytes_read":5,"storage_bytes_write":6,"rate_limits_hit":[]},"schema_version":1716100000000000}',
    );
    assert.deepEqual(engine.requests.at(-1)!.variables.get("max"), int(100));
    assert.equal(engine.requests.at(-1)!.timeoutMs, 120_000);

    const missing = await fetch(`${url}/nope`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("content-type"), "application/json");
    assert.equal((await fetch(`${url}/query/1`)).status, 405);
  });
});

test("x-format selects argument decoding and the data encoding (simple, tagged, decorated)", async () => {
  await withServer(async ({ url, engine }) => {
    engine.onQuery = (req) =>
      ok(
        obj([
          ["v", req.variables.get("v") ?? null],
          ["d", double(1)],
        ]),
      );
    const tagged = await post(url, JSON.stringify({ query: "v", arguments: { v: { "@int": "7" } } }), {
      "x-format": "tagged",
    });
    assert.deepEqual((await tagged.json()).data, { v: { "@int": "7" }, d: { "@double": "1.0" } });

    const bare = await post(url, JSON.stringify({ query: "v", arguments: { v: 7 } }), { "x-format": "tagged" });
    await expectError(bare, 400, "invalid_request", "Invalid argument 'v': numbers must be tagged");

    const decorated = await post(url, JSON.stringify({ query: "v", arguments: { v: { "@int": "7" } } }), {
      "x-format": "decorated",
    });
    assert.equal((await decorated.json()).data, "{\n  v: 7,\n  d: 1.0\n}");

    const simple = await post(url, JSON.stringify({ query: "v", arguments: { v: { "@int": "7" } } }));
    assert.deepEqual((await simple.json()).data, { v: { "@int": "7" }, d: 1 });
  });
});

test("header validation errors use core's exact messages and carry only `error`", async () => {
  const cases: [Record<string, string>, string][] = [
    [{ "x-format": "foo" }, "Invalid header 'x-format': Invalid format foo"],
    [{ "x-query-timeout-ms": "0" }, "Invalid header 'x-query-timeout-ms': Must be greater than 0."],
    [{ "x-query-timeout-ms": "600001" }, "Invalid header 'x-query-timeout-ms': Must be less than or equal to 600000."],
    [{ "x-query-timeout-ms": "x" }, "Invalid header 'x-query-timeout-ms': Invalid number 'x'."],
    [{ "x-typecheck": "yes" }, "Invalid header 'x-typecheck': Must be a boolean value."],
    [{ "x-linearized": "1" }, "Invalid header 'x-linearized': Must be a boolean value."],
    [{ "x-performance-hints": "maybe" }, "Invalid header 'x-performance-hints': Must be a boolean value."],
    [{ "x-max-contention-retries": "8" }, "Invalid header 'x-max-contention-retries': Must be between 0 and 7."],
    [{ "x-last-txn-ts": "foo" }, "Invalid header 'x-last-txn-ts': Invalid timestamp 'foo'."],
    [{ "x-query-tags": "a=b,a=c" }, "Invalid header 'x-query-tags': invalid tags"],
    [{ "x-query-tags": "k=" + "v".repeat(81) }, "Invalid header 'x-query-tags': invalid tags"],
  ];
  await withServer(async ({ url }) => {
    for (const [headers, message] of cases) {
      const body = await expectError(await post(url, '{"query":"1"}', headers), 400, "invalid_request", message);
      assert.deepEqual(Object.keys(body), ["error"], message);
    }
    const ok200 = await post(url, '{"query":"1"}', {
      "x-typecheck": "false",
      "x-max-contention-retries": "7",
      "x-query-timeout-ms": "600000",
    });
    assert.equal(ok200.status, 200);
    await stillServes(url);
  });
});

test("query tags are echoed on protocol errors too", async () => {
  await withServer(async ({ url }) => {
    const res = await post(url, "", { "x-query-tags": "a=b" });
    const body = await expectError(res, 400, "invalid_request", "No request body provided");
    assert.equal(body.query_tags, "a=b");
  });
});

test("a missing secret is 401 unauthorized with WWW-Authenticate: Bearer; Basic auth carries the secret as user name", async () => {
  await withServer(async ({ url, engine }) => {
    const res = await fetch(`${url}/query/1`, { method: "POST", body: '{"query":"1"}' });
    await expectError(res, 401, "unauthorized", "Access token required");
    assert.equal(res.headers.get("www-authenticate"), "Bearer");

    const basic = await fetch(`${url}/query/1`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("secret:db:admin:").toString("base64")}` },
      body: '{"query":"1"}',
    });
    assert.equal(basic.status, 200);
    assert.equal(engine.requests.at(-1)!.secret, "secret:db:admin");

    const wrong = await post(url, '{"query":"1"}', { authorization: "Bearer nope" });
    await expectError(wrong, 401, "unauthorized", "Access token required");
    assert.equal(wrong.headers.get("www-authenticate"), "Bearer");
  });
});

test("bodies over the limit get 413 request_size_exceeded and the server keeps serving", async () => {
  await withServer(
    async ({ url, client }) => {
      const big = JSON.stringify({ query: "x".repeat(2048) });
      await expectError(await post(url, big), 413, "request_size_exceeded", "Request entity is too large");
      await stillServes(url);
      const viaDriver = await client.query(fql`${"y".repeat(4096)}`).catch((x: unknown) => x);
      assert.ok(viaDriver instanceof QueryRuntimeError);
      assert.equal(viaDriver.httpStatus, 413);
      assert.equal((await client.query(fql`1`)).data, null);
    },
    { maxBodyBytes: 1024 },
  );
});

test("HTTP/2 streams the client resets mid-body or before the answer do not disturb the server or their neighbours", async () => {
  await withServer(async ({ url, client }) => {
    const session = http2.connect(url);
    session.on("error", () => {});
    try {
      const headers = { ":method": "POST", ":path": "/query/1", authorization: "Bearer secret" };
      // Half a body, then a reset (an error code: the server's stream emits "error"): the body
      // is never complete.
      const midBody = session.request(headers);
      midBody.on("error", () => {});
      midBody.write('{"query":');
      await new Promise((resolve) => setTimeout(resolve, 20));
      midBody.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
      // A whole request reset at once: the answer has nowhere to go.
      const beforeAnswer = session.request(headers);
      beforeAnswer.on("error", () => {});
      beforeAnswer.end(JSON.stringify({ query: "1" }));
      beforeAnswer.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
      // A request without a body, reset as it is sent.
      const noBody = session.request({ ":method": "GET", ":path": "/schema/1/files", authorization: "Bearer secret" });
      noBody.on("error", () => {});
      noBody.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
      // A neighbour on the same connection still gets its answer.
      const neighbour = session.request(headers);
      neighbour.setEncoding("utf8");
      let text = "";
      neighbour.on("data", (chunk: string) => (text += chunk));
      const status = new Promise<number>((resolve) => neighbour.on("response", (h) => resolve(Number(h[":status"]))));
      neighbour.end(JSON.stringify({ query: "1" }));
      await new Promise((resolve) => neighbour.on("end", resolve));
      assert.equal(await status, 200);
      assert.match(text, /"data":/);
    } finally {
      session.close();
    }
    await stillServes(url);
    assert.equal((await client.query(fql`1`)).data, null);
  });
});

test("the default body limit is 8 MiB", async () => {
  await withServer(async ({ url }) => {
    const body = JSON.stringify({ query: "x".repeat(8 * 1024 * 1024) });
    await expectError(await post(url, body), 413, "request_size_exceeded", "Request entity is too large");
    assert.equal((await post(url, JSON.stringify({ query: "x".repeat(1024 * 1024) }))).status, 200);
  });
});

test("empty, malformed and non-object bodies are invalid_request; the server keeps serving", async () => {
  await withServer(async ({ url }) => {
    await expectError(await post(url, undefined), 400, "invalid_request", "No request body provided");
    const bad = await post(url, "{nope");
    const body = (await bad.json()) as { error: { code: string; message: string } };
    assert.equal(bad.status, 400);
    assert.equal(body.error.code, "invalid_request");
    assert.match(body.error.message, /^Invalid request body: /);
    await expectError(
      await post(url, "{}"),
      400,
      "invalid_request",
      "Invalid request body: Value for key 'query' not found.",
    );
    const tpl = await post(url, JSON.stringify({ query: { bogus: [] } }));
    assert.equal(tpl.status, 400);
    assert.match(
      ((await tpl.json()) as { error: { message: string } }).error.message,
      /single key 'fql', 'value', 'array', or 'object'/,
    );
    await stillServes(url);
  });
});

test("deeply nested JSON is rejected with the nesting-limit message, not a crash", async () => {
  await withServer(async ({ url }) => {
    const deep = `{"query":"1","arguments":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    await expectError(
      await post(url, deep),
      400,
      "invalid_request",
      "Invalid request body: JSON exceeds nesting limit",
    );
    await stillServes(url);
  });
});

test("query errors carry summary, txn_ts, stats and schema_version in core's order; error keeps only code/message/extras", async () => {
  await withServer(async ({ url, engine }) => {
    engine.onQuery = failingWith(
      withInfo(
        constraintFailure("Failed unique constraint.", [
          { paths: [["email"], ["a", 0]], message: "Failed unique constraint" },
        ]),
        {
          summary: "error: Failed unique constraint.",
          schemaVersion: 9n,
        },
      ),
    );
    const res = await post(url, '{"query":"x"}', { "x-query-tags": "a=b" });
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.equal(
      text,
      '{"error":{"code":"constraint_failure","message":"Failed unique constraint.","constraint_failures":[{"paths":[["email"],["a",0]],' +
        '"message":"Failed unique constraint"}]},"summary":"error: Failed unique constraint.","txn_ts":1716200000123456,' +
        '"stats":{"compute_ops":1,"read_ops":2,"write_ops":3,"query_time_ms":4,"contention_retries":0,"storage_bytes_read":5,' +
        '"storage_bytes_write":6,"rate_limits_hit":[]},"query_tags":"a=b","schema_version":9}',
    );

    // Without engine info the wire layer still renders a complete body.
    engine.onQuery = failingWith(new QueryError("abort", "Query aborted.", { abortValue: int(0) }));
    const bare = (await (await post(url, '{"query":"x"}', { "x-format": "tagged" })).json()) as Record<string, unknown>;
    assert.deepEqual(bare.error, { code: "abort", message: "Query aborted.", abort: { "@int": "0" } });
    assert.equal(bare.summary, "error: Query aborted.");
    assert.equal(bare.txn_ts, 0);
    assert.equal(bare.schema_version, 0);
  });
});

test("an unexpected engine exception is 500 internal_error and the next request succeeds", async () => {
  await withServer(async ({ url, engine }) => {
    engine.onQuery = failingWith(new TypeError("oops"));
    const res = await post(url, '{"query":"x"}');
    assert.equal(res.status, 500);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "internal_error");
    engine.onQuery = () => ok("fine");
    assert.equal(((await (await post(url, '{"query":"x"}')).json()) as { data: unknown }).data, "fine");
  });
});

test("x-query-timeout-ms sets the engine deadline and x-last-txn-ts is passed as a bigint", async () => {
  await withServer(async ({ url, engine }) => {
    const before = Date.now();
    await post(url, '{"query":"x"}', { "x-query-timeout-ms": "1500", "x-last-txn-ts": "1716200000123457" });
    const req = engine.requests.at(-1)!;
    assert.equal(req.timeoutMs, 1500);
    assert.ok(req.deadline >= before + 1500 && req.deadline <= Date.now() + 1500);
    assert.equal(req.lastTxnTs, 1716200000123457n);
  });
});

test("CORS preflight OPTIONS answers 200 with CORS headers", async () => {
  await withServer(async ({ url }) => {
    const res = await fetch(`${url}/query/1`, {
      method: "OPTIONS",
      headers: {
        origin: "http://app.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,x-format",
      },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("access-control-allow-origin"), "http://app.test");
    assert.equal(res.headers.get("access-control-allow-headers"), "authorization,x-format");
    assert.match(res.headers.get("access-control-allow-methods") ?? "", /POST/);
  });
});

test("close() resolves promptly while a driver h2 session and an h1 keep-alive socket are open", async () => {
  const engine = new FakeEngine();
  const server = createHttpServer(engine);
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const client = new Client({ endpoint: new URL(url), secret: "secret", http2_session_idle_ms: 60_000 });
  try {
    await client.query(fql`1`);
    await stillServes(url);
    const start = Date.now();
    await server.close();
    assert.ok(Date.now() - start < 500, `close took ${Date.now() - start}ms`);
    await assert.rejects(fetch(`${url}/ping`));
  } finally {
    client.close();
  }
});

/** Opens a raw TCP connection, writes `bytes`, and resolves once the server closes it or after `ms`. */
function raw(port: number, bytes: string, ms = 300): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(bytes));
    let got = "";
    socket.on("data", (d) => (got += d.toString("latin1")));
    socket.on("error", () => {});
    const done = () => resolve(got);
    socket.on("close", done);
    setTimeout(() => {
      socket.destroy();
      done();
    }, ms);
  });
}

test("garbage, a broken h2 preface and half-sent prefaces do not disturb the listener", async () => {
  await withServer(async ({ url, client }) => {
    const port = Number(new URL(url).port);
    assert.match(await raw(port, "GARBAGE\r\n\r\n"), /^HTTP\/1\.1 400/);
    await raw(port, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u0000\u0000garbage-frames");
    await raw(port, "PR", 100);
    await stillServes(url);
    assert.equal((await client.query(fql`1`)).data, null);
  });
});
