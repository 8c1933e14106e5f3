import { expect, test, type Page } from "@playwright/test";
import { logIn, logOut, signUp, uniqueEmail } from "./support/shopper";

// Every entry page with every off-site `next`, signed in: many requests, more than the default
// budget on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

// `next` values that normalize (in the browser or in a server that decodes the path)
// to `//host`, i.e. another site.
const OFF_SITE = [
  "/a/..//example.org",
  "/.//example.org/phish",
  "/%2F%2Fexample.org",
  "/%5Cexample.org",
  "/%2e%2e//example.org",
];

// Pages that send a signed-in shopper straight on to `next`.
const ENTRY_POINTS = ["/login", "/signup", "/session-expired"];

const onTheShop = (page: Page) => new RegExp(`^${new URL(page.url()).origin}/products$`);

test("a signed-in shopper sent to /login, /signup or /session-expired with a sneaky next stays on the site", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("next"));
  const shop = onTheShop(page);
  for (const entry of ENTRY_POINTS) {
    for (const next of OFF_SITE) {
      const url = `${entry}?next=${encodeURIComponent(next)}`;
      // What the server answers, before any browser normalization.
      const answer = await page.request.get(url, { maxRedirects: 0 });
      expect(answer.status(), url).toBe(307);
      expect(answer.headers()["location"], url).toBe("/products");

      await page.goto(url);
      await expect(page, url).toHaveURL(shop);
    }
  }
});

test("a next tampered with in the log-in form is ignored after logging in", async ({ page }) => {
  const email = uniqueEmail("tamper");
  await signUp(page, email);
  await logOut(page);

  await page.goto("/login?next=%2Faccount");
  await page.locator('input[name="next"]').evaluate((input: HTMLInputElement) => {
    input.value = "/a/..//example.org";
  });
  await logIn(page, email);
  await expect(page).toHaveURL(onTheShop(page));
});
