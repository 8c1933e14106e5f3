import { expect, test, type Browser, type Page } from "@playwright/test";
import { sealData } from "iron-session";
import { readStackState } from "./support/config";
import { adminQuery, productIdByName } from "./support/fauna-admin";
import {
  adoptOwnClientAddress,
  fillSignUp,
  logIn,
  PASSWORD,
  productCards,
  signUp,
  uniqueEmail,
} from "./support/shopper";
import { fql } from "fauna";

const SESSION_COOKIE = "storefront_session";
const NEW_PASSWORD = "a fresh pass phrase 42";

async function signedInElsewhere(browser: Browser, email: string, password = PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, email, password);
  await expect(page).toHaveURL(/\/products$/);
  return { page, close: () => context.close() };
}

/** Submits the login form and returns /api/login's answer once the form shows it. */
async function submitLogIn(page: Page, email: string, password: string) {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/api/login",
  );
  await logIn(page, email, password);
  const response = await answered;
  // React resets the form once the action's state arrives; typing before that would be lost.
  await expect(page.getByLabel("Password")).toHaveValue("");
  return response;
}

/** N from "Too many attempts — try again in N seconds." */
const secondsIn = (message: string | null) => Number(/try again in (\d+) seconds?\.$/.exec(message ?? "")?.[1]);

async function expectSessionExpiredLogin(page: Page, next: string) {
  await expect(page).toHaveURL(new RegExp(`/login\\?expired=1&next=${encodeURIComponent(next)}$`));
  await expect(page.getByText("Your session has expired")).toBeVisible();
}

test("an email typed with capitals and spaces is one account", async ({ page }) => {
  const email = uniqueEmail("mixed");
  await page.goto("/signup");
  await fillSignUp(page, `  ${email.toUpperCase()} `);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
});

test("sign-up shows the strength of the password and refuses weak and over-long ones", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password", { exact: true }).fill("password1");
  await expect(page.getByTestId("password-strength")).toContainText("Very weak");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.locator("#field-password-error")).toHaveText(
    "This is a commonly used password. Add another word or two; uncommon words are best.",
  );

  await page.getByLabel("Password", { exact: true }).fill("é".repeat(37));
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.locator("#field-password-error")).toHaveText(
    "Use at most 72 bytes (fewer characters if it has accents or emoji).",
  );

  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await expect(page.getByTestId("password-strength")).toContainText("strong", { ignoreCase: true });
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/products$/);
});

test("after 5 failed log-ins even the right password waits, for known and unknown emails alike", async ({ page }) => {
  const email = uniqueEmail("brute");
  await signUp(page, email);
  await page.context().clearCookies();

  for (const target of [email, uniqueEmail("nobody")]) {
    await page.goto("/login");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitLogIn(page, target, `guess number ${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    }
    const refused = await submitLogIn(page, target, PASSWORD);
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toHaveText(/^Too many attempts — try again in 1[0-5] seconds\.$/);
    await expect(page).toHaveURL(/\/login$/);
    // The HTTP side: 429 with Retry-After, the same number of seconds the page shows.
    expect(refused.status()).toBe(429);
    expect(refused.headers()["retry-after"]).toMatch(/^\d+$/);
    expect(Number(refused.headers()["retry-after"])).toBe(secondsIn(await alert.textContent()));
  }
});

test("changing the password on /account ends the other sessions and keeps this one", async ({ page, browser }) => {
  // Two browsers, two log-ins and a password change: 42 s of the default 45 in one CI run.
  test.setTimeout(90_000);
  const email = uniqueEmail("change");
  await signUp(page, email);
  const other = await signedInElsewhere(browser, email);

  await page.goto("/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-currentPassword-error")).toHaveText("Your current password is not correct.");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("12345678");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-newPassword-error")).toContainText("commonly used password");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. Every other device has been logged out.");

  await page.goto("/products");
  await expect(productCards(page).first()).toBeVisible();

  await other.page.goto("/products?sort=name");
  await expectSessionExpiredLogin(other.page, "/products?sort=name");
  await logIn(other.page, email, PASSWORD);
  await expect(other.page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
  await logIn(other.page, email, NEW_PASSWORD);
  await expect(other.page).toHaveURL(/\/products\?sort=name$/);
  await other.close();
});

test("'Log out of all devices' sends every other browser to the session-expired login", async ({ page, browser }) => {
  const email = uniqueEmail("all-devices");
  await signUp(page, email);
  const other = await signedInElsewhere(browser, email);

  await page.goto("/account");
  await page.getByRole("button", { name: "Log out of all devices" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  await other.page.goto("/account");
  await expectSessionExpiredLogin(other.page, "/account");
  await expect(other.page.getByTestId("signed-in-as")).toHaveCount(0);
  await other.close();
});

test("the header shows when the 60-minute session ends", async ({ page }) => {
  await signUp(page, uniqueEmail("expiry"));
  await expect(page.getByTestId("session-expiry")).toHaveText(/^Session ends in (59|60) min$/);
});

test("an expired session keeps the page the shopper wanted and returns there after log-in", async ({ page }) => {
  const email = uniqueEmail("expired");
  await signUp(page, email);
  const productPath = `/products/${await productIdByName("cups")}`;

  // The cookie still holds a session, but its token's hour is over.
  const { sessionPassword } = readStackState();
  const staleToken = await adminQuery<string>(fql`
    Token.create({ document: Customer.byEmail(${email}).first()!, ttl: Time.now().add(1, "second") }).secret
  `);
  const sealed = await sealData(
    { token: staleToken, expiresAt: Date.now() - 1_000, email },
    { password: sessionPassword, ttl: 3600 },
  );
  await page.context().clearCookies();
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: sealed, url: page.url(), httpOnly: true, secure: true }]);

  await page.goto(`${productPath}`);
  await expectSessionExpiredLogin(page, `${productPath}`);
  await logIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${productPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("without JavaScript, sign-up and log-in are plain form posts: refusals come back to the form, success goes on to next", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await adoptOwnClientAddress(page);
  const email = uniqueEmail("no-js");
  const alert = page.getByRole("main").getByRole("alert");

  await page.goto("/signup?next=%2Forders");
  await fillSignUp(page, email, PASSWORD, "not the same words");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/signup\?next=%2Forders$/);
  await expect(page.locator("#field-confirmPassword-error")).toHaveText("The two passwords are not the same.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  // The answer is shown once: a reload starts clean.
  await page.reload();
  await expect(page.locator("#field-confirmPassword-error")).toHaveCount(0);
  await fillSignUp(page, email);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);

  await context.clearCookies();
  await page.goto("/login?next=%2Faccount");
  await logIn(page, email, "not my password");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await expect(alert).toHaveText("Invalid email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await context.clearCookies();
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await logIn(page, email, `guess number ${attempt}`);
    await expect(alert).toHaveText("Invalid email or password.");
  }
  await logIn(page, email);
  await expect(alert).toHaveText(/^Too many attempts — try again in 1[0-5] seconds\.$/);
  await expect(page).toHaveURL(/\/login$/);
  await context.close();
});
