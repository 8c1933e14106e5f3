import "server-only";
import { Client } from "fauna";
import { FaunaUnavailableError, isTokenRejected, isUnavailable, SessionExpiredError } from "./errors";

// Where the local Fauna of `npm run dev` listens when FAUNA_ENDPOINT is not set.
const LOCAL_ENDPOINT = "http://127.0.0.1:8443";

function endpoint(): URL {
  return new URL(process.env.FAUNA_ENDPOINT || LOCAL_ENDPOINT);
}

const newClient = (secret: string) => new Client({ endpoint: endpoint(), secret, query_timeout_ms: 10_000 });

async function withClient<T>(
  client: Client,
  onTokenRejected: (error: unknown) => Error,
  run: (client: Client) => Promise<T>,
): Promise<T> {
  try {
    return await run(client);
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
  const key = `${endpoint()}|${secret}`;
  if (appKeyClient?.key !== key) {
    appKeyClient?.client.close();
    appKeyClient = { key, client: newClient(secret) };
  }
  return appKeyClient.client;
}

/**
 * Runs queries with the app's only standing secret: the key with the
 * `unauthenticated` role, which may call UserSignup and UserLogin and nothing else.
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

/** Runs queries as the signed-in shopper, scoped by the `customer` role of their token. */
export async function withShopperToken<T>(tokenSecret: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = newClient(tokenSecret);
  try {
    return await withClient(client, (error) => new SessionExpiredError("Token rejected", { cause: error }), run);
  } finally {
    client.close();
  }
}
