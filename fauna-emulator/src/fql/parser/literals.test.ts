import assert from "node:assert/strict";
import { test } from "node:test";
import { e, err } from "../../../test/support/parser.js";
import { parseExpression } from "./index.js";

test("integer literals drop `_` separators and keep hex/binary/octal prefixes", () => {
  assert.equal(e("42"), "42");
  assert.equal(e("1_000_000"), "1000000");
  assert.equal(e("0x1F_FF"), "0x1FFF");
  assert.equal(e("0b1010"), "0b1010");
  assert.equal(e("0o17"), "0o17");
  assert.equal(e("0"), "0");
});

test("double literals accept fractions and exponents", () => {
  assert.equal(e("1.5"), "1.5");
  assert.equal(e("1_0.2_5"), "10.25");
  assert.equal(e("1e10"), "1e10");
  assert.equal(e("2.5E-3"), "2.5E-3");
  assert.equal(e("6e+2"), "6e+2");
});

test("a sign directly before a number is part of the literal, as in faunadb", () => {
  assert.equal(e("-5"), "-5");
  assert.equal(e("+5"), "5");
  assert.equal(e("-5.abs()"), "(call (. -5 abs))");
  assert.equal(e("-0x10"), "-0x10");
  assert.equal(e("a - 5"), "(- a 5)");
  assert.equal(e("a -5"), "(- a 5)");
  assert.equal(e("1 - -2"), "(- 1 -2)");
  assert.equal(e("-x"), "(neg x)");
});

test("a dot after an integer not followed by a digit is a field access", () => {
  assert.equal(e("1.toString()"), "(call (. 1 toString))");
  assert.equal(e("1.5.toString()"), "(call (. 1.5 toString))");
});

test("null, true and false are literals and can start method chains", () => {
  assert.equal(e("null"), "null");
  assert.equal(e("[true, false]"), "[true false]");
  assert.equal(e("true.toString()"), "(call (. true toString))");
});

test("single- and double-quoted strings decode every escape of the reference", () => {
  const value = (src: string) => {
    const node = parseExpression(src);
    assert.equal(node.type, "Str");
    return node.type === "Str" ? node.value : "";
  };
  assert.equal(value(String.raw`'a\\b\0c\'d\"e\`f'`), "a\\b\0c'd\"e`f");
  assert.equal(value(String.raw`"\n\r\v\t\b\f\#"`), "\n\r\v\t\b\f#");
  assert.equal(value(String.raw`"\x41\u00e9\u{1F600}"`), "Aé😀");
  assert.equal(value(`"single ' inside"`), "single ' inside");
  assert.equal(value(`'double " and # inside'`), 'double " and # inside');
  assert.equal(value(`"line\nbreak"`), "line\nbreak");
  assert.equal(value(`''`), "");
});

test("interpolation happens only in double-quoted strings", () => {
  assert.equal(e(`"Hello #{name}!"`), `(tpl "Hello " name "!")`);
  assert.equal(e(`'Hello #{name}!'`), `"Hello #{name}!"`);
  assert.equal(e(`"a \\#{b}"`), `"a #{b}"`);
  assert.equal(e(`"# alone"`), `"# alone"`);
  assert.equal(e(`"#{a}#{b.c(1)}"`), "(tpl a (call (. b c) 1))");
  assert.equal(e(`"x #{ { let y = 1; y } } z"`), `(tpl "x " (block (let y 1) y) " z")`);
  assert.equal(e(`"outer #{ "inner #{x}" }"`), `(tpl "outer " (tpl "inner " x))`);
  assert.equal(e(`"#{ {a: 1}.a }"`), "(tpl (. {a: 1} a))");
});

test("plain heredocs strip the common indentation and keep the final newline", () => {
  assert.equal(e("<<-END\n  hello\n    world\n  END"), JSON.stringify("hello\n  world\n"));
  assert.equal(e("<<-END\nno #{interp}\nEND"), JSON.stringify("no #{interp}\n"));
  assert.equal(e("<<-END\nENDOR\nAPPEND\nEND"), JSON.stringify("ENDOR\nAPPEND\n"));
  assert.equal(e("<<-END\nEND"), '""');
  assert.equal(e("<<-TXT\n  a\n\n  b\n  TXT.length"), `(. ${JSON.stringify("a\n\nb\n")} length)`);
});

test("interpolating heredocs produce templates", () => {
  assert.equal(e("<<+END\n  Hi #{name}\n  bye\n  END"), `(tpl "Hi " name "\\nbye\\n")`);
  assert.equal(e("<<+END\n  plain\n  END"), JSON.stringify("plain\n"));
  assert.equal(e("<<+END\n#{a}\n  b\nEND"), `(tpl a "\\n  b\\n")`);
});

test("line and nested block comments are ignored", () => {
  assert.equal(e("1 + // comment\n 2"), "(+ 1 2)");
  assert.equal(e("1 /* a /* nested */ comment */ + 2"), "(+ 1 2)");
  assert.equal(e("/* lead */ x"), "x");
});

test("`$N` template placeholders parse as identifiers", () => {
  assert.equal(e("$0"), "$0");
  assert.equal(e("Set.paginate($12)"), "(call (. Set paginate) $12)");
  assert.equal(e("[$0, $1].map(x => x * $2)"), "(call (. [$0 $1] map) (fn [x] (* x $2)))");
});

test("identifiers may contain digits, underscores and a trailing quote like faunadb's", () => {
  assert.equal(e("_foo1"), "_foo1");
  assert.equal(e("foo'"), "foo'");
});

test("malformed literals are rejected with their position", () => {
  assert.equal(err(`"abc`), "Unterminated string @1:1");
  assert.equal(err(`x + 'abc`), "Unterminated string @1:5");
  assert.equal(err(String.raw`'ab\q'`), "Invalid escape `\\q` @1:4");
  assert.equal(err(String.raw`"\x4"`), "Invalid escape: expected two hex digits @1:2");
  assert.equal(err(String.raw`"\u12"`), "Invalid escape: expected four hex digits @1:2");
  assert.equal(err(String.raw`"\u{110000}"`), "Invalid escape: outside of valid unicode range @1:2");
  assert.equal(err(String.raw`"\uD800"`), "Invalid escape: surrogates are disallowed @1:2");
  assert.equal(err(`"a\u0001b"`), "Invalid character in string @1:3");
  assert.equal(err(`"#{x"`), "Unterminated string @1:5");
  assert.equal(err(`"#{ 1 2 }"`), "Expected `}` @1:7");
  assert.equal(err(`"#{}"`), "Expected an expression inside `#{}` @1:2");
  assert.equal(err("0x"), "Invalid number literal @1:1");
  assert.equal(err("0b2"), "Invalid number literal @1:1");
  assert.equal(err("1e"), "Invalid number literal: missing exponent digits @1:1");
  assert.equal(err("<<-END\nabc"), "Unterminated heredoc string (missing `END`) @1:1");
  assert.equal(err("<<- 1\nx"), "Expected heredoc delimiter @1:1");
  assert.equal(err("<<-END x\nEND"), "Expected a line break after the heredoc delimiter @1:7");
  assert.equal(err("1 /* open"), "Unterminated block comment @1:3");
  assert.equal(err("a @ b"), "Expected end-of-input @1:3");
  assert.equal(err("#x"), "Unexpected character `#` @1:1");
  assert.equal(err("$x"), "Unexpected character `$` @1:1");
});
