import assert from "node:assert/strict";
import { test } from "node:test";
import bcrypt from "bcryptjs";
import { hashSecret, newTokenSecret, parseSecret, verifySecret } from "./secrets.js";

test("a new token's secret verifies against its stored hash; any other secret does not", () => {
  const { secret, hash } = newTokenSecret("42", "0");
  const parsed = parseSecret(secret)!;
  assert.equal(verifySecret(parsed.randomPart, hash), true);
  const other = parseSecret(newTokenSecret("42", "0").secret)!;
  assert.equal(verifySecret(other.randomPart, hash), false);
  assert.equal(verifySecret(parsed.randomPart, "sha256:not-a-hash"), false);
});

test("secret hashes are SHA-256 (160 random bits need no bcrypt), never the plain text", () => {
  const hash = hashSecret("random-part");
  assert.match(hash, /^sha256:[A-Za-z0-9_-]{43}$/);
  assert.ok(!hash.includes("random-part"));
});

test("secrets issued with bcrypt hashes by older versions still verify", () => {
  const legacy = bcrypt.hashSync("old-random-part", 5);
  assert.equal(verifySecret("old-random-part", legacy), true);
  assert.equal(verifySecret("other", legacy), false);
});
