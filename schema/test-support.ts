// Test-only helpers for the schema rule tests: every call goes through the official
// driver with the secret a real client would hold.
import { Client, fql, type Query, type QueryOptions, type QueryValue } from "fauna";
import { startTestFauna, uniqueEmail, type TestFauna } from "../lib/fauna/test-support.ts";

export { startTestFauna, uniqueEmail, type TestFauna };

/**
 * How any caller skips the static check (the driver's `typecheck: false`, header
 * `x-typecheck`): a typechecked database refuses ill-typed UDF arguments before anything
 * runs, but a caller may turn that off for its own query, so the UDFs' checks must hold
 * without it. Tests of those checks send their bad arguments this way.
 */
export const UNCHECKED: QueryOptions = { typecheck: false };

/** Runs one query with `secret` and returns its data. */
export async function queryAs<T extends QueryValue>(
  fauna: TestFauna,
  secret: string,
  query: Query<T>,
  options?: QueryOptions,
): Promise<T> {
  const client = new Client({ endpoint: new URL(fauna.endpoint), secret });
  try {
    return (await client.query<T>(query, options)).data;
  } finally {
    client.close();
  }
}

/** The error a query raises, or a failure if it succeeds. */
export async function errorOf(run: Promise<unknown>): Promise<{ code?: string; abort?: unknown; httpStatus?: number }> {
  try {
    await run;
  } catch (error) {
    return error as { code?: string; abort?: unknown };
  }
  throw new Error("expected the query to fail");
}

export const appKey = () => process.env.FAUNA_SECRET!;

let ipCounter = 0;
/** A client address no other call uses, so per-address limits only bite where a test wants them. */
export const testIp = () => {
  const n = ++ipCounter;
  return `10.${process.pid % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
};

export type SignupResult =
  | { ok: true; email: string; verificationSecret: string }
  | { ok: false; reason: "email_taken" }
  | { ok: false; reason: "rate_limited"; retryInSeconds: number };

export type LoginResult =
  | { ok: true; secret: string; email: string; emailVerified: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled" | "rate_limited"; retryInSeconds: number };

export const signUp = (fauna: TestFauna, email: string, password: string, ip = testIp()) =>
  queryAs(fauna, appKey(), fql`UserSignup(${email}, ${password}, ${ip})`) as Promise<SignupResult>;

export const logIn = (
  fauna: TestFauna,
  email: string,
  password: string,
  { ip = testIp(), device = "Test browser" } = {},
) => queryAs(fauna, appKey(), fql`UserLogin(${email}, ${password}, ${ip}, ${device})`) as Promise<LoginResult>;

/** Signs up and logs in; returns the token secret. */
export async function signedInShopper(fauna: TestFauna, email: string, password = "correct horse") {
  await signUp(fauna, email, password);
  const result = await logIn(fauna, email, password);
  if (!result.ok) throw new Error(`log-in failed: ${result.reason}`);
  return result.secret;
}
