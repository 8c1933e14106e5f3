import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fql } from "fauna";
import { readStackState } from "./support/config";
import { adminQuery } from "./support/fauna-admin";
import { linkIn, mailsTo, waitForMail } from "./support/mailbox";
import { logIn, logOut, PASSWORD, signUp, uniqueClientIp, uniqueEmail, adoptOwnClientAddress } from "./support/shopper";

const NEW_PASSWORD = "a fresh pass phrase 42";
const RESET_SUBJECT = "Reset your Storefront password";
const VERIFY_SUBJECT = "Verify your email";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function signedInElsewhere(browser: Browser, email: string, userAgent?: string) {
  const context = await browser.newContext(userAgent ? { userAgent, viewport: { width: 390, height: 844 } } : {});
  const page = await context.newPage();
  await adoptOwnClientAddress(page);
  await page.goto("/login");
  await logIn(page, email);
  await expect(page).toHaveURL(/\/products$/);
  return { page, close: () => context.close() };
}

async function requestResetLink(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
}

const main = (page: Page) => page.getByRole("main");

// Two browsers, a mailbox to poll and dozens of form posts: more than the default on a busy machine.
test.describe.configure({ timeout: 90_000 });

test("forgot password: the mailed link sets a new password once, ends every session, and the old password stops working", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("forgot");
  await signUp(page, email);
  const other = await signedInElsewhere(browser, email);
  await logOut(page);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(main(page).getByRole("status")).toHaveText(/^If an account exists for that email, we sent a link/);

  const mail = await waitForMail(email, RESET_SUBJECT);
  const link = linkIn(mail, "/reset-password");
  expect(new URL(link).origin).toBe(new URL(page.url()).origin); // APP_URL, not the request's Host
  const secret = decodeURIComponent(new URL(link).hash.replace("#token=", ""));

  await page.goto(link);
  // The secret is read from the fragment and dropped from the address bar.
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(main(page).getByRole("status")).toHaveText(
    "Your password has been reset. Log in with your new password.",
  );

  await logIn(page, email, PASSWORD);
  await expect(main(page).getByRole("alert")).toHaveText("Invalid email or password.");
  await logIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/products$/);

  // The other browser was signed out by the reset.
  await other.page.goto("/account");
  await expect(other.page).toHaveURL(/\/login\?expired=1&next=%2Faccount$/);
  await other.close();

  // The link works once.
  await page.goto(link);
  await expect(main(page).getByRole("alert")).toHaveText("This link has expired or was already used.");
  await expect(main(page).getByRole("button", { name: "Reset password" })).toHaveCount(0);

  const { serverLog } = readStackState();
  expect(readFileSync(serverLog, "utf8").includes(secret), "the link's secret in the server log").toBe(false);
});

test("the reset form answers the same for an email without an account, and mails nothing", async ({ page }) => {
  await adoptOwnClientAddress(page);
  const nobody = uniqueEmail("nobody");
  await requestResetLink(page, nobody);
  await expect(main(page).getByRole("status")).toHaveText(
    "If an account exists for that email, we sent a link to reset your password. It works for 30 minutes.",
  );
  await page.waitForTimeout(1_000);
  expect(await mailsTo(nobody)).toHaveLength(0);
});

test("a link that is not (or no longer) valid says so", async ({ page }) => {
  await page.goto("/reset-password#token=fnEnotarealtokensecretatallxxxxxxxxxxxxxxxxxxxxx");
  await expect(main(page).getByRole("alert")).toHaveText("This link has expired or was already used.");
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.goto("/verify-email");
  await expect(main(page).getByRole("alert")).toHaveText("This link has expired or was already used.");
});

test("sign-up mails a verification link; until it is followed the header asks, and Resend replaces it", async ({
  page,
}) => {
  const email = uniqueEmail("verify");
  await signUp(page, email);
  const notice = page.getByTestId("verify-email-notice");
  await expect(notice).toContainText("Verify your email");
  const first = await waitForMail(email, VERIFY_SUBJECT);

  await page.goto("/account");
  await expect(page.getByTestId("email-status")).toHaveText("Not verified");
  // Nothing else waits for it: the shop works as before.
  await page.goto("/products");
  await expect(page.locator("li[data-product-id]").first()).toBeVisible();

  await notice.getByRole("button", { name: "Resend" }).click();
  await expect(notice.getByRole("status")).toHaveText(`We sent a new link to ${email}.`);
  const second = await waitForMail(email, VERIFY_SUBJECT, 2);

  await page.goto(linkIn(first, "/verify-email"));
  await expect(main(page).getByRole("alert")).toHaveText("This link has expired or was already used.");

  await page.goto(linkIn(second, "/verify-email"));
  await expect(main(page).getByRole("status")).toHaveText("Email verified");
  await expect(page).toHaveURL(/\/verify-email$/);
  await expect(notice).toHaveCount(0);
  await page.goto("/account");
  await expect(page.getByTestId("email-status")).toHaveText("Verified");
});

test("a password reset also verifies the email", async ({ page }) => {
  const email = uniqueEmail("reset-verifies");
  await signUp(page, email);
  await logOut(page);
  await requestResetLink(page, email);
  await page.goto(linkIn(await waitForMail(email, RESET_SUBJECT), "/reset-password"));
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await logIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByTestId("verify-email-notice")).toHaveCount(0);
});

