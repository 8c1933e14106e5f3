// The proxy's "last seen" step against an in-process local Fauna: a due request
// notes the session after the response, a recent note holds the next one back.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type TimeStub } from "fauna";
import { sealData } from "iron-session";
import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import { logInCustomer, signUpCustomer } from "./fauna/auth.ts";
import { startTestFauna, testClient, uniqueEmail, type TestFauna } from "./fauna/test-support.ts";
import { noteSessionSeen } from "./session-activity.ts";
import { SESSION_COOKIE } from "./session-cookie.ts";
import { SESSION_SEEN_COOKIE, SESSION_SEEN_INTERVAL_MS } from "./session-seen.ts";

let fauna: TestFauna;
before(async () => {
  process.env.SESSION_PASSWORD ||= "a test session password of at least 32 characters";
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

async function signedInShopper() {
  const email = uniqueEmail("seen");
  await signUpCustomer(email, "correct horse", testClient());
  const token = await logInCustomer(email, "correct horse", testClient("Firefox on Linux"));
  const sealed = await sealData(
    { token: token.secret, expiresAt: token.expiresAt.getTime(), email },
    { password: process.env.SESSION_PASSWORD!, ttl: 3600 },
  );
  return { email, sealed };
}

const lastSeenOf = async (email: string) =>
  (
    await fauna.admin.query<TimeStub | null>(fql`
      Token.byDocument(Customer.byEmail(${email}).first()!).first()!.data?.lastSeenAt
    `)
  ).data;

/** One request through the proxy's step; returns what it answered and the work it left running. */
function request(cookies: Record<string, string>, headers: Record<string, string> = {}) {
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  const incoming = new NextRequest("http://shop.test/products", { headers: { cookie, ...headers } });
  const response = NextResponse.next();
  const pending: Promise<unknown>[] = [];
  const event = { waitUntil: (promise: Promise<unknown>) => pending.push(promise) } as unknown as NextFetchEvent;
  const started = Date.now();
  noteSessionSeen(incoming, response, event);
  return { response, pending, returnedIn: Date.now() - started };
}

test("a signed-in request with no recent note writes lastSeenAt after the response and moves the cookie on", async () => {
  const { email, sealed } = await signedInShopper();
  assert.equal(await lastSeenOf(email), null);

  const { response, pending, returnedIn } = request({ [SESSION_COOKIE]: sealed });
  assert.ok(returnedIn < 50, `the response waited ${returnedIn} ms`);
  assert.equal(pending.length, 1, "the write runs after the response");
  const noted = Number(response.cookies.get(SESSION_SEEN_COOKIE)?.value);
  assert.ok(Math.abs(noted - Date.now()) < 5_000);
  await Promise.all(pending);
  const seen = await lastSeenOf(email);
  assert.ok(seen && Math.abs(seen.toDate().getTime() - Date.now()) < 10_000, "noted in Fauna");
});

test("a note younger than 5 minutes: no Fauna call, no cookie", async () => {
  const { email, sealed } = await signedInShopper();
  const recent = String(Date.now() - SESSION_SEEN_INTERVAL_MS + 30_000);
  const { response, pending } = request({ [SESSION_COOKIE]: sealed, [SESSION_SEEN_COOKIE]: recent });
  assert.equal(pending.length, 0);
  assert.equal(response.cookies.get(SESSION_SEEN_COOKIE), undefined);
  assert.equal(await lastSeenOf(email), null);

  const stale = String(Date.now() - SESSION_SEEN_INTERVAL_MS - 1_000);
  const again = request({ [SESSION_COOKIE]: sealed, [SESSION_SEEN_COOKIE]: stale });
  assert.equal(again.pending.length, 1);
  await Promise.all(again.pending);
  assert.notEqual(await lastSeenOf(email), null);
});

test("prefetches, signed-out requests and cookies that do not unseal note nothing", async () => {
  const { email, sealed } = await signedInShopper();
  assert.equal(request({ [SESSION_COOKIE]: sealed }, { "next-router-prefetch": "1" }).pending.length, 0);
  assert.equal(request({}).pending.length, 0);
  const forged = request({ [SESSION_COOKIE]: "Fe26.2**not-a-seal" });
  await Promise.all(forged.pending);
  assert.equal(await lastSeenOf(email), null);
});
