import { expect, test, type Page } from "@playwright/test";
import { fql } from "fauna";
import { adminQuery, allProductIds, productByName, productIdByName, updateProduct } from "./support/fauna-admin";
import { productCards, signUp, uniqueEmail } from "./support/shopper";

const PER_PAGE = 12;

const cardIds = (page: Page) =>
  productCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute("data-product-id") ?? ""));

type Listed = { id: string; name: string; price: number; store: string };
const everyProduct = () =>
  adminQuery<Listed[]>(
    fql`Product.all().map(p => { id: p.id, name: p.name, price: p.price, store: p.store!.name }).toArray()`,
  );

// The README's rule: some word of the name, with what follows it, starts with the query.
const matches = (name: string, query: string) => {
  const words = name.toLowerCase().split(" ");
  return words.some((_, index) => words.slice(index).join(" ").startsWith(query.toLowerCase()));
};

test("pagination walks every product exactly once, with the count, 'Page N of M' and Previous", async ({ page }) => {
  const expected = await allProductIds();
  expect(expected.length).toBeGreaterThanOrEqual(60);
  const pages = Math.ceil(expected.length / PER_PAGE);
  await signUp(page, uniqueEmail("pages"));
  await expect(page.getByTestId("results-summary")).toHaveText(`${expected.length} products`);
  await expect(page.getByRole("link", { name: "Previous" })).toHaveCount(0);

  const seen: string[][] = [];
  for (let pageNumber = 1; ; pageNumber += 1) {
    await expect(page.getByText(`Page ${pageNumber} of ${pages}`, { exact: true })).toBeVisible();
    const ids = await cardIds(page);
    expect(ids.length).toBeGreaterThan(0);
    seen.push(ids);
    const next = page.getByRole("link", { name: "Next", exact: true });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`page=${pageNumber + 1}.*after=`));
  }
  expect(seen.length).toBe(pages);
  const all = seen.flat();
  expect(all.length).toBe(expected.length);
  expect(new Set(all).size).toBe(all.length);
  expect([...all].sort()).toEqual([...expected].sort());

  // Previous retraces the same pages from the cursor history in the URL.
  for (let pageNumber = pages - 1; pageNumber >= 1; pageNumber -= 1) {
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page.getByText(`Page ${pageNumber} of ${pages}`, { exact: true })).toBeVisible();
    await expect.poll(() => cardIds(page)).toEqual(seen[pageNumber - 1]);
  }
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByRole("link", { name: "Previous" })).toHaveCount(0);
});

