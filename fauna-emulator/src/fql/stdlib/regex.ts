// FQL regexes are Java regexes; we run them with JS RegExp. Leading inline flags such as
// `(?i)` are translated; other Java-only syntax surfaces as `invalid_regex`.
import { QueryError } from "../../core/index.js";

const cache = new Map<string, RegExp>();

function invalidRegex(description: string, index: number): QueryError {
  return new QueryError("invalid_regex", `Invalid regular expression. ${description} at index ${index}`);
}

/** Compiles `pattern` into a global RegExp (callers reset lastIndex). */
export function parseRegex(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let body = pattern;
  let flags = "g";
  const inline = /^\(\?([imsx]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const f of inline[1]!) if (f !== "x" && !flags.includes(f)) flags += f;
  }
  let re: RegExp;
  try {
    re = new RegExp(body, flags + "u");
  } catch {
    try {
      // Java accepts escapes like `\-` or `\_` outside classes that the `u` flag rejects.
      re = new RegExp(body, flags);
    } catch (e) {
      const msg = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(e);
      throw invalidRegex(msg, 0);
    }
  }
  if (cache.size > 256) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** First match of `re` in `s` as [start, end) UTF-16 offsets. */
export function firstMatch(re: RegExp, s: string): [number, number] | undefined {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? [m.index, m.index + m[0].length] : undefined;
}

/** All non-overlapping matches as [start, text]. */
export function allMatches(re: RegExp, s: string): [number, string][] {
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(s);
    if (!m) break;
    out.push([m.index, m[0]]);
    if (m[0].length === 0) re.lastIndex = m.index + 1; // step over empty matches
  }
  re.lastIndex = 0;
  return out;
}
