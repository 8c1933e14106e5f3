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

test("secret hashes are bcrypt cost 5 as in Fauna (token creation costs what it costs there), never the plain text", () => {
  const hash = hashSecret("random-part");
  assert.match(hash, /^\$2[aby]\$05\$/);
  assert.ok(!hash.includes("random-part"));
  assert.equal(bcrypt.compareSync("random-part", hash), true);
});
