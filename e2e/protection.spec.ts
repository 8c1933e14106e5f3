import { expect, test } from "@playwright/test";
import { deleteTokensOf } from "./support/fauna-admin";
import { logIn, logOut, productCards, signUp, uniqueEmail } from "./support/shopper";

test("/products while logged out goes to login and comes back after it", async ({ page }) => {
  const email = uniqueEmail("return");
  await signUp(page, email);
  await logOut(page);

  await page.goto("/products?sort=price-desc");
  await expect(page).toHaveURL(/\/login\?next=%2Fproducts%3Fsort%3Dprice-desc$/);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/products\?sort=price-desc$/);
  await expect(page.getByRole("link", { name: "Price: high to low" })).toHaveAttribute("aria-current", "page");
});

test("a next parameter pointing off-site is ignored", async ({ page }) => {
  const email = uniqueEmail("offsite");
  await signUp(page, email);
  await logOut(page);

  await page.goto("/login?next=%2F%2Fevil.example%2Fphish");
  await logIn(page, email);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/products$/);
});

test("a cookie saved before log-out no longer shows the catalog", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("replay"));
  const saved = await page.context().cookies();
  expect(saved.length).toBeGreaterThan(0);
  await logOut(page);

  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const thief = await replay.newPage();
  await thief.goto("/products");
  await expect(thief).toHaveURL(/\/login\?/);
  await expect(productCards(thief)).toHaveCount(0);
  await expect(thief.getByTestId("signed-in-as")).toHaveCount(0);
  await replay.close();
});

test("a token deleted behind the shopper's back leads to the session-expired login", async ({ page }) => {
  const email = uniqueEmail("revoked");
  await signUp(page, email);
  await deleteTokensOf(email);

  await page.goto("/products");
  await expect(page).toHaveURL(/\/login\?expired=1&next=%2Fproducts$/);
  await expect(page.getByText("Your session has expired")).toBeVisible();
  // The dead cookie is gone: the header no longer claims anyone is signed in.
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  await logIn(page, email);
  await expect(page).toHaveURL(/\/products$/);
  await expect(productCards(page).first()).toBeVisible();
});
