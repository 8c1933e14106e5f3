import { expect, test } from "@playwright/test";
import { fillSignUp, PASSWORD, uniqueEmail } from "./support/shopper";

test("a mistyped confirmation is caught before an account exists, and 'Show password' shows both", async ({ page }) => {
  const email = uniqueEmail("typo");
  await page.goto("/signup");
  const password = page.getByLabel("Password", { exact: true });
  const confirmation = page.getByLabel("Confirm password");

  await page.getByLabel("Show password").check();
  await expect(password).toHaveAttribute("type", "text");
  await expect(confirmation).toHaveAttribute("type", "text");
  await page.getByLabel("Show password").uncheck();
  await expect(password).toHaveAttribute("type", "password");

  await fillSignUp(page, email, PASSWORD, `${PASSWORD}x`);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.locator("#field-confirmPassword-error")).toHaveText("The two passwords are not the same.");
  await expect(confirmation).toBeFocused();
  await expect(confirmation).toHaveAttribute("aria-describedby", "field-confirmPassword-error");
  await expect(page).toHaveURL(/\/signup$/);
  // What was typed stays, so only the wrong field needs retyping.
  await expect(password).toHaveValue(PASSWORD);

  // Fixing it clears the error as soon as the two agree.
  await password.fill(PASSWORD);
  await confirmation.fill(PASSWORD.slice(0, -1));
  await expect(page.locator("#field-confirmPassword-error")).toHaveText("The two passwords are not the same.");
  await confirmation.fill(PASSWORD);
  await expect(page.locator("#field-confirmPassword-error")).toHaveCount(0);
  await expect(confirmation).toHaveAttribute("aria-invalid", "false");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/products$/);
});

test("focus goes to the first invalid field and each error clears once its field is valid", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Sign up" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toBeFocused();
  await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address.");
  await expect(page.locator("#field-password-error")).toHaveText("Choose a password.");
  await expect(page.locator("#field-confirmPassword-error")).toHaveText("Type your password again.");

  await email.fill("shopper@example");
  await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address.");
  await email.fill(uniqueEmail("fixing"));
  await expect(page.locator("#field-email-error")).toHaveCount(0);
  await expect(email).toHaveAttribute("aria-invalid", "false");

  const password = page.getByLabel("Password", { exact: true });
  await password.fill("short");
  await expect(page.locator("#field-password-error")).toHaveText("Use at least 8 characters.");
  await password.fill("password1");
  await expect(page.locator("#field-password-error")).toContainText("commonly used password");
  await password.fill(PASSWORD);
  await expect(page.locator("#field-password-error")).toHaveCount(0);
  // The untouched confirmation keeps its error until it is typed.
  await expect(page.locator("#field-confirmPassword-error")).toHaveText("Type your password again.");
});

test("the password-strength library loads on the first keystroke, not with the page", async ({ page }) => {
  // A word from zxcvbn's common-password list: only its dictionary chunk contains it.
  const MARKER = "trustno1";
  const scripts: { url: string; body: Promise<string> }[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push({ url: response.url(), body: response.text() });
  });
  await page.goto("/signup", { waitUntil: "networkidle" });
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(await script.body, script.url).not.toContain(MARKER);

  const loadedBefore = scripts.length;
  await page.getByLabel("Password", { exact: true }).pressSequentially("c");
  await expect(page.getByTestId("password-strength")).toBeVisible();
  await expect
    .poll(async () => {
      const bodies = await Promise.all(scripts.slice(loadedBefore).map((script) => script.body));
      return bodies.some((body) => body.includes(MARKER));
    })
    .toBe(true);
  await page.getByLabel("Password", { exact: true }).pressSequentially("orrect horse battery");
  await expect(page.getByTestId("password-strength")).toContainText("strong", { ignoreCase: true });
});
