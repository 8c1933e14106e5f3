import { expect, test } from "@playwright/test";
import { allProductIds, productIdByName } from "./support/fauna-admin";
import { productCards, signUp, uniqueEmail } from "./support/shopper";

test("pagination walks every product exactly once", async ({ page }) => {
  const expected = await allProductIds();
  expect(expected.length).toBeGreaterThanOrEqual(60);
  await signUp(page, uniqueEmail("pages"));

  const seen: string[] = [];
  for (let pageNumber = 1; ; pageNumber += 1) {
    await expect(page.getByText(`Page ${pageNumber}`, { exact: true })).toBeVisible();
    const ids = await productCards(page).evaluateAll((cards) =>
      cards.map((card) => card.getAttribute("data-product-id") ?? ""),
    );
    expect(ids.length).toBeGreaterThan(0);
    seen.push(...ids);
    const next = page.getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(/after=/);
  }

  expect(seen.length).toBe(expected.length);
  expect(new Set(seen).size).toBe(seen.length);
  expect([...seen].sort()).toEqual([...expected].sort());
});

test("a product page shows store, stock and backorder state", async ({ page }) => {
  const id = await productIdByName("cups");
  await signUp(page, uniqueEmail("detail"));
  await page.goto(`/products/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("cups");
  await expect(page.getByText("Translucent 9 Oz, 100 ct")).toBeVisible();
  await expect(page.getByText("$6.98")).toBeVisible();
  await expect(page.getByTestId("store-name")).toHaveText("Party Supplies");
  await expect(page.getByTestId("quantity")).toHaveText("90");
  await expect(page.getByTestId("backorder")).toContainText("Not backordered");
  await expect(page).toHaveTitle(/cups/);
});

test("an unknown product id is a friendly 404", async ({ page }) => {
  await signUp(page, uniqueEmail("missing"));
  const response = await page.goto("/products/1");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that product" })).toBeVisible();
  await page.goto("/products/not-a-number");
  await expect(page.getByRole("heading", { name: "We couldn't find that product" })).toBeVisible();
});

test("clicking a product card opens its page", async ({ page }) => {
  await signUp(page, uniqueEmail("click"));
  const card = productCards(page).first();
  const name = (await card.getByRole("heading").textContent())?.trim() ?? "";
  await card.getByRole("link").click();
  await expect(page).toHaveURL(/\/products\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});
