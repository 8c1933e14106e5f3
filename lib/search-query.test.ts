import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeSearchQuery, SEARCH_TERM_MAX_LENGTH } from "./search-query.ts";

test("a search query is trimmed, single-spaced and NFKC-normalized", () => {
  assert.equal(normalizeSearchQuery("  dog \t  food "), "dog food");
  assert.equal(normalizeSearchQuery("ｃｕｐｓ"), "cups");
  assert.equal(normalizeSearchQuery("Dog"), "Dog", "case is left to Fauna's casefold()");
});

test("no text, blanks and non-strings mean no search", () => {
  assert.equal(normalizeSearchQuery(""), "");
  assert.equal(normalizeSearchQuery("   "), "");
  assert.equal(normalizeSearchQuery(undefined), "");
  assert.equal(normalizeSearchQuery(["dog"]), "");
});

test("only the first 32 characters count, as in the index, and a cut never ends in a space", () => {
  assert.equal(normalizeSearchQuery("a".repeat(100)), "a".repeat(SEARCH_TERM_MAX_LENGTH));
  assert.equal(normalizeSearchQuery(`${"a".repeat(31)} b`), "a".repeat(31));
  assert.equal(normalizeSearchQuery("😀".repeat(40)), "😀".repeat(SEARCH_TERM_MAX_LENGTH));
});
