import { expect, type Page } from "@playwright/test";

let counter = 0;
export const uniqueEmail = (label: string) => `${label}-${Date.now()}-${process.pid}-${++counter}@example.com`;

export const PASSWORD = "correct horse battery";

/** Fills the sign-up form: email, password and its confirmation (the same unless told). */
export async function fillSignUp(page: Page, email: string, password = PASSWORD, confirmation = password) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(confirmation);
}

export async function signUp(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signup");
  await fillSignUp(page, email, password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/products$/);
}

export async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Log in", exact: true })).toBeVisible();
}

export const productCards = (page: Page) => page.locator("li[data-product-id]");
