// A shopper's sessions are their tokens (schema/sessions.fsl): listed with the device
// UserLogin stored, ended one by one, and never anyone else's.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type TimeStub } from "fauna";
import {
  appKey,
  errorOf,
  logIn,
  queryAs,
  signUp,
  startTestFauna,
  UNCHECKED,
  uniqueEmail,
  type TestFauna,
} from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

type Session = {
  id: string;
  device: string;
  signedInAt: TimeStub | null;
  lastSeenAt: TimeStub | null;
  expiresAt: TimeStub | null;
  current: boolean;
};

const PASSWORD = "correct horse";

async function signedIn(email: string, device: string) {
  const result = await logIn(fauna, email, PASSWORD, { device });
  if (!result.ok) throw new Error(`log-in failed: ${result.reason}`);
  return result.secret;
}

test("SessionList shows the caller's sessions with their device, newest first, this one marked, no secrets", async () => {
  const email = uniqueEmail("sessions");
  await signUp(fauna, email, PASSWORD);
  const phone = await signedIn(email, "Safari on iPhone");
  const laptop = await signedIn(email, "Firefox on Linux");
  const other = uniqueEmail("other");
  await signUp(fauna, other, PASSWORD);
  await signedIn(other, "Chrome on Windows"); // another shopper's session is never listed

  const sessions = await queryAs<Session[]>(fauna, phone, fql`SessionList()`);
  assert.deepEqual(
    sessions.map(({ device, current }) => ({ device, current })),
    [
      { device: "Firefox on Linux", current: false },
      { device: "Safari on iPhone", current: true },
    ],
  );
  assert.ok(
    !JSON.stringify(sessions).includes(laptop) && !JSON.stringify(sessions).includes(phone),
    "no secret is listed",
  );
  assert.deepEqual(Object.keys(sessions[0]!).sort(), [
    "current",
    "device",
    "expiresAt",
    "id",
    "lastSeenAt",
    "signedInAt",
  ]);
});

test("EndSession ends one of the caller's own sessions, and only those", async () => {
  const email = uniqueEmail("end");
  await signUp(fauna, email, PASSWORD);
  const here = await signedIn(email, "Chrome on Windows");
  const there = await signedIn(email, "Chrome on Android");
  const victimEmail = uniqueEmail("victim");
  await signUp(fauna, victimEmail, PASSWORD);
  const victim = await signedIn(victimEmail, "Edge on Windows");
  const victimSession = (await queryAs<Session[]>(fauna, victim, fql`SessionList()`))[0]!.id;

  assert.deepEqual(await queryAs(fauna, here, fql`EndSession(${victimSession})`), { ended: false, current: false });
  assert.equal(await queryAs(fauna, victim, fql`1`), 1, "another shopper's session is untouched");
  assert.deepEqual(await queryAs(fauna, here, fql`EndSession("not an id")`), { ended: false, current: false });

  const thereId = (await queryAs<Session[]>(fauna, here, fql`SessionList()`)).find((session) => !session.current)!.id;
  assert.deepEqual(await queryAs(fauna, here, fql`EndSession(${thereId})`), { ended: true, current: false });
  assert.equal((await errorOf(queryAs(fauna, there, fql`null`))).httpStatus, 401, "that browser is signed out");
  assert.equal((await queryAs<Session[]>(fauna, here, fql`SessionList()`)).length, 1);

  const hereId = (await queryAs<Session[]>(fauna, here, fql`SessionList()`))[0]!.id;
  assert.deepEqual(await queryAs(fauna, here, fql`EndSession(${hereId})`), { ended: true, current: true });
  assert.equal((await errorOf(queryAs(fauna, here, fql`null`))).httpStatus, 401);
});

test("the app key has no sessions to list, end or mark as seen", async () => {
  for (const query of [fql`SessionList()`, fql`EndSession("1")`, fql`SessionSeen()`]) {
    assert.equal((await errorOf(queryAs(fauna, appKey(), query))).code, "permission_denied");
  }
});

type Seen = { touched: boolean; lastSeenAt: TimeStub };

/** Every token of these shoppers and their Customer documents, as an operator sees them. */
async function snapshot(emails: string[]) {
  const { data } = await fauna.admin.query(fql`
    ${emails}.map(email => {
      let customer = Customer.byEmail(email).first()!
      {
        customer: { ts: customer.ts, data: customer { email, emailVerifiedAt } },
        tokens: Token.byDocument(customer).toArray().map(t => { id: t.id, ts: t.ts, ttl: t.ttl, data: t.data }).order(.id)
      }
    })
  `);
  return JSON.parse(JSON.stringify(data)) as {
    customer: unknown;
    tokens: { id: string; ts: { isoString: string }; ttl: unknown; data: Record<string, unknown> }[];
  }[];
}

const tokenIdOf = async (secret: string) => queryAs<string>(fauna, secret, fql`Query.token()!.id`);

