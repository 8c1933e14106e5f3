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

/** A client address of its own, as the app reads it (the last X-Forwarded-For entry). */
export const uniqueClientIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 256)).join(".")}`;

/**
 * Makes the page's requests come from an address of their own, so the per-address
 * limits (sign-ups, failed log-ins, mails) count each test apart, as real shoppers are.
 */
export async function adoptOwnClientAddress(page: Page, ip = uniqueClientIp()) {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": ip });
  return ip;
}

export async function signUp(page: Page, email: string, password = PASSWORD) {
  await adoptOwnClientAddress(page);
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
