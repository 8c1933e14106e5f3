import assert from "node:assert/strict";
import { test } from "node:test";
import { contentSecurityPolicy, newNonce } from "./security-headers.ts";

test("the production CSP allows scripts by nonce only, never eval, and no framing", () => {
  const csp = contentSecurityPolicy("abc123");
  assert.match(csp, /script-src 'self' 'nonce-abc123' 'strict-dynamic'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-eval/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /form-action 'self'/);
});

test("only next dev gets unsafe-eval", () => {
  assert.match(contentSecurityPolicy("n", { dev: true }), /'unsafe-eval'/);
});

test("nonces are fresh and carry 128 bits", () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  assert.equal(nonces.size, 100);
  for (const nonce of nonces) assert.equal(atob(nonce).length, 16);
});