test("search and the store filter narrow the grid, keep the sort and paginate", async ({ page }) => {
  const catalog = await everyProduct();
  await signUp(page, uniqueEmail("search"));

  // Search alone: names with a word starting with "dog", any case.
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("DOG");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/products\?q=DOG/);
  const dogs = catalog.filter((product) => matches(product.name, "dog"));
  await expect(page.getByTestId("results-summary")).toHaveText(`${dogs.length} products matching “DOG”`);
  await expect.poll(async () => (await cardIds(page)).sort()).toEqual(dogs.map((product) => product.id).sort());
  await expect(page).toHaveTitle(/Search: DOG/);

  // "d" across the catalog, cheapest first: more than a page.
  await search.fill("d");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/products\?q=d$/);
  await page.getByRole("link", { name: "Price: low to high" }).click();
  await expect(page).toHaveURL(/\/products\?q=d&sort=price-asc$/);
  const byPrice = (a: Listed, b: Listed) => a.price - b.price || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const expected = catalog.filter((product) => matches(product.name, "d")).sort(byPrice);
  expect(expected.length).toBeGreaterThan(PER_PAGE);
  const pages = Math.ceil(expected.length / PER_PAGE);
  await expect(page.getByTestId("results-summary")).toHaveText(`${expected.length} products matching “d”`);
  await expect(page.getByText(`Page 1 of ${pages}`, { exact: true })).toBeVisible();
  await expect.poll(() => cardIds(page)).toEqual(expected.slice(0, PER_PAGE).map((product) => product.id));
  const first = await cardIds(page);

  await page.getByRole("link", { name: "Next", exact: true }).click();
  await expect(page.getByText(`Page 2 of ${pages}`, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/q=d&sort=price-asc&page=2&after=/);
  await expect.poll(() => cardIds(page)).toEqual(expected.slice(PER_PAGE, 2 * PER_PAGE).map((product) => product.id));

  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page.getByText(`Page 1 of ${pages}`, { exact: true })).toBeVisible();
  await expect.poll(() => cardIds(page)).toEqual(first);

  // The store filter narrows the same search and keeps the sort.
  await page.getByLabel("Store").selectOption({ label: "DogExpress" });
  await expect(page).toHaveURL(/\/products\?q=d&store=\d+&sort=price-asc$/);
  const inStore = expected.filter((product) => product.store === "DogExpress");
  expect(inStore.length).toBeLessThan(expected.length);
  await expect(page.getByTestId("results-summary")).toHaveText(`${inStore.length} products matching “d” in DogExpress`);
  await expect.poll(() => cardIds(page)).toEqual(inStore.slice(0, PER_PAGE).map((product) => product.id));
  for (const card of await productCards(page).all()) await expect(card).toContainText("DogExpress");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("d");
  await expect(page.getByRole("link", { name: "Price: low to high" })).toHaveAttribute("aria-current", "page");

  // Nothing matches: a clear message and a way back.
  await search.fill("zzzz");
  await search.press("Enter");
  await expect(page.getByText("No products match. Try fewer letters, or another store.")).toBeVisible();
  await expect(page.getByText("Page 1 of 1", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Clear search and store" }).click();
  await expect(page).toHaveURL(/\/products\?sort=price-asc$/);
  await expect(productCards(page)).toHaveCount(PER_PAGE);
});

test("a product page speaks shopper: a capitalized name, stock in words, a picture", async ({ page }) => {
  const [cupsId, sparklers, balloons] = [
    await productIdByName("cups"),
    await productByName("sparklers"),
    await productByName("balloons"),
  ];
  await updateProduct("sparklers", { quantity: 3, backorderLimit: 5 });
  await updateProduct("balloons", { quantity: 0, backorderLimit: 25, backordered: true });
  try {
    await signUp(page, uniqueEmail("detail"));
    await page.goto(`/products/${cupsId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cups");
    await expect(page).toHaveTitle("Cups · Storefront");
    await expect(page.getByText("Translucent 9 Oz, 100 ct")).toBeVisible();
    await expect(page.getByText("$6.98")).toBeVisible();
    await expect(page.getByTestId("store-name")).toHaveText("Party Supplies");
    await expect(page.getByTestId("stock-status")).toHaveText("In stock");
    await expect(page.getByRole("main")).not.toContainText(/backorder|Not backordered|\b90\b/i);
    const picture = page.getByRole("img", { name: "Cups: drawing of a stack of party cups" });
    await expect(picture).toBeVisible();
    expect(await picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

    await page.goto(`/products/${sparklers.id}`);
    await expect(page.getByTestId("stock-status")).toHaveText("Only 3 left");
    await page.goto(`/products/${balloons.id}`);
    await expect(page.getByTestId("stock-status")).toHaveText("Ships in about two weeks");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Balloons");
  } finally {
    await updateProduct("sparklers", { quantity: sparklers.quantity, backorderLimit: sparklers.backorderLimit });
    await updateProduct("balloons", {
      quantity: balloons.quantity,
      backorderLimit: balloons.backorderLimit,
      backordered: balloons.backordered,
    });
  }
});

test("every card has a picture and a capitalized name", async ({ page }) => {
  await signUp(page, uniqueEmail("cards"));
  const cards = productCards(page);
  await expect(cards).toHaveCount(PER_PAGE);
  for (const card of await cards.all()) {
    const name = (await card.getByRole("heading").textContent())?.trim() ?? "";
    expect(name).toMatch(/^[A-Z]/);
    const image = card.getByRole("img");
    await expect(image).toHaveAttribute("alt", new RegExp(`^${name}: drawing of `));
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0))
      .toBe(true);
  }
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
