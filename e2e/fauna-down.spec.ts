// Fauna dying under a running shop: pages give up within the app's deadline with a 5xx
// and the "temporarily unavailable" page, and log-out says it could not end the session.
// These specs run their own `next start` behind a Fauna they can cut, so the other specs
// keep a healthy stack.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { fql } from "fauna";
import { readStackState } from "./support/config";
import { adminQuery, productIdByName } from "./support/fauna-admin";
import { startExtraApp, type ExtraApp } from "./support/extra-app";
import { startFaunaSwitch, type FaunaSwitch } from "./support/fauna-switch";
import { productCards, signUp, uniqueEmail } from "./support/shopper";

const SESSION_COOKIE = "storefront_session";
// The app waits this long for Fauna to run a query; its deadline is 2 s above (lib/fauna/client.ts).
const QUERY_TIMEOUT_MS = 2_000;
const DEADLINE_MS = QUERY_TIMEOUT_MS + 2_000;
// Rendering, hydration and the browser on a busy 2-core machine; less than a second deadline.
const SLACK_MS = 3_000;

test.describe.configure({ mode: "serial" });

let fauna: FaunaSwitch;
let app: ExtraApp;

test.beforeAll(async () => {
  fauna = await startFaunaSwitch(readStackState().faunaEndpoint);
  app = await startExtraApp({ FAUNA_ENDPOINT: fauna.url, FAUNA_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) });
});

test.afterAll(async () => {
  await app?.stop();
  await fauna?.close();
});

test.afterEach(() => fauna.up());

async function shopperOnTheExtraApp(browser: Browser): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  const email = uniqueEmail("down");
  await signUp(page, email);
  return { context, page, email };
}

const tokensOf = (email: string) =>
  adminQuery<number>(fql`Token.byDocument(Customer.byEmail(${email}).first()!).count()`);

test("with Fauna gone, every page answers 5xx with the unavailable page within the deadline, and recovers", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { context, page } = await shopperOnTheExtraApp(browser);
  const productId = await productIdByName("cups");

  fauna.down();
  for (const path of [
    "/products",
    "/products?sort=name",
    `/products/${productId}`,
    "/account",
    "/cart",
    "/orders",
    "/",
  ]) {
    const started = Date.now();
    const response = await page.goto(path);
    expect(response?.status(), path).toBeGreaterThanOrEqual(500);
    expect(response?.status(), path).toBeLessThan(600);
    expect(Date.now() - started, path).toBeLessThan(DEADLINE_MS + SLACK_MS);
    await expect(page.getByRole("heading", { name: "The shop is temporarily unavailable" }), path).toBeVisible();
  }

  // "Try again" on the error page fetches the page again once Fauna is back. (For a
  // second after a call ran into the deadline, calls fail at once: lib/fauna/deadline.ts.)
  fauna.up();
  await expect(async () => {
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "Fresh in the catalog" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(productCards(page)).toHaveCount(4);
  const response = await page.goto("/products");
  expect(response?.status()).toBe(200);
  await expect(productCards(page).first()).toBeVisible();
  await context.close();
});

test("log-out that cannot reach Fauna keeps the session, says so, and a retry ends it", async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page, email } = await shopperOnTheExtraApp(browser);
  expect(await tokensOf(email)).toBe(1);

  fauna.down();
  await page.getByRole("button", { name: "Log out" }).click();
  const alert = page.getByRole("banner").getByRole("alert");
  await expect(alert).toContainText("We couldn't end your session on the server.");
  await expect(alert).toContainText("Log out of all devices");
  // Still signed in, visibly, with the cookie a retry needs.
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  expect((await context.cookies()).some(({ name }) => name === SESSION_COOKIE)).toBe(true);
  expect(await tokensOf(email)).toBe(1);

  fauna.up();
  await expect(async () => {
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page).toHaveURL(/\/$/, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("link", { name: "Log in", exact: true })).toBeVisible();
  expect((await context.cookies()).some(({ name }) => name === SESSION_COOKIE)).toBe(false);
  expect(await tokensOf(email)).toBe(0);
  await context.close();
});
