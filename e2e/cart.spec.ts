import { expect, test, type Page } from "@playwright/test";
import { productByName, updateProduct } from "./support/fauna-admin";
import { signUp, uniqueEmail } from "./support/shopper";

// Sign-up, a cart, a checkout and the orders it makes: dozens of server renders per test, more
// than the default budget on a busy 2-core machine (the main flow took 42 s of 45 in one CI run).
test.describe.configure({ timeout: 90_000 });

// Each test uses products no other spec touches, and restores prices and stock it changed.
const usd = (amount: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount);

const ADDRESS = {
  Street: "7529 Oakwood Avenue",
  City: "Washington",
  State: "DC",
  "Postal code": "20011",
  Country: "USA",
};

async function addToCart(page: Page, name: string, quantity: number) {
  const { id } = await productByName(name);
  await page.goto(`/products/${id}`);
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to cart" })).toBeVisible();
}

const cartCount = (page: Page) => page.getByRole("banner").getByTestId("cart-count");
const cartLine = (page: Page, name: string) =>
  page.getByRole("list", { name: "Cart" }).getByRole("listitem").filter({ hasText: name });

async function checkOut(page: Page, address: Record<string, string> = ADDRESS) {
  await page.goto("/cart");
  await page.getByRole("link", { name: "Checkout" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  for (const [label, value] of Object.entries(address)) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1$/);
  return page.url().match(/\/orders\/(\d+)/)![1]!;
}

test("add, change, remove, check out, and the order keeps the prices paid", async ({ page }) => {
  const [rope, leash] = [await productByName("rope toy"), await productByName("dog leash")];
  await signUp(page, uniqueEmail("cart"));
  await expect(cartCount(page)).toHaveText("0");

  await addToCart(page, "rope toy", 2);
  await expect(cartCount(page)).toHaveText("2");
  await addToCart(page, "dog leash", 1);
  await addToCart(page, "dog collar", 1);
  await expect(cartCount(page)).toHaveText("4");

  await page.getByRole("banner").getByRole("link", { name: /^Cart/ }).click();
  await expect(page).toHaveURL(/\/cart$/);
  const ropeLine = cartLine(page, "rope toy");
  await expect(ropeLine.getByLabel("Quantity")).toHaveValue("2");
  await expect(ropeLine).toContainText(`${usd(rope.price)} each`);
  await ropeLine.getByLabel("Quantity").fill("3");
  await ropeLine.getByRole("button", { name: "Update" }).click();
  await expect(ropeLine.getByTestId("line-total")).toHaveText(usd(rope.price * 3));
  await cartLine(page, "dog collar").getByRole("button", { name: "Remove" }).click();
  await expect(cartLine(page, "dog collar")).toHaveCount(0);
  await expect(cartCount(page)).toHaveText("4");
  const total = Math.round(rope.price * 300 + leash.price * 100) / 100;
  await expect(page.getByText(usd(total), { exact: true })).toBeVisible();

  const orderId = await checkOut(page);
  await expect(page.getByRole("status").filter({ hasText: "your order is placed" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Processing");
  await expect(page.getByTestId("shipping-address")).toContainText("7529 Oakwood Avenue");
  await expect(cartCount(page)).toHaveText("0");
  expect((await productByName("rope toy")).quantity).toBe(rope.quantity - 3);

  // The order is listed, newest first, and links to its page.
  await page.goto("/orders");
  const listed = page.getByRole("list", { name: "Orders" }).getByRole("listitem").first();
  await expect(listed).toContainText(`Order #${orderId}`);
  await expect(listed).toContainText(usd(total));
  await listed.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));

  // A new price for the product does not touch the order already placed.
  await updateProduct("rope toy", { price: rope.price + 10 });
  try {
    await page.reload();
    const items = page.getByRole("list", { name: "Items" });
    await expect(items.getByRole("listitem").filter({ hasText: "rope toy" }).getByTestId("paid-unit-price")).toHaveText(
      `3 × ${usd(rope.price)}`,
    );
    await expect(page.getByText(usd(total), { exact: true })).toBeVisible();
  } finally {
    await updateProduct("rope toy", { price: rope.price });
  }

  // The next checkout starts from the address used last time.
  await addToCart(page, "dog leash", 1);
  await page.goto("/checkout");
  await expect(page.getByLabel("Street")).toHaveValue(ADDRESS.Street);
  await expect(page.getByLabel("Postal code")).toHaveValue(ADDRESS["Postal code"]);
});

test("cancelling a processing order puts its stock back", async ({ page }) => {
  const before = await productByName("tennis balls");
  await signUp(page, uniqueEmail("cancel"));
  await addToCart(page, "tennis balls", 2);
  await checkOut(page);
  expect((await productByName("tennis balls")).quantity).toBe(before.quantity - 2);

  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  expect((await productByName("tennis balls")).quantity).toBe(before.quantity);
});

test("a sold-out product cannot be added, not even from a page opened before it sold out", async ({ page }) => {
  const [clippers, bowl] = [await productByName("nail clippers"), await productByName("food bowl")];
  await updateProduct("nail clippers", { quantity: 0, backorderLimit: 0 });
  await updateProduct("food bowl", { quantity: 1, backorderLimit: 0 });
  try {
    await signUp(page, uniqueEmail("soldout"));
    await page.goto(`/products/${clippers.id}`);
    await expect(page.getByText("Sold out", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();

    await page.goto(`/products/${bowl.id}`);
    await updateProduct("food bowl", { quantity: 0 });
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Sold out.");
    await expect(cartCount(page)).toHaveText("0");
  } finally {
    await updateProduct("nail clippers", { quantity: clippers.quantity, backorderLimit: clippers.backorderLimit });
    await updateProduct("food bowl", { quantity: bowl.quantity, backorderLimit: bowl.backorderLimit });
  }
});

test("a shortage at checkout names the line and how many are left, and orders nothing", async ({ page }) => {
  const chew = await productByName("chew toy");
  await updateProduct("chew toy", { quantity: 3, backorderLimit: 0 });
  try {
    await signUp(page, uniqueEmail("short"));
    await addToCart(page, "chew toy", 3);
    await updateProduct("chew toy", { quantity: 1 }); // sold elsewhere meanwhile
    await page.goto("/checkout");
    for (const [label, value] of Object.entries(ADDRESS)) await page.getByLabel(label).fill(value);
    await page.getByRole("button", { name: "Place order" }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("Nothing was ordered");
    await expect(alert.getByRole("listitem")).toHaveText(["Chew Toy: only 1 unit left (you asked for 3)."]);
    await expect(page.getByLabel("Street")).toHaveValue(ADDRESS.Street);
    expect((await productByName("chew toy")).quantity).toBe(1);
    await expect(cartCount(page)).toHaveText("3");

    await alert.getByRole("link", { name: "Update your cart" }).click();
    await expect(cartLine(page, "chew toy")).toContainText("Only 1 left");
  } finally {
    await updateProduct("chew toy", { quantity: chew.quantity, backorderLimit: chew.backorderLimit });
  }
});

test("another shopper's order is a 404, and an empty cart points to the catalog", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("owner"));
  await addToCart(page, "poop bags", 1);
  const orderId = await checkOut(page);

  const other = await browser.newPage();
  try {
    await signUp(other, uniqueEmail("intruder"));
    const response = await other.goto(`/orders/${orderId}`);
    expect(response?.status()).toBe(404);
    await expect(other.getByRole("heading", { name: "We couldn't find that order" })).toBeVisible();
    await other.goto("/orders");
    await expect(other.getByText("You haven't placed any orders yet.")).toBeVisible();

    await other.goto("/cart");
    await expect(other.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
    await other.getByRole("link", { name: "Browse the catalog" }).click();
    await expect(other).toHaveURL(/\/products$/);
  } finally {
    await other.close();
  }
});

test("cart, checkout and orders need a session", async ({ page }) => {
  for (const path of ["/cart", "/checkout", "/orders", "/orders/123"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path).replace(/\//g, "%2F")}$`));
  }
});
