// The app-side deadline on every Fauna call, against fake Fauna endpoints that misbehave
// the way a dying database does. The fauna driver (2.5) never settles a query whose
// HTTP/2 stream or connection closes without an answer; the deadline must.
import assert from "node:assert/strict";
import { createServer as createHttp2Server, constants, type ServerHttp2Stream } from "node:http2";
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from "node:net";
import { after, test } from "node:test";
import { fql } from "fauna";
import { withAppKey, withShopperToken } from "./client.ts";
import { faunaDeadlineMs } from "./deadline.ts";
import { FaunaUnavailableError } from "./errors.ts";

process.env.FAUNA_QUERY_TIMEOUT_MS = "300";
process.env.FAUNA_SECRET = "fake-app-key";
// Timers fire a little late on a busy machine.
const SLACK_MS = 1_000;
// Without the deadline these calls hang forever (or for the driver's 15 s); fail instead.
const TEST_TIMEOUT_MS = 10_000;

type FakeFauna = { url: string; close(): void };
const fakes: FakeFauna[] = [];
after(() => fakes.forEach((fake) => fake.close()));

async function listen(server: Server): Promise<FakeFauna> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const fake = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
  fakes.push(fake);
  process.env.FAUNA_ENDPOINT = fake.url;
  return fake;
}

/** An HTTP/2 Fauna that accepts the connection and the query, then does `onQuery`. */
const http2Fauna = (onQuery: (stream: ServerHttp2Stream) => void) =>
  listen(
    createHttp2Server().on("stream", (stream) => {
      // Streams still open at close() are torn down with an error nobody needs to hear.
      stream.on("error", () => {});
      onQuery(stream);
    }),
  );

/** A port that accepts TCP connections and drops them at once: the database process died. */
const droppingFauna = () => listen(createTcpServer((socket) => socket.destroy()));

async function timed(call: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await call;
    return { error: undefined, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

// Failing sooner is fine (the driver may notice a dropped connection); later is not.
function assertGaveUpByTheDeadline({ error, ms }: { error: unknown; ms: number }) {
  assert.ok(error instanceof FaunaUnavailableError, `expected FaunaUnavailableError, got ${String(error)}`);
  assert.ok(ms < faunaDeadlineMs() + SLACK_MS, `gave up after ${ms} ms`);
}

test("the deadline sits a little above the query timeout", () => {
  assert.ok(faunaDeadlineMs() > 300);
  assert.ok(faunaDeadlineMs() <= 300 + 5_000);
});

test(
  "a Fauna that takes the query and never answers: the app-key call fails by the deadline",
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    await http2Fauna(() => {});
    assertGaveUpByTheDeadline(await timed(withAppKey((client) => client.query(fql`1`))));
  },
);

test(
  "a Fauna that resets the query's stream: the shopper call fails by the deadline",
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    await http2Fauna((stream) => stream.close(constants.NGHTTP2_NO_ERROR));
    assertGaveUpByTheDeadline(await timed(withShopperToken("fake-token", (client) => client.query(fql`1`))));
  },
);

test(
  "a Fauna whose process dies as the query arrives: both kinds of call fail by the deadline",
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    await droppingFauna();
    const [appKey, shopper] = await Promise.all([
      timed(withAppKey((client) => client.query(fql`1`))),
      timed(withShopperToken("fake-token", (client) => client.query(fql`1`))),
    ]);
    assertGaveUpByTheDeadline(appKey);
    assertGaveUpByTheDeadline(shopper);
  },
);

function answer42(stream: ServerHttp2Stream) {
  stream.respond({ ":status": 200, "content-type": "application/json;charset=utf-8" });
  stream.end(
    JSON.stringify({ data: { "@int": "42" }, static_type: "Int", summary: "", txn_ts: Date.now() * 1000, stats: {} }),
  );
}

test("a slow answer that arrives before the deadline is kept", { timeout: TEST_TIMEOUT_MS }, async () => {
  await http2Fauna((stream) => setTimeout(() => answer42(stream), 400));
  const { data } = await withAppKey((client) => client.query<number>(fql`42`));
  assert.equal(data, 42);
});

test(
  "after a Fauna ran into the deadline, calls to it fail at once for a moment, then reach it again",
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    let answering = false;
    await http2Fauna((stream) => (answering ? answer42(stream) : undefined));
    const query = () => withShopperToken("fake-token", (client) => client.query<number>(fql`42`));
    assertGaveUpByTheDeadline(await timed(query()));

    answering = true;
    const rightAfter = await timed(query());
    assert.ok(rightAfter.error instanceof FaunaUnavailableError);
    assert.ok(rightAfter.ms < 200, `waited ${rightAfter.ms} ms`);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    assert.equal((await query()).data, 42);
  },
);

test(
  "after Fauna ends an HTTP/2 session, closing shopper clients never cuts a call another client has begun",
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    // The driver forgets how many clients share its session when the session ends (GOAWAY here;
    // idling out does the same); a shopper client's close() then closed the session under the
    // app key's call starting in the same tick: a refused stream, shown as "Fauna unavailable".
    let sessionsEnded = 0;
    await http2Fauna((stream) => {
      answer42(stream);
      if (sessionsEnded === 0) {
        sessionsEnded++;
        stream.session?.close();
      }
    });
    assert.equal((await withAppKey((client) => client.query<number>(fql`42`))).data, 42);
    const failures: string[] = [];
    const call = (run: Promise<unknown>) =>
      run.catch((error: unknown) => failures.push(String((error as Error).cause ?? error)));
    const appKeyCalls: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      // The app-key call begins just before the shopper client closes, as two requests would.
      await call(
        withShopperToken("fake-token", async (client) => {
          await client.query(fql`42`);
          appKeyCalls.push(call(withAppKey((appClient) => appClient.query(fql`42`))));
        }),
      );
    }
    await Promise.all(appKeyCalls);
    assert.deepEqual(failures, []);
  },
);
