// String methods (faunadb Strings.scala). Indexes and lengths count Unicode code points;
// results of "not found" lookups are null. Fauna has no trim/trimStart/trimEnd.
import { double, int, long, type Value } from "../../core/index.js";
import {
  asInt,
  asStr,
  checkArgs,
  indexOutOfBounds,
  invalidArgument,
  p,
  valueTooLarge,
  type Signature,
} from "./args.js";
import { STRING_MAX_SIZE } from "./operators.js";
import { codePointWidth, parseRegex } from "./regex.js";
import type { CallContext, Method, TypeMembers } from "./types.js";

type Impl = (ctx: CallContext, self: string, args: Value[]) => Value;
const method =
  (name: string, sigs: readonly Signature[], impl: Impl): Method =>
  (ctx, self, args) =>
    impl(ctx, self as string, checkArgs(name, sigs, args));

// ---- code point ↔ UTF-16 index ----------------------------------------------------------

export const cpLength = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
};

const cpOfIndex = (s: string, charIndex: number): number => cpLength(s.slice(0, charIndex));

/** UTF-16 offset of code point `cp`, or undefined if the string has fewer code points. */
function offsetByCodePoints(s: string, cp: number): number | undefined {
  let i = 0;
  for (let n = 0; n < cp; n++) {
    if (i >= s.length) return undefined;
    const c = s.charCodeAt(i);
    i +=
      c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff
        ? 2
        : 1;
  }
  return i;
}

/** Code point index → UTF-16 index; `idx == length` allowed (insert/splitAt). */
function toIndexInclusive(s: string, idx: number): number {
  const off = idx < 0 || idx > s.length ? undefined : offsetByCodePoints(s, idx);
  if (off === undefined) throw indexOutOfBounds(idx, cpLength(s));
  return off;
}

/** Code point index → UTF-16 index of an existing character; unchecked mode clamps (slice). */
function toIndex(s: string, idx: number, checked = true): number {
  if (idx >= s.length || idx < 0) {
    if (checked) throw indexOutOfBounds(idx, cpLength(s));
    return idx;
  }
  const off = offsetByCodePoints(s, idx);
  if (off === undefined) {
    if (!checked) return s.length;
    throw indexOutOfBounds(idx, cpLength(s));
  }
  if (checked && off === s.length) throw indexOutOfBounds(idx, cpLength(s));
  return off;
}

/** Scala `String.slice`: clamps, never counts from the end. */
function scalaSlice(s: string, from: number, until: number): string {
  const lo = Math.max(from, 0);
  const hi = Math.min(Math.max(until, 0), s.length);
  return hi <= lo ? "" : s.slice(lo, hi);
}

const checkSize = (len: number): void => {
  if (len > STRING_MAX_SIZE) throw valueTooLarge(`string size ${len} exceeds limit ${STRING_MAX_SIZE}`);
};

const orNull = (s: string, charIndex: number): Value => (charIndex >= 0 ? int(cpOfIndex(s, charIndex)) : null);

// ---- replace / split (ported loops, so edge cases match Fauna) ---------------------------

type Matcher = (section: string) => [number, number] | undefined;

const literal =
  (pattern: string): Matcher =>
  (section) => {
    const i = section.indexOf(pattern);
    return i < 0 ? undefined : [i, i + pattern.length];
  };
const regex = (pattern: string): Matcher => {
  const compiled = parseRegex(pattern);
  return (section) => compiled.first(section);
};

function replace(s: string, match: Matcher, replacement: string, count: number | undefined): string {
  if (count !== undefined && count < 1) throw invalidArgument("count", "must be greater than or equal to 1");
  let prev = 0;
  let remaining = count;
  let out = "";
  while (remaining === undefined || remaining > 0) {
    const m = match(s.slice(prev));
    if (!m || prev > s.length) break;
    const [start, end] = m;
    checkSize(out.length + start + replacement.length);
    out += s.slice(prev, prev + start) + replacement;
    if (end === 0) {
      // An empty match at the cursor: copy one code point so the loop advances.
      if (prev >= s.length) {
        prev = s.length + 1;
      } else {
        const width = codePointWidth(s, prev);
        out += s.slice(prev, prev + width);
        prev += width;
      }
    } else {
      prev += end;
    }
    if (remaining !== undefined) remaining--;
  }
  if (prev <= s.length) out += s.slice(prev);
  checkSize(out.length);
  return out;
}

