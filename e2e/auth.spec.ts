import { expect, test } from "@playwright/test";
import { logIn, logOut, PASSWORD, productCards, signUp, uniqueEmail } from "./support/shopper";

const STORES = /Party Supplies|Foggy Bottom Market|DogExpress/;

test("sign up lands on the catalog with store names; after log-out the catalog redirects to login", async ({
  page,
}) => {
  const email = uniqueEmail("signup");
  await signUp(page, email);

  await expect(page.getByRole("heading", { name: "Shop all products" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  const cards = productCards(page);
  await expect(cards).toHaveCount(12);
  for (const card of await cards.all()) await expect(card).toContainText(STORES);
  await expect(page.getByText("Translucent 9 Oz, 100 ct")).toBeVisible();

  await logOut(page);
  await page.goto("/products");
  await expect(page).toHaveURL(/\/login\?next=%2Fproducts$/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});

test("a shopper who logged out can log in again", async ({ page }) => {
  const email = uniqueEmail("again");
  await signUp(page, email);
  await logOut(page);

  await page.goto("/login");
  await logIn(page, email);
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  await expect(productCards(page).first()).toBeVisible();
});

test("a wrong password and an unknown email show the same error", async ({ page }) => {
  const email = uniqueEmail("wrong");
  await signUp(page, email);
  await logOut(page);

  await page.goto("/login");
  await logIn(page, email, "not the password");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("Invalid email or password.");
  await expect(page).toHaveURL(/\/login$/);

  await page.goto("/login");
  await logIn(page, uniqueEmail("nobody"), PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
});

test("signing up with an email that has an account shows the duplicate error", async ({ page, browser }) => {
  const email = uniqueEmail("duplicate");
  await signUp(page, email);

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto("/signup");
  await second.getByLabel("Email").fill(email.toUpperCase());
  await second.getByLabel("Password").fill("another password");
  await second.getByRole("button", { name: "Sign up" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toHaveText("An account with this email already exists.");
  await expect(second.getByLabel("Email")).toHaveValue(email.toUpperCase());
  await other.close();
});

test("a bad email and an empty password are field errors", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await page.goto("/signup");
  await page.getByLabel("Email").fill("shopper@example.com");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Choose a password.")).toBeVisible();
});

test("the account page shows the shopper's email and logs out", async ({ page }) => {
  const email = uniqueEmail("account");
  await signUp(page, email);
  await page.goto("/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await page.getByRole("main").getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});
