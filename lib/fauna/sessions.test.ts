import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { isTokenAccepted, logInCustomer, signUpCustomer } from "./auth.ts";
import { endSession, listSessions, markSessionSeen } from "./sessions.ts";
import { startTestFauna, testClient, uniqueEmail, type TestFauna } from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

test("a shopper's sessions show the device and sign-in time; ending one signs that device out", async () => {
  const email = uniqueEmail("devices");
  await signUpCustomer(email, "correct horse", testClient());
  const phone = await logInCustomer(email, "correct horse", testClient("Safari on iPhone"));
  const laptop = await logInCustomer(email, "correct horse", testClient("Firefox on Linux"));

  const sessions = await listSessions(laptop.secret);
  assert.deepEqual(
    sessions.map(({ device, current }) => ({ device, current })),
    [
      { device: "Firefox on Linux", current: true },
      { device: "Safari on iPhone", current: false },
    ],
  );
  for (const session of sessions) {
    assert.ok(session.signedInAt instanceof Date && Date.now() - session.signedInAt.getTime() < 60_000);
    assert.ok(session.expiresAt instanceof Date && session.expiresAt.getTime() > Date.now() + 58 * 60_000);
  }

  const phoneSession = sessions.find((session) => !session.current)!;
  assert.deepEqual(await endSession(laptop.secret, phoneSession.id), { ended: true, current: false });
  assert.equal(await isTokenAccepted(phone.secret), false);
  assert.equal(await isTokenAccepted(laptop.secret), true);
  assert.deepEqual(await endSession(laptop.secret, phoneSession.id), { ended: false, current: false });
});

test("a session is last seen when it signed in until markSessionSeen notes it, at most once per 5 minutes", async () => {
  const email = uniqueEmail("last-seen");
  await signUpCustomer(email, "correct horse", testClient());
  const token = await logInCustomer(email, "correct horse", testClient("Chrome on Android"));
  const [fresh] = await listSessions(token.secret);
  assert.deepEqual(fresh!.lastSeenAt, fresh!.signedInAt);

  const first = await markSessionSeen(token.secret);
  assert.equal(first.touched, true);
  assert.ok(first.lastSeenAt.getTime() >= fresh!.signedInAt!.getTime());
  assert.deepEqual(await markSessionSeen(token.secret), { touched: false, lastSeenAt: first.lastSeenAt });
  const [seen] = await listSessions(token.secret);
  assert.deepEqual(seen!.lastSeenAt, first.lastSeenAt);
});
