import assert from "node:assert/strict";
import { test } from "node:test";
import { displayName } from "./product-name.ts";

test("stored lower-case names read in title case", () => {
  assert.equal(displayName("cups"), "Cups");
  assert.equal(displayName("donkey pinata"), "Donkey Pinata");
  assert.equal(displayName("bread  for  the table"), "Bread for the Table");
  assert.equal(displayName("of mice and men"), "Of Mice and Men");
});

test("words that already carry capitals, digits and accents are kept sensible", () => {
  assert.equal(displayName("new iPhone case"), "New iPhone Case");
  assert.equal(displayName("72% cacao bar"), "72% Cacao Bar");
  assert.equal(displayName("éclair box"), "Éclair Box");
});
