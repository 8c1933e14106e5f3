// The header must always tell the truth about the session, also after client-side
// navigations (the root layout is not re-rendered by them) and while a page stays open.
import { expect, test, type Page } from "@playwright/test";
import { sealData } from "iron-session";
import { readStackState } from "./support/config";
import { deleteTokensOf, productIdByName } from "./support/fauna-admin";
import { productCards, signUp, uniqueEmail } from "./support/shopper";

const SESSION_COOKIE = "storefront_session";
const SESSION_ENDS_COOKIE = "storefront_session_ends";

async function expectSignedOutHeader(page: Page) {
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Log in", exact: true })).toBeVisible();
  await expect(header.getByTestId("signed-in-as")).toHaveCount(0);
  await expect(header.getByTestId("session-expiry")).toHaveCount(0);
  await expect(header.getByRole("link", { name: "Account" })).toHaveCount(0);
  await expect(header.getByRole("button", { name: "Log out" })).toHaveCount(0);
}

/** Replaces the session cookie with one whose token "ends" at `expiresAt` (the token itself stays valid). */
async function setSessionEnd(page: Page, email: string, expiresAt: number) {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
  expect(cookie).toBeTruthy();
  const { sessionPassword } = readStackState();
  const { unsealData } = await import("iron-session");
  const current = await unsealData<{ token: string }>(cookie!.value, { password: sessionPassword });
  const sealed = await sealData({ token: current.token, expiresAt, email }, { password: sessionPassword, ttl: 3600 });
  const ends = (await page.context().cookies()).find((candidate) => candidate.name === SESSION_ENDS_COOKIE);
  expect(ends).toBeTruthy();
  await page.context().addCookies([
    { ...cookie!, value: sealed },
    { ...ends!, value: String(expiresAt) },
  ]);
}

test("sessions ended elsewhere: the next click lands on 'Your session has expired' with a signed-out header", async ({
  page,
}) => {
  const email = uniqueEmail("ended-elsewhere");
  await signUp(page, email);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);

  await deleteTokensOf(email); // "Log out of all devices" or a new password, on another device
  await productCards(page).first().getByRole("link").click(); // a client-side navigation
  await expect(page).toHaveURL(/\/login\?expired=1&next=%2Fproducts%2F\d+$/);
  await expect(page.getByText("Your session has expired")).toBeVisible();
  await expectSignedOutHeader(page);
});

test("a session that timed out says so on the login page, and the header no longer claims it", async ({ page }) => {
  const email = uniqueEmail("timed-out");
  await signUp(page, email);
  // The header watches the session cookie once the page after sign-up has rendered and
  // hydrated; a cookie changed before that ends the session there (next=/products) instead of
  // at the click below.
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  await page.waitForLoadState("networkidle");

  // The cookie outlives the token, so the shop can still tell "expired" from "never signed in".
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
  expect(cookie!.expires * 1000).toBeGreaterThan(Date.now() + 2 * 60 * 60 * 1000);

  await setSessionEnd(page, email, Date.now() - 1000); // what the browser holds an hour later
  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page).toHaveURL(/\/login\?expired=1&next=%2Forders$/);
  await expect(page.getByText("Your session has expired")).toBeVisible();
  await expectSignedOutHeader(page);
});

test("the header signs out by itself when the session ends while the page is open", async ({ page }) => {
  const email = uniqueEmail("ends-open");
  await signUp(page, email);
  await setSessionEnd(page, email, Date.now() + 4000);
  const cups = await productIdByName("cups");
  await page.goto(`/products/${cups}`);
  await expect(page.getByTestId("session-expiry")).toHaveText("Session ends in 1 min");

  await expect(page).toHaveURL(new RegExp(`/login\\?expired=1&next=%2Fproducts%2F${cups}$`), { timeout: 15_000 });
  await expect(page.getByText("Your session has expired")).toBeVisible();
  await expectSignedOutHeader(page);
});

test("logging out in one tab signs the header out in the other at its next click", async ({ page, context }) => {
  await signUp(page, uniqueEmail("two-tabs"));
  const other = await context.newPage();
  await other.goto("/account");
  await other.getByRole("button", { name: "Log out" }).first().click();
  await expect(other).toHaveURL(/\/$/);

  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Forders$/);
  await expect(page.getByText("Your session has expired")).toHaveCount(0);
  await expectSignedOutHeader(page);
});
