import { readFileSync } from "node:fs";
import { expect, test, type Request } from "@playwright/test";
import { readStackState } from "./support/config";
import { logIn, PASSWORD, signUp, uniqueEmail } from "./support/shopper";

const SESSION_COOKIE = "storefront_session";

test("every response carries the security headers; pages carry a nonce CSP without unsafe-eval", async ({
  page,
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/login", "/signup"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toMatch(/max-age=\d{7,}/);
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    // Next puts the nonce on its own scripts.
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);

  const redirect = await request.get("/products", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  await page.goto("/login");
  const script = await page.evaluate(() =>
    [...document.scripts].map((s) => s.src).find((src) => src.includes("/_next/static/")),
  );
  const asset = await request.get(script!);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(asset.headers()["strict-transport-security"]).toBeTruthy();
});

test("the CSP blocks nothing the shop needs: pages hydrate without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/signup");
  // The strength meter only appears once React has hydrated the form.
  await page.getByLabel("Password", { exact: true }).fill("password1");
  await expect(page.getByTestId("password-strength")).toBeVisible();
  await signUp(page, uniqueEmail("csp"));
  await page.goto("/account");
  await page.goto("/products?sort=name");
  expect(violations).toEqual([]);
});

test("a server action posted from another origin is refused", async ({ page }) => {
  await signUp(page, uniqueEmail("csrf"));
  await page.goto("/account");

  // Capture what "Log out" really sends (and keep it from arriving), then replay it.
  let captured: Request | undefined;
  await page.route("**/account", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole("button", { name: "Log out", exact: true }).first().click();
  await expect.poll(() => captured).toBeTruthy();
  await page.unroute("**/account");
  const action = captured!;
  const headers = await action.allHeaders();
  const replay = (origin: string) =>
    page.request.post(action.url(), {
      headers: {
        "content-type": headers["content-type"]!,
        accept: headers["accept"] ?? "text/x-component",
        "next-action": headers["next-action"]!,
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        origin,
      },
      data: action.postDataBuffer() ?? "",
      maxRedirects: 0,
    });
  const signedIn = async () => (await page.request.get("/account", { maxRedirects: 0 })).status() === 200;

  const forged = await replay("https://evil.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await signedIn()).toBe(true);

  // The same request from the shop's own origin logs out, so the refusal above is the origin check.
  const genuine = await replay(new URL(page.url()).origin);
  expect(genuine.status()).toBeLessThan(400);
  expect(await signedIn()).toBe(false);
});

test("log-in and sign-up posted from another origin, or with none, are refused", async ({ page }) => {
  const email = uniqueEmail("csrf-login");
  await signUp(page, email);
  await page.context().clearCookies();
  const origin = new URL(page.url()).origin;
  const fields = { email, password: PASSWORD, confirmPassword: PASSWORD };
  for (const path of ["/api/login", "/api/signup"]) {
    for (const from of ["https://evil.example", undefined]) {
      const originHeader: Record<string, string> = from ? { Origin: from } : {};
      const asJson = await page.request.post(path, {
        headers: { ...originHeader, "Content-Type": "application/json" },
        data: fields,
        maxRedirects: 0,
      });
      const asForm = await page.request.post(path, { headers: originHeader, form: fields, maxRedirects: 0 });
      for (const forged of [asJson, asForm]) {
        expect(forged.status(), `${path} from ${from}`).toBe(403);
        expect(forged.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE);
      }
    }
  }
  // From the shop's own page the same log-in is accepted, so the refusals above are the origin check.
  const genuine = await page.request.post("/api/login", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: { email, password: PASSWORD },
  });
  expect(genuine.status()).toBe(200);
  expect(await genuine.json()).toEqual({ done: true, redirectTo: "/products" });
  expect(genuine.headers()["set-cookie"] ?? "").toContain(SESSION_COOKIE);
});

test("no password or secret reaches the server log", async ({ page }) => {
  const email = uniqueEmail("logs");
  const wrong = `wrong-${Date.now()}-guess`;
  await signUp(page, email);
  await page.context().clearCookies();
  await page.goto("/login");
  for (let attempt = 0; attempt < 6; attempt++) {
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await logIn(page, email, wrong);
    await answered;
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many attempts");

  const { serverLog, faunaSecret, rootSecret, sessionPassword } = readStackState();
  await expect.poll(() => readFileSync(serverLog, "utf8")).toContain("security: log-in refused, too many attempts");
  const log = readFileSync(serverLog, "utf8");
  for (const [name, secret] of Object.entries({ PASSWORD, wrong, faunaSecret, rootSecret, sessionPassword })) {
    expect(log.includes(secret), `${name} in the server log`).toBe(false);
  }
  expect(log).not.toMatch(/fn[AE][A-Za-z0-9_-]{30,}/); // no Fauna key or token secret of any kind
});
