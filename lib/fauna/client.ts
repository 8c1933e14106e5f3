import "server-only";
import { Client } from "fauna";
import { queryTimeoutMs, withinDeadline } from "./deadline";
import { FaunaUnavailableError, isTokenRejected, isUnavailable, LinkExpiredError, SessionExpiredError } from "./errors";

// Where the local Fauna of `npm run dev` listens when FAUNA_ENDPOINT is not set.
const LOCAL_ENDPOINT = "http://127.0.0.1:8443";

function endpoint(): URL {
  return new URL(process.env.FAUNA_ENDPOINT || LOCAL_ENDPOINT);
}

const newClient = (secret: string) => new Client({ endpoint: endpoint(), secret, query_timeout_ms: queryTimeoutMs() });

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

// One long-lived client for the app key: the driver shares an HTTP/2 session per endpoint
// among its clients, so shopper queries ride on this connection instead of opening their own.
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
