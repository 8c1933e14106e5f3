// Test-only helpers for the schema rule tests: every call goes through the official
// driver with the secret a real client would hold.
import { Client, fql, type Query, type QueryValue } from "fauna";
import { startTestFauna, uniqueEmail, type TestFauna } from "../lib/fauna/test-support.ts";

export { startTestFauna, uniqueEmail, type TestFauna };

/** Runs one query with `secret` and returns its data. */
export async function queryAs<T extends QueryValue>(fauna: TestFauna, secret: string, query: Query<T>): Promise<T> {
  const client = new Client({ endpoint: new URL(fauna.endpoint), secret });
  try {
    return (await client.query<T>(query)).data;
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

export type LoginResult =
  | { ok: true; secret: string; email: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryInMinutes: number };

export const signUp = (fauna: TestFauna, email: string, password: string) =>
  queryAs(fauna, appKey(), fql`UserSignup(${email}, ${password})`);

export const logIn = (fauna: TestFauna, email: string, password: string) =>
  queryAs(fauna, appKey(), fql`UserLogin(${email}, ${password})`) as Promise<LoginResult>;

/** Signs up and logs in; returns the token secret. */
export async function signedInShopper(fauna: TestFauna, email: string, password = "correct horse") {
  await signUp(fauna, email, password);
  const result = await logIn(fauna, email, password);
  if (!result.ok) throw new Error(`log-in failed: ${result.reason}`);
  return result.secret;
}
