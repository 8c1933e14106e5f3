import assert from "node:assert/strict";
import { test } from "node:test";
import { expiredLoginPath, loginPath, safeNextPath, sessionExpiredPath } from "./redirects.ts";

const ORIGIN = "https://shop.example";

/** Where a browser lands when the server answers `Location: <path>` on a page of the shop. */
function landing(path: string): URL {
  return new URL(path, `${ORIGIN}/login?next=x`);
}

test("safeNextPath keeps same-site relative paths with their query", () => {
  assert.equal(safeNextPath("/products"), "/products");
  assert.equal(safeNextPath("/products?sort=name&after=abc"), "/products?sort=name&after=abc");
  assert.equal(safeNextPath("/products/123#reviews"), "/products/123#reviews");
  // Cursors are base64: encoded slashes in the query are data, not path separators.
  assert.equal(safeNextPath("/products?after=a%2Fb%2F%2Fc%3D&page=2"), "/products?after=a%2Fb%2F%2Fc%3D&page=2");
});

test("safeNextPath returns the normalized path", () => {
  for (const [value, expected] of [
    ["/a/../products", "/products"],
    ["/./account", "/account"],
    ["/products/%2e%2e/account", "/account"],
    ["/products?q=a b", "/products?q=a%20b"],
    ["/caf\u00e9", "/caf%C3%A9"],
    ["/a//b", "/a//b"],
  ] as const) {
    assert.equal(safeNextPath(value), expected, value);
  }
});

// Every value here either leaves the site once a browser (or a server that decodes the
// path once more) resolves it, or is not a plain path at all.
const attacks = [
  // absolute and protocol-relative
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "//evil.example/products",
  "///evil.example",
  // backslashes, which browsers treat as slashes
  "/\\evil.example",
  "\\\\evil.example",
  "/a/../\\evil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  // dot segments that normalize to //host
  "/a/..//evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/a/b/../..//evil.example",
  "/%2e%2e//evil.example",
  "/a/%2E%2E//evil.example",
  "/a/.%2e//evil.example",
  "/products/..//example.org/x?y#z",
  "/a/..//evil.example/..",
  // encoded slashes: //host once decoded
  "/%2F%2Fevil.example",
  "/%2f%2fevil.example",
  "/%2F/evil.example",
  "/./%2F..",
  "/a/..%2F..%2F%2Fevil.example",
  "/%252F%252Fevil.example",
  // tabs and newlines, which browsers strip from URLs
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0D%0A/evil.example",
  "/a/..\t//evil.example",
  // other control characters, NUL and DEL
  "/\u0000/evil.example",
  "/%00/evil.example",
  "/\u007f/evil.example",
  "/products\u0000",
  // not a path
  "products",
  "evil.example",
  " /products",
  "",
  "/\nproducts",
];

test("safeNextPath refuses every value that could leave the site", () => {
  const accepted = attacks
    .map((value) => ({ value, result: safeNextPath(value) }))
    .filter(({ result }) => result !== null);
  assert.deepEqual(accepted, []);
});

test("every accepted path stays on the site, decoded or not, and is stable", () => {
  const samples = [
    "/products",
    "/products?sort=name&after=abc",
    "/a/../products",
    "/caf\u00e9",
    "/a//b",
    "/products?next=//evil.example",
    "/products#//evil.example",
    ...attacks,
  ];
  for (const value of samples) {
    const result = safeNextPath(value);
    if (result === null) continue;
    assert.match(result, /^\/(?![/\\])/, value);
    assert.doesNotMatch(result, /[\\\u0000-\u001f\u007f]/, value);
    assert.equal(safeNextPath(result), result, `${value} is not stable`);
    assert.equal(landing(result).origin, ORIGIN, value);
    const decodedPath = decodeURIComponent(landing(result).pathname);
    assert.equal(landing(decodedPath).origin, ORIGIN, `${value} leaves the site once decoded`);
    assert.match(decodedPath, /^\/(?![/\\])/, value);
  }
});

test("safeNextPath rejects values that are not strings", () => {
  assert.equal(safeNextPath(undefined), null);
  assert.equal(safeNextPath(["/products"]), null);
  assert.equal(safeNextPath(null), null);
  assert.equal(safeNextPath(new String("/products")), null);
});

test("login and expiry paths carry an encoded next, and drop unsafe ones", () => {
  assert.equal(loginPath("/products?sort=name"), "/login?next=%2Fproducts%3Fsort%3Dname");
  assert.equal(loginPath("https://evil.example"), "/login");
  assert.equal(loginPath("/a/..//evil.example"), "/login");
  assert.equal(loginPath("/"), "/login");
  assert.equal(sessionExpiredPath("/account"), "/session-expired?next=%2Faccount");
  assert.equal(sessionExpiredPath("/%2F%2Fevil.example"), "/session-expired");
  assert.equal(expiredLoginPath("/account"), "/login?expired=1&next=%2Faccount");
});
