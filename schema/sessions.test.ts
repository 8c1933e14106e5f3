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
  assert.deepEqual(Object.keys(sessions[0]!).sort(), ["current", "device", "expiresAt", "id", "signedInAt"]);
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

test("the app key has no sessions to list or end", async () => {
  for (const query of [fql`SessionList()`, fql`EndSession("1")`]) {
    assert.equal((await errorOf(queryAs(fauna, appKey(), query))).code, "permission_denied");
  }
});
