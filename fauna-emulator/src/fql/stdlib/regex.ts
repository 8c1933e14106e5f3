// FQL regexes are Java regexes. They run on RE2 (re2js, pure JS), which matches in time
// linear in the input, so no pattern can backtrack catastrophically. The few Java constructs
// RE2 lacks (backreferences, lookaround, possessive quantifiers) fall back to JS RegExp,
// which only the query deadline bounds. Java-only spellings RE2 does support under another
// name (`\uXXXX`, Java's `\s`) are translated first.
import { RE2JS } from "re2js";
import { QueryError } from "../../core/index.js";

/** A compiled pattern: matches as [start, end) UTF-16 offsets, as Java's Matcher reports them. */
export interface Regex {
  first(s: string): [number, number] | undefined;
  /** All non-overlapping matches as [start, text]; after an empty match the search moves one code point on. */
  all(s: string): [number, string][];
}

const cache = new Map<string, Regex>();

function invalidRegex(description: string, index: number): QueryError {
  return new QueryError("invalid_regex", `Invalid regular expression. ${description} at index ${index}`);
}

/** UTF-16 length of the code point at `i` (2 for a surrogate pair), so no match splits one. */
export function codePointWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

// Java's `\s` is [ \t\n\x0B\f\r]; RE2's lacks \x0B.
const JAVA_SPACE = "\\t\\n\\x0B\\f\\r ";

/** Java spellings RE2 reads differently, rewritten; everything else is passed through. */
export function toRe2Syntax(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\" && i + 1 < pattern.length) {
      const next = pattern[i + 1]!;
      const hex = /^[0-9a-fA-F]{4}/.exec(pattern.slice(i + 2, i + 6));
      if (next === "u" && hex) {
        out += `\\x{${hex[0]}}`;
        i += 5;
      } else if (next === "s") {
        out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
        i += 1;
      } else if (next === "S" && !inClass) {
        out += `[^${JAVA_SPACE}]`;
        i += 1;
      } else {
        out += ch + next;
        i += 1;
      }
      continue;
    }
    if (ch === "[" && !inClass) inClass = true;
    else if (ch === "]" && inClass) inClass = false;
    out += ch;
  }
  return out;
}

function re2Regex(pattern: RE2JS): Regex {
  return {
    first(s) {
      const m = pattern.matcher(s);
      return m.find() ? [m.start(), m.end()] : undefined;
    },
    all(s) {
      const out: [number, string][] = [];
      const m = pattern.matcher(s);
      while (m.find()) out.push([m.start(), m.group() ?? ""]);
      return out;
    },
  };
}

function jsRegex(re: RegExp): Regex {
  return {
    first(s) {
      re.lastIndex = 0;
      const m = re.exec(s);
      return m ? [m.index, m.index + m[0].length] : undefined;
    },
    all(s) {
      const out: [number, string][] = [];
      re.lastIndex = 0;
      for (;;) {
        const m = re.exec(s);
        if (!m) break;
        out.push([m.index, m[0]]);
        if (m[0].length === 0) {
          if (m.index >= s.length) break;
          re.lastIndex = m.index + codePointWidth(s, m.index);
        }
      }
      re.lastIndex = 0;
      return out;
    },
  };
}

/** The JS fallback: leading inline flags such as `(?i)` are translated. */
function compileJs(pattern: string): Regex {
  let body = pattern;
  let flags = "g";
  const inline = /^\(\?([imsx]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const f of inline[1]!) if (f !== "x" && !flags.includes(f)) flags += f;
  }
  try {
    return jsRegex(new RegExp(body, flags + "u"));
  } catch {
    try {
      // Java accepts escapes like `\-` or `\_` outside classes that the `u` flag rejects.
      return jsRegex(new RegExp(body, flags));
    } catch (e) {
      const msg = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(e);
      throw invalidRegex(msg, 0);
    }
  }
}

/** Compiles `pattern` (Java syntax), preferring the linear-time engine. */
export function parseRegex(pattern: string): Regex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let compiled: Regex;
  try {
    compiled = re2Regex(RE2JS.compile(toRe2Syntax(pattern)));
  } catch {
    compiled = compileJs(pattern);
  }
  if (cache.size > 256) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}
