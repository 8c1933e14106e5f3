// Per-client-address limits (schema/rate-limits.fsl) as the app key meets them, and
// the rule that nobody but the @role(server) UDFs can see or touch the counters.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type Query, type QueryValue } from "fauna";
import {
  appKey,
  logIn,
  queryAs,
  signedInShopper,
  signUp,
  startTestFauna,
  testIp,
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

const PASSWORD = "correct horse";

test("30 failed log-ins from one address in 15 minutes, then every log-in from it waits", async () => {
  const ip = testIp();
  const shopper = uniqueEmail("stuffed");
  await signUp(fauna, shopper, PASSWORD);
  // Successful log-ins do not count.
  for (let i = 0; i < 3; i++) assert.equal((await logIn(fauna, shopper, PASSWORD, { ip })).ok, true);
  // Credential stuffing: one guess each for many emails, so no per-email wait kicks in.
  for (let i = 0; i < 30; i++) {
    assert.deepEqual(await logIn(fauna, uniqueEmail(`guess${i}`), "password123", { ip }), {
      ok: false,
      reason: "invalid",
    });
  }
  const limited = await logIn(fauna, shopper, PASSWORD, { ip });
  assert.equal(limited.ok, false);
  assert.ok(
    !limited.ok && limited.reason === "rate_limited" && limited.retryInSeconds > 890 && limited.retryInSeconds <= 900,
    JSON.stringify(limited),
  );
  assert.equal((await logIn(fauna, shopper, PASSWORD)).ok, true, "other addresses are not limited");

  const { data } = await fauna.admin.query<number>(fql`
    RateLimitHit.byBucket(${`login-ip:${ip}`}).toArray().map(hit => hit.ttl!.difference(hit.hitAt, "minutes")).distinct()
  `);
  assert.deepEqual(data, [15], "each counted failure expires after the 15-minute window");
});

test("10 sign-ups from one address an hour; taken emails count, the 11th creates nothing", async () => {
  const ip = testIp();
  const taken = uniqueEmail("taken");
  await signUp(fauna, taken, PASSWORD);
  const answers = [await signUp(fauna, taken, PASSWORD, ip)];
  for (let i = 0; i < 9; i++) answers.push(await signUp(fauna, uniqueEmail(`batch${i}`), PASSWORD, ip));
  assert.deepEqual(
    answers.map((answer) => (answer.ok ? "ok" : answer.reason)),
    ["email_taken", ...Array(9).fill("ok")],
  );

  const late = uniqueEmail("late");
  const refused = await signUp(fauna, late, PASSWORD, ip);
  assert.ok(!refused.ok && refused.reason === "rate_limited" && refused.retryInSeconds > 3590, JSON.stringify(refused));
  const created = await fauna.admin.query<number>(fql`Customer.byEmail(${late}).count()`);
  assert.equal(created.data, 0);
  assert.equal((await signUp(fauna, late, PASSWORD)).ok, true, "another address may sign up");
});

test("rate-limit counters are unreadable and unwritable to the app key and to shoppers", async () => {
  const ip = testIp();
  await logIn(fauna, uniqueEmail("counted"), "wrong password", { ip });
  const shopper = await signedInShopper(fauna, uniqueEmail("curious"));
  const attempts: [string, Query<QueryValue>][] = [
    ["list RateLimitHit", fql`RateLimitHit.all().toArray()`],
    ["count RateLimitHit", fql`RateLimitHit.all().count()`],
    ["read a bucket", fql`RateLimitHit.byBucket(${`login-ip:${ip}`}).toArray()`],
    ["clear a bucket", fql`RateLimitHit.byBucket(${`login-ip:${ip}`}).forEach(.delete())`],
    ["age a counter", fql`RateLimitHit.all().forEach(hit => hit.update({ hitAt: Time.now().subtract(1, "day") }))`],
    ["add a counter", fql`RateLimitHit.create({ bucket: "login-ip:10.0.0.1", hitAt: Time.now() })`],
    ["ask how long a bucket waits", fql`RateLimitWait(${`login-ip:${ip}`}, 1, 60)`],
    ["count a hit", fql`CountRateLimitHit("login-ip:10.0.0.1", 60)`],
  ];
  for (const secret of [appKey(), shopper]) {
    for (const [label, query] of attempts) {
      let data: unknown;
      try {
        data = await queryAs(fauna, secret, query);
      } catch (error) {
        assert.equal((error as { code?: string }).code, "permission_denied", label);
        continue;
      }
      assert.ok(
        data === 0 || (Array.isArray(data) && data.length === 0) || data === null,
        `${label}: ${JSON.stringify(data)}`,
      );
    }
  }
  const { data } = await fauna.admin.query<number>(fql`RateLimitHit.byBucket(${`login-ip:${ip}`}).count()`);
  assert.equal(data, 1, "the counter is untouched");
});
