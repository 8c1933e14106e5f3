import assert from "node:assert/strict";
import { test } from "node:test";
import { assertQueryError, callMethod } from "../../../test/support/stdlib.js";
import { double, int, long, type Value } from "../../core/index.js";
import { stringMembers } from "./string.js";

const s = (self: string, name: string, ...args: Value[]) => callMethod(stringMembers, name, self, args);

test("length and at count Unicode code points", () => {
  assert.deepEqual(stringMembers.props.length!("f😍x"), int(3));
  assert.equal(s("f😍x", "at", int(1)), "😍");
  assert.equal(s("f😍x", "at", int(2)), "x");
  assertQueryError(() => s("abc", "at", int(5)), "index_out_of_bounds", "index 5 out of bounds for length 3");
});

test("search methods: includes, startsWith, endsWith, indexOf (null when absent), lastIndexOf", () => {
  assert.equal(s("hello", "includes", "ell"), true);
  assert.equal(s("hello", "startsWith", "he"), true);
  assert.equal(s("hello", "endsWith", "lo"), true);
  assert.deepEqual(s("hello", "indexOf", "l"), int(2));
  assert.deepEqual(s("hello", "indexOf", "l", int(3)), int(3));
  assert.equal(s("hello", "indexOf", "z"), null);
  assert.deepEqual(s("hello", "lastIndexOf", "l"), int(3));
  assert.deepEqual(s("hello", "lastIndexOf", "l", int(2)), int(2));
  assert.deepEqual(s("😍ab", "indexOf", "b"), int(2));
});

test("slice clamps out-of-range bounds instead of failing", () => {
  assert.equal(s("hello", "slice", int(1)), "ello");
  assert.equal(s("hello", "slice", int(1), int(3)), "el");
  assert.equal(s("hello", "slice", int(3), int(100)), "lo");
  assert.equal(s("hello", "slice", int(-2)), "hello");
  assert.equal(s("hello", "slice", int(4), int(2)), "");
});

test("insert and splitAt accept the end index; beyond it is index_out_of_bounds", () => {
  assert.equal(s("ac", "insert", int(1), "b"), "abc");
  assert.equal(s("ab", "insert", int(2), "c"), "abc");
  assert.deepEqual(s("hello", "splitAt", int(2)), ["he", "llo"]);
  assertQueryError(() => s("ab", "splitAt", int(3)), "index_out_of_bounds", "index 3 out of bounds for length 2");
});

test("split follows JavaScript, keeping leading and trailing empty strings", () => {
  assert.deepEqual(s("f b ", "split", " "), ["f", "b", ""]);
  assert.deepEqual(s(" f b", "split", " "), ["", "f", "b"]);
  assert.deepEqual(s(" ", "split", " "), ["", ""]);
  assert.deepEqual(s("a1b22c", "splitRegex", "[0-9]+"), ["a", "b", "c"]);
});

test("replace replaces the first match (or N), replaceAll every match, literally", () => {
  assert.equal(s("a.a.a", "replace", ".", "-"), "a-a.a");
  assert.equal(s("a.a.a", "replace", ".", "-", int(2)), "a-a-a");
  assert.equal(s("a.a.a", "replaceAll", ".", "$&"), "a$&a$&a");
  assertQueryError(
    () => s("aaa", "replace", "a", "b", int(0)),
    "invalid_argument",
    "invalid argument `count`: must be greater than or equal to 1",
  );
});

test("regex methods: includesRegex, indexOfRegex, matches, matchIndexes, replaceRegex, replaceAllRegex", () => {
  assert.equal(s("abc123", "includesRegex", "\\d+"), true);
  assert.deepEqual(s("abc123", "indexOfRegex", "\\d"), int(3));
  assert.equal(s("abc", "indexOfRegex", "\\d"), null);
  assert.deepEqual(s("a1b22", "matches", "\\d+"), ["1", "22"]);
  assert.deepEqual(s("a1b22", "matchIndexes", "\\d+"), [
    [int(1), "1"],
    [int(3), "22"],
  ]);
  assert.equal(s("a1b22", "replaceRegex", "\\d+", "#"), "a#b22");
  assert.equal(s("a1b22", "replaceAllRegex", "\\d+", "#"), "a#b#");
  assert.equal(s("ABC", "includesRegex", "(?i)abc"), true);
  assertQueryError(() => s("abc", "matches", "(unclosed"), "invalid_regex");
});

test("number parsing returns null on failure and follows Java's rules", () => {
  assert.deepEqual(s("42", "parseInt"), int(42));
  assert.deepEqual(s("-ff", "parseInt", int(16)), int(-255));
  assert.equal(s("2147483648", "parseInt"), null);
  assert.equal(s(" 1", "parseInt"), null);
  assert.deepEqual(s("2147483648", "parseLong"), long(2147483648n));
  assert.deepEqual(s("1.5", "parseDouble"), double(1.5));
  assert.deepEqual(s(" 2e3 ", "parseDouble"), double(2000));
  assert.equal(s("abc", "parseDouble"), null);
  assert.deepEqual(s("7", "parseNumber"), int(7));
  assert.deepEqual(s("9999999999", "parseNumber"), long(9999999999n));
  assert.deepEqual(s("1.25", "parseNumber"), double(1.25));
  assert.equal(s("x", "parseNumber"), null);
  assertQueryError(
    () => s("1", "parseInt", int(1)),
    "invalid_argument",
    "invalid argument `format`: invalid radix, expected a number from 2-36",
  );
});