test("repeated reset requests for one email get 'Too many attempts' and the endpoint answers 429 with Retry-After", async ({
  page,
}) => {
  await adoptOwnClientAddress(page);
  const email = uniqueEmail("limited");
  for (let i = 0; i < 3; i++) {
    await requestResetLink(page, email);
    await expect(main(page).getByRole("status")).toContainText("If an account exists");
  }
  await requestResetLink(page, email);
  await expect(main(page).getByRole("alert")).toHaveText(/^Too many attempts — try again in (59|60) minutes\.$/);

  // The HTTP side, from one address asking for many emails: the 11th answer is 429.
  const ip = uniqueClientIp();
  const origin = new URL(page.url()).origin;
  const ask = (target: string) =>
    page.request.post("/api/password-reset", {
      headers: { Origin: origin, "Content-Type": "application/json", "X-Forwarded-For": ip },
      data: { email: target },
    });
  for (let i = 0; i < 10; i++) expect((await ask(uniqueEmail(`spray${i}`))).status()).toBe(200);
  const refused = await ask(uniqueEmail("one-more"));
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(3500);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect((await refused.json()).message).toBe("Too many attempts — try again in 60 minutes.");

  // A request from another site is refused outright.
  const forged = await page.request.post("/api/password-reset", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
    data: { email: uniqueEmail("forged") },
  });
  expect(forged.status()).toBe(403);
});

test("30 failed log-ins from one address, then 'Too many attempts' for every log-in from it", async ({ page }) => {
  const email = uniqueEmail("bystander");
  await signUp(page, email);
  await logOut(page);
  // Credential stuffing: one guess each for thirty emails, so no per-email wait kicks in.
  await page.goto("/login");
  for (let i = 0; i < 30; i++) {
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await logIn(page, uniqueEmail(`stuffed${i}`), `guess ${i}`);
    await answered;
    // React resets the form once the action's state arrives; typing before that would be lost.
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  await expect(main(page).getByRole("alert")).toHaveText("Invalid email or password.");
  await page.goto("/login");
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/api/login",
  );
  await logIn(page, email, PASSWORD);
  await expect(main(page).getByRole("alert")).toHaveText(/^Too many attempts — try again in 1[45] minutes\.$/);
  // The HTTP side: 429 with Retry-After in seconds, the minutes the page shows rounded up.
  const refused = await answered;
  expect(refused.status()).toBe(429);
  const retryAfter = refused.headers()["retry-after"] ?? "";
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThan(13 * 60);
  expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
  const minutes = /in (\d+) minutes/.exec((await main(page).getByRole("alert").textContent()) ?? "")?.[1];
  expect(Math.ceil(Number(retryAfter) / 60)).toBe(Number(minutes));
  // The same shopper from another address is not held back.
  await adoptOwnClientAddress(page);
  await page.goto("/login");
  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/products$/);
});

test("the session list shows both devices, and logging one out signs that browser out", async ({ page, browser }) => {
  const email = uniqueEmail("devices");
  await signUp(page, email);
  const phone = await signedInElsewhere(browser, email, IPHONE);

  await page.goto("/account");
  const sessions = page.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  const phoneRow = sessions.filter({ hasText: "Safari on iPhone" });
  const thisRow = sessions.filter({ hasText: "This device" });
  await expect(phoneRow).toHaveCount(1);
  await expect(thisRow).toHaveCount(1);
  await expect(thisRow).not.toContainText("Safari on iPhone");
  await expect(phoneRow).toContainText(/Signed in .* UTC/);
  await expect(phoneRow.getByTestId("last-seen")).toHaveText(/^Last seen .* UTC$/);

  await phoneRow.getByRole("button", { name: "Log out Safari on iPhone" }).click();
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toContainText("This device");

  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/login\?expired=1&next=%2Faccount$/);
  await phone.close();

  // "Log out" on this device's own row logs this browser out.
  await thisRow.getByRole("button", { name: /^Log out .* \(this device\)$/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Log in", exact: true })).toBeVisible();
});

test("the session list shows when each session was last seen, noted at most every 5 minutes", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("last-seen");
  await signUp(page, email);
  const phone = await signedInElsewhere(browser, email, IPHONE);
  const phoneToken = fql`Token.byDocument(Customer.byEmail(${email}).first()!).firstWhere(.data?.device == "Safari on iPhone")!`;
  // The phone's first page after logging in noted it (after that response).
  await expect.poll(() => adminQuery<boolean>(fql`${phoneToken}.data?.lastSeenAt != null`)).toBe(true);
  // Requests the browser had in flight before its note cookie arrived may each have asked
  // too (SessionSeen then wrote once); let those answers land before going on.
  await phone.page.waitForLoadState("networkidle");
  await phone.page.waitForTimeout(1_000);
  // As if the phone had last been used long ago (only an operator can write this).
  await adminQuery(fql`${phoneToken}.update({ data: { lastSeenAt: Time.fromString("2020-01-01T10:00:00Z") } }) { id }`);
  const phoneRow = page.getByTestId("session").filter({ hasText: "Safari on iPhone" });
  await page.goto("/account");
  await expect(phoneRow.getByTestId("last-seen")).toHaveText("Last seen Jan 1, 2020, 10:00 AM UTC");

  // Within 5 minutes of that note, more pages write nothing.
  await phone.page.goto("/orders");
  await phone.page.goto("/products?sort=name");
  await page.reload();
  await expect(phoneRow.getByTestId("last-seen")).toHaveText("Last seen Jan 1, 2020, 10:00 AM UTC");

  // Once its note is 5 minutes old (its cookie gone), the next page it opens notes it again.
  await phone.page.context().clearCookies({ name: "storefront_seen" });
  await phone.page.goto("/orders");
  await expect(async () => {
    await page.reload();
    await expect(phoneRow.getByTestId("last-seen")).not.toContainText("2020", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const today = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date());
  await expect(phoneRow.getByTestId("last-seen")).toContainText(`Last seen ${today}`);
  await phone.close();
});
