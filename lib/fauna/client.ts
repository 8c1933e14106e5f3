import "server-only";
import { Client, getDefaultHTTPClient, type HTTPClient } from "fauna";
import { queryTimeoutMs, withinDeadline } from "./deadline";
import { FaunaUnavailableError, isTokenRejected, isUnavailable, LinkExpiredError, SessionExpiredError } from "./errors";

// Where the local Fauna of `npm run dev` listens when FAUNA_ENDPOINT is not set.
const LOCAL_ENDPOINT = "http://127.0.0.1:8443";

function endpoint(): URL {
  return new URL(process.env.FAUNA_ENDPOINT || LOCAL_ENDPOINT);
}

// The driver shares one HTTP/2 session per endpoint and counts the clients using it, but
// resets the count to zero when the session idles out; closing a token client afterwards closes
// the session under a request another client has just begun, and that request fails with a
// refused stream ("Fauna unavailable"). So every client rides one HTTP client the app owns, which
// closing a client leaves open; the driver still closes the idle session and reconnects on demand.
let sharedHttp: { url: string; http: HTTPClient; inner: HTTPClient } | null = null;

function httpClientFor(url: string): HTTPClient {
  if (sharedHttp?.url !== url) {
    sharedHttp?.inner.close();
    const inner = getDefaultHTTPClient({
      url,
      http2_session_idle_ms: 5_000,
      http2_max_streams: 100,
      fetch_keepalive: false,
    });
    sharedHttp = { url, inner, http: { request: (req) => inner.request(req), close() {} } };
  }
  return sharedHttp.http;
}

function newClient(secret: string): Client {
  const url = endpoint();
  return new Client({ endpoint: url, secret, query_timeout_ms: queryTimeoutMs() }, httpClientFor(url.href));
}

async function withClient<T>(
  client: Client,
  onTokenRejected: (error: unknown) => Error,
  run: (client: Client) => Promise<T>,
): Promise<T> {
  try {
    return await withinDeadline(endpoint().href, () => run(client));
  } catch (error) {
    if (isTokenRejected(error)) throw onTokenRejected(error);
    if (isUnavailable(error)) throw new FaunaUnavailableError("Fauna is unavailable", { cause: error });
    throw error;
  }
}

// One long-lived client for the app key, so its calls carry the last transaction time it saw.
let appKeyClient: { key: string; client: Client } | null = null;

function appClient(secret: string): Client {
  const key = `${endpoint()}|${secret}|${queryTimeoutMs()}`;
  if (appKeyClient?.key !== key) {
    appKeyClient?.client.close();
    appKeyClient = { key, client: newClient(secret) };
  }
  return appKeyClient.client;
}

/**
 * Runs queries with the app's only standing secret: the key with the
 * `unauthenticated` role, which may call UserSignup, UserLogin, RequestPasswordReset and
 * RequestEmailVerification, and nothing else.
 */
export function withAppKey<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const secret = process.env.FAUNA_SECRET;
  if (!secret) {
    return Promise.reject(new FaunaUnavailableError("FAUNA_SECRET is not set (run `npm run db:setup`)."));
  }
  // A rejected app key is a deployment problem, not the shopper's.
  return withClient(
    appClient(secret),
    (error) => new FaunaUnavailableError("FAUNA_SECRET was rejected", { cause: error }),
    run,
  );
}

async function withToken<T>(
  secret: string,
  onRejected: (error: unknown) => Error,
  run: (client: Client) => Promise<T>,
) {
  const client = newClient(secret);
  try {
    return await withClient(client, onRejected, run);
  } finally {
    client.close();
  }
}

/** Runs queries as the signed-in shopper, scoped by the `customer` role of their token. */
export function withShopperToken<T>(tokenSecret: string, run: (client: Client) => Promise<T>): Promise<T> {
  return withToken(tokenSecret, (error) => new SessionExpiredError("Token rejected", { cause: error }), run);
}

/** Runs queries with an emailed link's token (schema/account-links.fsl); a refused one is an expired link. */
export function withLinkToken<T>(linkSecret: string, run: (client: Client) => Promise<T>): Promise<T> {
  return withToken(linkSecret, (error) => new LinkExpiredError("Link token rejected", { cause: error }), run);
}