test("case methods: toLowerCase, toUpperCase, casefold (with normalization formats)", () => {
  assert.equal(s("HeLLo", "toLowerCase"), "hello");
  assert.equal(s("HeLLo", "toUpperCase"), "HELLO");
  assert.equal(s("Straße", "casefold"), "strasse");
  assert.equal(s("e\u0301", "casefold", "NFC"), "\u00e9");
  assertQueryError(() => s("a", "casefold", "XYZ"), "invalid_argument");
});

test("concat and toString", () => {
  assert.equal(s("ab", "concat", "cd"), "abcd");
  assert.equal(s("ab", "toString"), "ab");
});

test("wrong argument types and counts use Fauna's messages", () => {
  assertQueryError(
    () => s("ab", "concat", int(1)),
    "invalid_argument",
    "expected value for `other` of type String, received Int",
  );
  assertQueryError(
    () => s("ab", "concat"),
    "invalid_function_invocation",
    "callee function expects exactly 1 argument, but 0 were provided.",
  );
  assertQueryError(
    () => s("ab", "toUpperCase", int(1)),
    "invalid_function_invocation",
    "callee function expects no arguments, but 1 was provided.",
  );
  assertQueryError(
    () => s("ab", "slice", int(1), int(2), int(3)),
    "invalid_function_invocation",
    "callee function expects 1 or 2 arguments, but 3 were provided.",
  );
  assertQueryError(
    () => s("ab", "indexOf", int(1)),
    "invalid_argument",
    "expected arguments to `indexOf` of type (String), received (Int)",
  );
});

test("Int parameters accept integral Doubles and in-range Longs", () => {
  assert.equal(s("abc", "at", double(1)), "b");
  assert.equal(s("abc", "at", long(2n)), "c");
  assertQueryError(
    () => s("abc", "at", double(1.5)),
    "invalid_argument",
    "expected value for `index` of type Int, received Double",
  );
});

// ---- regexes run in linear time and never split a code point (issue: bad input) ----------

const quick = <T>(label: string, run: () => T, budgetMs = 1_000): T => {
  const started = performance.now();
  const result = run();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < budgetMs, `${label} took ${Math.round(elapsed)} ms`);
  return result;
};

test("catastrophic-backtracking patterns answer at once: (a+)+$ and an anchored \\s+$", () => {
  assert.equal(
    quick("(a+)+$", () => s(`${"a".repeat(28)}!`, "includesRegex", "(a+)+$")),
    false,
  );
  const spaced = `x${" ".repeat(200_000)}y`;
  assert.equal(
    quick("\\s+$", () => s(spaced, "replaceAllRegex", "^\\s+|\\s+$", "")),
    spaced,
  );
  assert.equal(
    quick("trim", () => s(`  a  `, "replaceAllRegex", "^\\s+|\\s+$", "")),
    "a",
  );
});

test("empty matches step over whole code points: no endless loop, no lone surrogate", () => {
  assert.deepEqual(
    quick("matchIndexes", () => s("😀", "matchIndexes", "")),
    [
      [int(0), ""],
      [int(1), ""],
    ],
  );
  assert.deepEqual(s("😀", "matches", ""), ["", ""]);
  assert.deepEqual(s("a😀b", "splitRegex", ""), ["a", "😀", "b"]);
  assert.equal(s("😀", "replaceAllRegex", "", "-"), "-😀-");
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  for (const out of [s("x😀😀", "replaceAllRegex", "", "."), ...(s("😀😀x", "splitRegex", "") as string[])]) {
    assert.doesNotMatch(out as string, lone);
  }
});

test("matchIndexes stays linear: 8,000 matches in 48 KB", () => {
  const text = "😀abcde".repeat(8_000);
  const found = quick("matchIndexes", () => s(text, "matchIndexes", "b")) as Value[][];
  assert.equal(found.length, 8_000);
  assert.deepEqual(found[7_999], [int(7_999 * 6 + 2), "b"]);
});

test("Java spellings run on the linear engine: \\uXXXX escapes and Java's \\s (with \\x0B)", () => {
  assert.equal(s("é😀", "replaceAllRegex", "[\\u0080-\\u07FF]", ".."), "..😀");
  assert.equal(s("a\u000bb", "replaceAllRegex", "\\s", "_"), "a_b");
  assert.equal(s("a\u000bb", "replaceAllRegex", "[\\s]", "_"), "a_b");
  assert.equal(s("a b", "replaceAllRegex", "\\S", "x"), "x x");
  assert.equal(s("a\\sb", "replaceAllRegex", "\\\\s", "_"), "a_b", "an escaped backslash is not \\s");
});

test("constructs RE2 lacks still work through the fallback: backreferences, lookahead", () => {
  assert.deepEqual(s("abab cdcd", "matches", "(\\w\\w)\\1"), ["abab", "cdcd"]);
  assert.deepEqual(s("price: 10USD", "matches", "\\d+(?=USD)"), ["10"]);
  assertQueryError(() => s("x", "matches", "("), "invalid_regex");
});