/** Moves a token's last-seen note into the past, as if the shopper had been away. */
const backdate = (id: string, minutes: number) =>
  fauna.admin.query(
    fql`Token.byId(${id})!.update({ data: { lastSeenAt: Time.now().subtract(${minutes}, "minutes") } })`,
  );

test("SessionSeen writes lastSeenAt on the caller's own token only, keeping its device, sign-in time and expiry", async () => {
  const email = uniqueEmail("seen");
  await signUp(fauna, email, PASSWORD);
  const here = await signedIn(email, "Firefox on Linux");
  await signedIn(email, "Safari on iPhone"); // the same shopper's other session
  const otherEmail = uniqueEmail("seen-other");
  await signUp(fauna, otherEmail, PASSWORD);
  await signedIn(otherEmail, "Chrome on Windows");
  const hereId = await tokenIdOf(here);
  const [before, otherBefore] = await snapshot([email, otherEmail]);

  const seen = await queryAs<Seen>(fauna, here, fql`SessionSeen()`);
  assert.equal(seen.touched, true);
  const [after, otherAfter] = await snapshot([email, otherEmail]);

  assert.deepEqual(otherAfter, otherBefore, "another shopper's tokens and document are untouched");
  assert.deepEqual(after!.customer, before!.customer, "the shopper's own Customer document is untouched");
  for (const token of after!.tokens) {
    const was = before!.tokens.find(({ id }) => id === token.id)!;
    if (token.id !== hereId) {
      assert.deepEqual(token, was, "the shopper's other session is untouched");
      continue;
    }
    assert.deepEqual(
      { ...token.data, lastSeenAt: undefined },
      { ...was.data, lastSeenAt: undefined },
      "device and sign-in time kept",
    );
    assert.deepEqual(token.ttl, was.ttl, "the session's expiry is not extended");
    assert.equal((token.data.lastSeenAt as { isoString: string }).isoString, seen.lastSeenAt.isoString);
  }
  const listed = await queryAs<Session[]>(fauna, here, fql`SessionList()`);
  assert.equal(listed.find((session) => session.current)!.lastSeenAt!.isoString, seen.lastSeenAt.isoString);
  const other = listed.find((session) => !session.current)!;
  assert.equal(other.lastSeenAt!.isoString, other.signedInAt!.isoString, "never seen: its sign-in time");
});

test("SessionSeen writes at most once per 5 minutes, whoever calls it how often", async () => {
  const email = uniqueEmail("seen-often");
  await signUp(fauna, email, PASSWORD);
  const secret = await signedIn(email, "Chrome on Android");
  const id = await tokenIdOf(secret);
  const first = await queryAs<Seen>(fauna, secret, fql`SessionSeen()`);
  assert.equal(first.touched, true);
  const [written] = await snapshot([email]);

  for (let i = 0; i < 3; i++) {
    const again = await queryAs<Seen>(fauna, secret, fql`SessionSeen()`);
    assert.deepEqual(again, { touched: false, lastSeenAt: first.lastSeenAt });
  }
  assert.deepEqual(await snapshot([email]), [written], "no write within 5 minutes");

  await backdate(id, 4);
  assert.equal((await queryAs<Seen>(fauna, secret, fql`SessionSeen()`)).touched, false, "4 minutes ago is recent");
  await backdate(id, 6);
  const later = await queryAs<Seen>(fauna, secret, fql`SessionSeen()`);
  assert.equal(later.touched, true, "6 minutes ago is due");
  assert.ok(later.lastSeenAt.toDate().getTime() > Date.now() - 60_000, "noted as now");
});

test("SessionSeen cannot be pointed at another token, and other identities cannot call it", async () => {
  const email = uniqueEmail("seen-victim");
  await signUp(fauna, email, PASSWORD);
  await signedIn(email, "Edge on Windows");
  const attacker = uniqueEmail("seen-attacker");
  await signUp(fauna, attacker, PASSWORD);
  const attackerToken = await signedIn(attacker, "Firefox on Linux");
  const victimBefore = await snapshot([email]);

  // It takes no argument, so there is nothing to name another token with.
  const extra = await errorOf(queryAs(fauna, attackerToken, fql`SessionSeen(${"1"})`, UNCHECKED));
  assert.equal(extra.code, "invalid_function_invocation");
  // The app key (no token, no identity) and a reset link's token are refused.
  assert.equal((await errorOf(queryAs(fauna, appKey(), fql`SessionSeen()`))).code, "permission_denied");
  const { data: linkSecret } = await fauna.admin.query<string>(fql`
    RequestPasswordReset(${email}, "10.9.9.9").secret
  `);
  assert.equal((await errorOf(queryAs(fauna, linkSecret, fql`SessionSeen()`))).code, "permission_denied");
  assert.deepEqual(await snapshot([email]), victimBefore, "the victim's tokens are untouched");
});