// JS-like split: "f b ".split(" ") → ["f", "b", ""], " ".split(" ") → ["", ""].
function split(s: string, match: Matcher): string[] {
  const out: string[] = [];
  let prev = 0;
  let done = false;
  while (!done && prev < s.length) {
    const m = match(s.slice(prev));
    if (!m) break;
    const [start, end] = m;
    if (start === end) {
      // An empty match: split off one code point (never half a surrogate pair).
      const width = codePointWidth(s, prev);
      out.push(s.slice(prev, prev + width));
      prev += width;
      if (prev < s.length && prev + codePointWidth(s, prev) === s.length) done = true; // avoids a trailing empty string
    } else {
      out.push(s.slice(prev, prev + start));
      prev += end;
    }
  }
  out.push(s.slice(prev));
  return out;
}

// ---- number parsing (java.lang.Integer/Long/Double.parse*) -------------------------------

function parseJavaInteger(s: string, radix: number, bits: 32 | 64): bigint | undefined {
  const m = /^([+-]?)(.+)$/s.exec(s);
  if (!m) return undefined;
  let n = 0n;
  const r = BigInt(radix);
  for (const ch of m[2]!) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= radix) return undefined;
    n = n * r + BigInt(d);
  }
  if (m[1] === "-") n = -n;
  const lim = 1n << BigInt(bits - 1);
  return n >= -lim && n < lim ? n : undefined;
}

function parseJavaDouble(s: string): number | undefined {
  // Java trims ASCII control/space characters and accepts NaN/Infinity and a d/f suffix.
  const t = s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "");
  const m = /^([+-]?)(?:(NaN)|(Infinity)|((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?)$/.exec(t);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  if (m[2]) return NaN;
  if (m[3]) return sign * Infinity;
  return sign * Number(m[4]);
}

function checkRadix(radix: number): void {
  if (radix < 2 || radix > 36) throw invalidArgument("format", "invalid radix, expected a number from 2-36");
}

// ---- casefold ---------------------------------------------------------------------------

const FORMATS = ["NFKCCaseFold", "NFC", "NFD", "NFKC", "NFKD"] as const;

function casefold(s: string, format = "NFKCCaseFold"): string {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw invalidArgument("format", "expected a casefold format (one of NFKCCaseFold, NFC, NFD, NFKC, or NFKD)");
  }
  if (format !== "NFKCCaseFold") return s.normalize(format as "NFC" | "NFD" | "NFKC" | "NFKD");
  // Approximates ICU's NFKC_Casefold: upper-then-lower applies full case folding (ß → ss).
  return s.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC");
}

// ---- members ----------------------------------------------------------------------------

const STR = (name: string) => p(name, "String");
const INT = (name: string) => p(name, "Int");

