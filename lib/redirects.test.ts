import assert from "node:assert/strict";
import { test } from "node:test";
import { expiredLoginPath, loginPath, safeNextPath, sessionExpiredPath } from "./redirects.ts";

test("safeNextPath keeps same-site relative paths with their query", () => {
  assert.equal(safeNextPath("/products"), "/products");
  assert.equal(safeNextPath("/products?sort=name&after=abc"), "/products?sort=name&after=abc");
  assert.equal(safeNextPath("/products/123#reviews"), "/products/123#reviews");
});

test("safeNextPath rejects absolute, protocol-relative and backslash URLs", () => {
  for (const value of [
    "https://evil.example/",
    "//evil.example/products",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "products",
    "",
    "/\nproducts",
  ]) {
    assert.equal(safeNextPath(value), null, value);
  }
});

test("safeNextPath rejects values that are not strings", () => {
  assert.equal(safeNextPath(undefined), null);
  assert.equal(safeNextPath(["/products"]), null);
  assert.equal(safeNextPath(null), null);
});

test("login and expiry paths carry an encoded next, and drop unsafe ones", () => {
  assert.equal(loginPath("/products?sort=name"), "/login?next=%2Fproducts%3Fsort%3Dname");
  assert.equal(loginPath("https://evil.example"), "/login");
  assert.equal(loginPath("/"), "/login");
  assert.equal(sessionExpiredPath("/account"), "/session-expired?next=%2Faccount");
  assert.equal(expiredLoginPath("/account"), "/login?expired=1&next=%2Faccount");
});
