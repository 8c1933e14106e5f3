// POST /api/login and /api/signup as the route handlers run them (lib/auth/post.ts),
// against an in-process local Fauna: statuses, Retry-After, the no-JavaScript 303s.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { unsealData } from "iron-session";
import { startTestFauna, uniqueEmail, type TestFauna } from "../fauna/test-support.ts";
import { FLASH_COOKIE, readFlash } from "./flash.ts";
import { handleAuthPost, unreadableForm } from "./post.ts";

const PASSWORD = "correct horse battery";
const ORIGIN = "http://shop.test";

let fauna: TestFauna;
before(async () => {
  process.env.SESSION_PASSWORD ||= "a test session password of at least 32 characters";
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

let ipCounter = 0;
const newIp = () => `10.77.${Math.floor(++ipCounter / 256) % 256}.${ipCounter % 256}`;

type Post = { origin?: string | null; ip?: string; as?: "json" | "form" | "text" };

function post(
  path: "login" | "signup",
  fields: Record<string, string>,
  { origin = ORIGIN, ip = newIp(), as = "json" }: Post = {},
) {
  const headers: Record<string, string> = {
    host: "shop.test",
    "x-forwarded-for": ip,
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "content-type":
      as === "json" ? "application/json" : as === "form" ? "application/x-www-form-urlencoded" : "text/plain",
  };
  if (origin) headers.origin = origin;
  const body = as === "json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
  return handleAuthPost(path, new Request(`${ORIGIN}/api/${path}`, { method: "POST", headers, body }));
}

async function signedUp(email = uniqueEmail("post")) {
  const { response } = await post("signup", { email, password: PASSWORD, confirmPassword: PASSWORD });
  assert.equal(response.status, 200);
  return email;
}

/** The flash cookie a 303 carries, as the form page would read it. */
async function flashOf(response: Response, form: "login" | "signup") {
  const cookie = response.headers.get("set-cookie") ?? "";
  const sealed = new RegExp(`${FLASH_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  assert.ok(sealed, `no flash cookie in ${cookie}`);
  assert.match(cookie, /Max-Age=60;.*HttpOnly; SameSite=Lax/);
  return { state: await readFlash(form, sealed), sealed };
}

/** N from "Too many attempts — try again in N seconds." (or minutes, in seconds). */
function waitIn(message: string | undefined): number {
  const match = /try again in (\d+) (second|seconds|minutes)\.$/.exec(message ?? "");
  assert.ok(match, `not a wait: ${message}`);
  return Number(match[1]) * (match[2] === "minutes" ? 60 : 1);
}

async function failFiveTimes(email: string, ip: string) {
  for (let i = 0; i < 5; i++) {
    const { response } = await post("login", { email, password: `guess ${i}` }, { ip });
    assert.equal(response.status, 400);
  }
}

test("a log-in answers 200 with where to go next, and hands the token to the route to store", async () => {
  const email = await signedUp();
  const { response, token } = await post("login", { email, password: PASSWORD, next: "/orders?page=2" });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("cache-control"), "no-store");
  assert.deepEqual(await response.json(), { done: true, redirectTo: "/orders?page=2" });
  assert.ok(token && token.email === email && token.expiresAt.getTime() > Date.now());

  // A `next` that would leave the site is dropped.
  const offSite = await post("login", { email, password: PASSWORD, next: "/a/..//evil.example" });
  assert.deepEqual(await offSite.response.json(), { done: true, redirectTo: "/products" });
});

test("a throttled log-in is 429 with Retry-After: the N seconds its message shows", async () => {
  const email = await signedUp();
  const ip = newIp();
  await failFiveTimes(email, ip);
  const { response, token } = await post("login", { email, password: PASSWORD }, { ip });
  assert.equal(token, undefined);
  assert.equal(response.status, 429);
  const { message } = (await response.json()) as { message: string };
  assert.match(message, /^Too many attempts — try again in 1[0-5] seconds\.$/);
  const retryAfter = response.headers.get("retry-after");
  assert.match(retryAfter ?? "", /^\d+$/);
  assert.equal(Number(retryAfter), waitIn(message));
});

test("refusals carry the form's message or field errors with a fitting status, and never a password", async () => {
  const email = await signedUp();
  const wrong = await post("login", { email, password: "not the password" });
  assert.equal(wrong.response.status, 400);
  assert.deepEqual(await wrong.response.json(), { message: "Invalid email or password." });

  const blank = await post("login", { email: "", password: "" });
  assert.equal(blank.response.status, 400);
  const { fieldErrors } = (await blank.response.json()) as { fieldErrors: Record<string, string[]> };
  assert.deepEqual(Object.keys(fieldErrors).sort(), ["email", "password"]);

  const taken = await post("signup", { email, password: PASSWORD, confirmPassword: PASSWORD });
  assert.equal(taken.response.status, 409);
  assert.deepEqual(await taken.response.json(), { message: "An account with this email already exists." });

  const mismatch = await post("signup", { email: uniqueEmail("typo"), password: PASSWORD, confirmPassword: "other" });
  assert.equal(mismatch.response.status, 400);
  const body = await mismatch.response.text();
  assert.deepEqual(JSON.parse(body), { fieldErrors: { confirmPassword: ["The two passwords are not the same."] } });
  assert.ok(!body.includes(PASSWORD));
});

test("a sign-up answers 200, hands over the token and the account whose link is to be mailed", async () => {
  const email = uniqueEmail("new");
  const { response, token, account } = await post("signup", {
    email: ` ${email.toUpperCase()}`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    next: "/cart",
  });
  assert.equal(response.status, 200);
  const body = await response.text();
  assert.deepEqual(JSON.parse(body), { done: true, redirectTo: "/cart" });
  assert.equal(token?.email, email);
  assert.equal(account?.email, email);
  assert.ok(account.verificationSecret.length > 20);
  assert.ok(!body.includes(account.verificationSecret) && !body.includes(token.secret), "no secret in the answer");
});

test("the 11th sign-up from one address in an hour is 429 with Retry-After in seconds", async () => {
  const ip = newIp();
  for (let i = 0; i < 10; i++) {
    const { response } = await post(
      "signup",
      { email: uniqueEmail(`many${i}`), password: PASSWORD, confirmPassword: PASSWORD },
      { ip },
    );
    assert.equal(response.status, 200, `sign-up ${i + 1}`);
  }
  const { response, token } = await post(
    "signup",
    { email: uniqueEmail("one-more"), password: PASSWORD, confirmPassword: PASSWORD },
    { ip },
  );
  assert.equal(token, undefined);
  assert.equal(response.status, 429);
  const { message } = (await response.json()) as { message: string };
  assert.match(message, /^Too many attempts — try again in (59|60) minutes\.$/);
  const retryAfter = Number(response.headers.get("retry-after"));
  assert.ok(Number.isInteger(retryAfter) && retryAfter > 3500 && retryAfter <= 3600, String(retryAfter));
  assert.equal(Math.ceil(retryAfter / 60) * 60, waitIn(message), "the minutes the message shows");
});

test("without JavaScript: 303 on to `next` once signed in, else 303 back to the form with a flash of what to show", async () => {
  const email = await signedUp();
  const signedIn = await post("login", { email, password: PASSWORD, next: "/orders" }, { as: "form" });
  assert.equal(signedIn.response.status, 303);
  assert.equal(signedIn.response.headers.get("location"), "/orders");
  assert.ok(signedIn.token);

  const wrong = await post("login", { email, password: "not the password", next: "/orders" }, { as: "form" });
  assert.equal(wrong.response.status, 303);
  assert.equal(wrong.response.headers.get("location"), "/login?next=%2Forders");
  const { state, sealed } = await flashOf(wrong.response, "login");
  assert.deepEqual(state, { email, message: "Invalid email or password." });
  assert.equal(await readFlash("signup", sealed), undefined, "only for the form it came from");
  const opened = await unsealData(sealed, { password: process.env.SESSION_PASSWORD! });
  assert.ok(!JSON.stringify(opened).includes("not the password"), "no password in the flash");

  const guessed = await signedUp();
  const ip = newIp();
  await failFiveTimes(guessed, ip);
  const throttled = await post("login", { email: guessed, password: PASSWORD }, { as: "form", ip });
  assert.equal(throttled.response.status, 303);
  assert.equal(throttled.response.headers.get("location"), "/login");
  assert.match((await flashOf(throttled.response, "login")).state?.message ?? "", /^Too many attempts — try again in/);

  const mismatch = await post(
    "signup",
    { email: uniqueEmail("nojs"), password: PASSWORD, confirmPassword: "other", next: "/cart" },
    { as: "form" },
  );
  assert.equal(mismatch.response.headers.get("location"), "/signup?next=%2Fcart");
  assert.deepEqual((await flashOf(mismatch.response, "signup")).state?.fieldErrors, {
    confirmPassword: ["The two passwords are not the same."],
  });
});

test("posts from another origin, or without one, are refused before anything runs", async () => {
  const email = await signedUp();
  for (const origin of ["https://evil.example", "null", null]) {
    for (const as of ["json", "form"] as const) {
      const { response, token } = await post("login", { email, password: PASSWORD }, { origin, as });
      assert.equal(response.status, 403, `${origin} ${as}`);
      assert.equal(token, undefined);
      assert.equal(response.headers.get("set-cookie"), null);
    }
  }
});

test("a body that is too big or not a form is refused with a sentence, not read", async () => {
  const huge = await post("login", { email: "a@example.com", password: "x".repeat(20_000) });
  assert.equal(huge.response.status, 400);
  assert.deepEqual(await huge.response.json(), { message: unreadableForm });

  const text = await post("login", { email: "a@example.com", password: "x" }, { as: "text" });
  assert.equal(text.response.status, 303);
  assert.equal((await flashOf(text.response, "login")).state?.message, unreadableForm);
});