export const stringMembers: TypeMembers = {
  props: {
    length: (self) => int(cpLength(self as string)),
  },
  methods: {
    at: method("at", [[INT("index")]], (_c, s, [i]) => {
      const off = toIndex(s, asInt(i!));
      return String.fromCodePoint(s.codePointAt(off)!);
    }),
    casefold: method("casefold", [[], [STR("format")]], (_c, s, [f]) =>
      casefold(s, f === undefined ? undefined : asStr(f)),
    ),
    concat: method("concat", [[STR("other")]], (_c, s, [o]) => {
      checkSize(s.length + asStr(o!).length);
      return s + asStr(o!);
    }),
    endsWith: method("endsWith", [[STR("suffix")]], (_c, s, [x]) => s.endsWith(asStr(x!))),
    startsWith: method("startsWith", [[STR("prefix")]], (_c, s, [x]) => s.startsWith(asStr(x!))),
    includes: method("includes", [[STR("pattern")]], (_c, s, [x]) => s.includes(asStr(x!))),
    includesRegex: method(
      "includesRegex",
      [[STR("regex")]],
      (_c, s, [x]) => parseRegex(asStr(x!)).first(s) !== undefined,
    ),
    indexOf: method("indexOf", [[STR("pattern")], [STR("pattern"), INT("start")]], (_c, s, [x, st]) =>
      orNull(s, s.indexOf(asStr(x!), st === undefined ? 0 : toIndex(s, asInt(st)))),
    ),
    indexOfRegex: method("indexOfRegex", [[STR("regex")], [STR("regex"), INT("start")]], (_c, s, [x, st]) => {
      const from = st === undefined ? 0 : toIndex(s, asInt(st));
      const m = parseRegex(asStr(x!)).first(s.slice(from));
      return m ? int(cpOfIndex(s, m[0] + from)) : null;
    }),
    insert: method("insert", [[INT("index"), STR("other")]], (_c, s, [i, o]) => {
      const at = toIndexInclusive(s, asInt(i!));
      checkSize(s.length + asStr(o!).length);
      return s.slice(0, at) + asStr(o!) + s.slice(at);
    }),
    lastIndexOf: method("lastIndexOf", [[STR("pattern")], [STR("pattern"), INT("end")]], (_c, s, [x, e]) =>
      orNull(s, e === undefined ? s.lastIndexOf(asStr(x!)) : s.lastIndexOf(asStr(x!), toIndex(s, asInt(e)))),
    ),
    matches: method("matches", [[STR("regex")]], (_c, s, [x]) =>
      parseRegex(asStr(x!))
        .all(s)
        .map(([, t]) => t),
    ),
    matchIndexes: method("matchIndexes", [[STR("regex")]], (_c, s, [x]) => {
      // Code point offsets counted incrementally: matches come in order, so this stays linear.
      let charIndex = 0;
      let codePoints = 0;
      return parseRegex(asStr(x!))
        .all(s)
        .map(([i, t]) => {
          codePoints += cpLength(s.slice(charIndex, i));
          charIndex = i;
          return [int(codePoints), t];
        });
    }),
    parseDouble: method("parseDouble", [[]], (_c, s) => {
      const d = parseJavaDouble(s);
      return d === undefined ? null : double(d);
    }),
    parseInt: method("parseInt", [[], [INT("radix")]], (_c, s, [r]) => {
      const radix = r === undefined ? 10 : asInt(r);
      checkRadix(radix);
      const n = parseJavaInteger(s, radix, 32);
      return n === undefined ? null : int(Number(n));
    }),
    parseLong: method("parseLong", [[], [INT("radix")]], (_c, s, [r]) => {
      const radix = r === undefined ? 10 : asInt(r);
      checkRadix(radix);
      const n = parseJavaInteger(s, radix, 64);
      return n === undefined ? null : long(n);
    }),
    parseNumber: method("parseNumber", [[]], (_c, s) => {
      const i = parseJavaInteger(s, 10, 32);
      if (i !== undefined) return int(Number(i));
      const l = parseJavaInteger(s, 10, 64);
      if (l !== undefined) return long(l);
      const d = parseJavaDouble(s);
      return d === undefined ? null : double(d);
    }),
    replace: method(
      "replace",
      [
        [STR("pattern"), STR("replacement")],
        [STR("pattern"), STR("replacement"), INT("amount")],
      ],
      (_c, s, [x, r, n]) => replace(s, literal(asStr(x!)), asStr(r!), n === undefined ? 1 : asInt(n)),
    ),
    replaceAll: method("replaceAll", [[STR("pattern"), STR("replacement")]], (_c, s, [x, r]) =>
      replace(s, literal(asStr(x!)), asStr(r!), undefined),
    ),
    replaceRegex: method(
      "replaceRegex",
      [
        [STR("regex"), STR("replacement")],
        [STR("regex"), STR("replacement"), INT("amount")],
      ],
      (_c, s, [x, r, n]) => {
        parseRegex(asStr(x!)); // report invalid_regex before the count check
        return replace(s, regex(asStr(x!)), asStr(r!), n === undefined ? 1 : asInt(n));
      },
    ),
    replaceAllRegex: method("replaceAllRegex", [[STR("pattern"), STR("replacement")]], (_c, s, [x, r]) => {
      parseRegex(asStr(x!));
      return replace(s, regex(asStr(x!)), asStr(r!), undefined);
    }),
    slice: method("slice", [[INT("start")], [INT("start"), INT("end")]], (_c, s, [a, b]) =>
      scalaSlice(s, toIndex(s, asInt(a!), false), b === undefined ? s.length : toIndex(s, asInt(b), false)),
    ),
    split: method("split", [[STR("separator")]], (_c, s, [x]) => split(s, literal(asStr(x!)))),
    splitRegex: method("splitRegex", [[STR("regex")]], (_c, s, [x]) => {
      parseRegex(asStr(x!));
      return split(s, regex(asStr(x!)));
    }),
    splitAt: method("splitAt", [[INT("index")]], (_c, s, [i]) => {
      const at = toIndexInclusive(s, asInt(i!));
      return [s.slice(0, at), s.slice(at)];
    }),
    toLowerCase: method("toLowerCase", [[]], (_c, s) => s.toLowerCase()),
    toUpperCase: method("toUpperCase", [[]], (_c, s) => s.toUpperCase()),
    toString: method("toString", [[]], (_c, s) => s),
  },
};
