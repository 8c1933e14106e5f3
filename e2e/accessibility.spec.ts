import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { productIdByName } from "./support/fauna-admin";
import { productCards, signUp, uniqueEmail } from "./support/shopper";

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "best-practice"]).analyze();
  return violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

test("the catalog, a product page and sign-up pass axe, heading order included", async ({ page }) => {
  await page.goto("/signup");
  expect(await axeViolations(page)).toEqual([]);
  await signUp(page, uniqueEmail("axe"));
  await expect(productCards(page)).toHaveCount(12);
  expect(await axeViolations(page)).toEqual([]);
  const levels = await page
    .locator("main :is(h1, h2, h3, h4, h5, h6)")
    .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));
  expect(levels[0]).toBe(1);
  levels.forEach((level, index) => index > 0 && expect(level - levels[index - 1]!).toBeLessThanOrEqual(1));
  await page.goto(`/products/${await productIdByName("cups")}`);
  expect(await axeViolations(page)).toEqual([]);
});

test("'Skip to content' is the first stop for the keyboard and jumps past the header", async ({ page }) => {
  await signUp(page, uniqueEmail("skip"));
  await page.goto("/products");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  // The next stop is inside the page, not the header's links.
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});

test("a product card shows a focus ring around the whole card", async ({ page }) => {
  await signUp(page, uniqueEmail("ring"));
  const card = productCards(page).first();
  const link = card.getByRole("link");
  const ringOf = () => card.evaluate((element) => getComputedStyle(element).boxShadow);
  const before = await ringOf();
  await link.focus(); // as from the keyboard: Playwright's focus() matches :focus-visible
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await expect.poll(ringOf).not.toBe(before);
  // ring-3 with ring-offset-2: a 5 px ring outside a 2 px white gap, all around the card
  // (polled: the ring eases in, and a busy machine may sample it mid-transition).
  await expect.poll(ringOf).toMatch(/0px 0px 0px 2px, .+ 0px 0px 0px 5px/);
  const [cardBox, linkBox] = [await card.boundingBox(), await link.boundingBox()];
  expect(linkBox!.width).toBeLessThan(cardBox!.width);
});

/** Every item is visible and inside the 390 px screen: nothing spills off to the right. */
async function expectAllOnScreen(page: Page, items: Locator[]) {
  const width = page.viewportSize()!.width;
  for (const item of items) {
    await expect(item).toBeVisible();
    const box = (await item.boundingBox())!;
    expect(box.x, (await item.textContent()) ?? "").toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, (await item.textContent()) ?? "").toBeLessThanOrEqual(width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe("on a phone", () => {
  // Not isMobile: a phone browser would zoom out to fit an overflowing page and hide the overflow.
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the header reaches the catalog in one tap, signed out and signed in", async ({ page }) => {
    await signUp(page, uniqueEmail("phone"));
    await page.goto("/orders");
    const header = page.getByRole("banner");
    const shop = header.getByRole("link", { name: "Shop all" });
    await expect(shop).toBeVisible();
    await shop.tap();
    await expect(page).toHaveURL(/\/products$/);
    await expectAllOnScreen(page, [
      shop,
      header.getByRole("link", { name: "Orders" }),
      header.getByRole("link", { name: "Account" }),
      header.getByRole("link", { name: /^Cart/ }),
      header.getByRole("button", { name: "Log out" }),
    ]);

    await header.getByRole("button", { name: "Log out" }).tap();
    await expect(page).toHaveURL(/\/$/);
    await expectAllOnScreen(page, [
      shop,
      header.getByRole("link", { name: "Log in" }),
      header.getByRole("link", { name: "Sign up" }),
    ]);
    await shop.tap();
    await expect(page).toHaveURL(/\/login\?next=%2Fproducts$/);
  });
});
