import { expect, test } from "@playwright/test";
import { unsealData } from "iron-session";
import { readStackState } from "./support/config";
import { productIdByName } from "./support/fauna-admin";
import { signUp, uniqueEmail } from "./support/shopper";

const SESSION_COOKIE = "storefront_session";

test("the session cookie is httpOnly and SameSite=Lax, and carries the Fauna token sealed", async ({ page }) => {
  await signUp(page, uniqueEmail("cookie"));
  const cookie = (await page.context().cookies()).find(({ name }) => name === SESSION_COOKIE);
  expect(cookie).toBeDefined();
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(cookie?.secure).toBe(true); // next start runs in production
  // max-age follows the token's ttl: about an hour from now.
  const secondsLeft = (cookie?.expires ?? 0) - Date.now() / 1000;
  expect(secondsLeft).toBeGreaterThan(55 * 60);
  expect(secondsLeft).toBeLessThanOrEqual(60 * 60 + 5);

  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  const { sessionPassword } = readStackState();
  const session = await unsealData<{ token?: string }>(decodeURIComponent(cookie!.value), {
    password: sessionPassword,
  });
  expect(session.token).toBeTruthy();
  expect(cookie!.value).not.toContain(session.token!);
});

test("no page or JavaScript asset contains a Fauna secret", async ({ page }) => {
  const { faunaSecret, rootSecret, sessionPassword } = readStackState();
  const bodies = new Map<string, string>();
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/html|javascript|json|x-component|text\/plain/.test(type)) return;
    try {
      bodies.set(response.url(), await response.text());
    } catch {
      // redirects and aborted prefetches have no body
    }
  });

  await page.goto("/");
  await page.goto("/login");
  await signUp(page, uniqueEmail("scan"));
  const cookie = (await page.context().cookies()).find(({ name }) => name === SESSION_COOKIE);
  const { token } = await unsealData<{ token?: string }>(decodeURIComponent(cookie!.value), {
    password: sessionPassword,
  });
  await page.goto("/");
  await page.goto(`/products/${await productIdByName("cups")}`);
  await page.goto("/account");
  await page.goto("/products?sort=name");
  await page.waitForLoadState("networkidle");

  const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.src).filter(Boolean));
  for (const src of scripts) {
    if (!bodies.has(src)) bodies.set(src, await (await page.request.get(src)).text());
  }
  expect([...bodies.keys()].some((url) => url.includes("/_next/static/"))).toBe(true);

  const secrets = { faunaSecret, rootSecret, sessionPassword, token: token ?? "" };
  expect(secrets.token.length).toBeGreaterThan(10);
  for (const [url, body] of bodies) {
    for (const [name, secret] of Object.entries(secrets)) {
      expect(body.includes(secret), `${name} found in ${url}`).toBe(false);
    }
  }
});
