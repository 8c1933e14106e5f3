// Balanced scanning of FQL source embedded in FSL. FQL is not parsed here; we only find
// where an expression ends while stepping over strings, interpolations, heredocs and
// comments, whose contents may hold brackets, quotes or newlines that must not count.
import { SyntaxAbort } from "./errors.js";

export const isIdentStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
export const isIdentChar = (c: string | undefined): boolean =>
  c !== undefined && (isIdentStart(c) || (c >= "0" && c <= "9"));

const CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** `i` at `//`: returns the index of the terminating line break (or end of input). */
export function skipLineComment(src: string, i: number): number {
  let j = i + 2;
  while (j < src.length && src[j] !== "\n" && src[j] !== "\r") j++;
  return j;
}

/** `i` at `/*`: returns the index just after the matching `*\/` (block comments nest). */
export function skipBlockComment(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    if (src[j] === "/" && src[j + 1] === "*") {
      depth++;
      j += 2;
    } else if (src[j] === "*" && src[j + 1] === "/") {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  throw new SyntaxAbort(i, "Unterminated block comment");
}

/** `i` at a quote: returns the index after the closing quote. Only `"` strings interpolate. */
export function skipString(src: string, i: number): number {
  const q = src[i];
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === "\\") j += 2;
    else if (c === q) return j + 1;
    else if (q === '"' && c === "#" && src[j + 1] === "{") j = skipInterpolation(src, j + 2);
    else j++;
  }
  throw new SyntaxAbort(i, "Unterminated string literal");
}

/** `i` just after `#{`: returns the index after the matching `}`. */
function skipInterpolation(src: string, i: number): number {
  const r = scanCode(src, i, { stopAtNewline: false });
  if (src[r.end] !== "}") throw new SyntaxAbort(i - 2, "Unterminated string interpolation");
  return r.end + 1;
}

interface Heredoc {
  delim: string;
  interpolated: boolean;
  bodyStart: number;
}

/** Recognises `<<-NAME` / `<<+NAME` followed by the end of the line; null if `<` is an operator. */
export function heredocAt(src: string, i: number): Heredoc | null {
  if (src[i] !== "<" || src[i + 1] !== "<" || (src[i + 2] !== "-" && src[i + 2] !== "+")) return null;
  let j = i + 3;
  while (src[j] === " " || src[j] === "\t") j++;
  if (!isIdentStart(src[j])) return null;
  const s = j;
  while (isIdentChar(src[j])) j++;
  const delim = src.slice(s, j);
  while (src[j] === " " || src[j] === "\t") j++;
  if (src[j] === "\r") j++;
  if (src[j] !== "\n") return null;
  return { delim, interpolated: src[i + 2] === "+", bodyStart: j + 1 };
}

/** `i` at `<<`: returns the index just after the closing delimiter. */
export function skipHeredoc(src: string, i: number, h: Heredoc): number {
  let j = h.bodyStart;
  while (j < src.length) {
    // A line whose first non-blank word is the delimiter ends the heredoc.
    let p = j;
    while (src[p] === " " || src[p] === "\t") p++;
    if (src.startsWith(h.delim, p) && !isIdentChar(src[p + h.delim.length])) return p + h.delim.length;
    while (j < src.length && src[j] !== "\n") {
      if (h.interpolated && src[j] === "#" && src[j + 1] === "{") j = skipInterpolation(src, j + 2);
      else j++;
    }
    j++;
  }
  throw new SyntaxAbort(i, `Unterminated heredoc string, expected \`${h.delim}\``);
}

export interface ScanOptions {
  /** End at a line break or `;` at bracket depth 0 (default/compute expressions). */
  stopAtNewline: boolean;
  /** End at `,` at bracket depth 0 (defaults inside struct types). */
  stopAtComma?: boolean;
}

export interface ScanResult {
  /** Where scanning stopped: an unmatched closer, a stop character, or end of input. */
  end: number;
  /** End of the last significant character (trailing blanks and comments excluded). */
  textEnd: number;
}

/** Scans FQL from `i` until an unmatched closing bracket (or a stop character at depth 0). */
export function scanCode(src: string, i: number, opts: ScanOptions): ScanResult {
  const stack: { closer: string; at: number }[] = [];
  let j = i;
  let textEnd = i;
  while (j < src.length) {
    const c = src[j] as string;
    const top = stack.length === 0;
    if (c === " " || c === "\t") {
      j++;
    } else if (c === "\n" || c === "\r") {
      if (top && opts.stopAtNewline) break;
      j++;
    } else if (top && ((c === ";" && opts.stopAtNewline) || (c === "," && opts.stopAtComma))) {
      break;
    } else if (c === "/" && src[j + 1] === "/") {
      j = skipLineComment(src, j);
    } else if (c === "/" && src[j + 1] === "*") {
      j = skipBlockComment(src, j);
    } else if (c === '"' || c === "'") {
      j = textEnd = skipString(src, j);
    } else if (c === "<" && src[j + 1] === "<") {
      const h = heredocAt(src, j);
      j = textEnd = h ? skipHeredoc(src, j, h) : j + 2;
    } else if (c === "(" || c === "[" || c === "{") {
      stack.push({ closer: CLOSER[c] as string, at: j });
      j = textEnd = j + 1;
    } else if (c === ")" || c === "]" || c === "}") {
      const open = stack.pop();
      if (!open) break;
      if (open.closer !== c) throw new SyntaxAbort(j, `Unexpected \`${c}\`, expected \`${open.closer}\``);
      j = textEnd = j + 1;
    } else {
      j = textEnd = j + 1;
    }
  }
  const open = stack.pop();
  if (open) throw new SyntaxAbort(open.at, `Unclosed \`${src[open.at]}\``);
  return { end: j, textEnd };
}

/** Strips parentheses that wrap the whole text: `((x) => y)` → `(x) => y`. */
export function unwrapParens(text: string): string {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")")) {
    try {
      const r = scanCode(t, 1, { stopAtNewline: false });
      if (r.end !== t.length - 1) break;
    } catch {
      break;
    }
    t = t.slice(1, -1).trim();
  }
  return t;
}

/** Cheap syntactic test for `x => …`, `(a, b) => …`, `(a: T) => …`, `(...xs) => …`. */
export function looksLikeLambda(text: string): boolean {
  const t = text.trim();
  if (/^[A-Za-z_][A-Za-z0-9_]*\s*=>/.test(t)) return true;
  if (!t.startsWith("(")) return false;
  try {
    const r = scanCode(t, 1, { stopAtNewline: false });
    return t[r.end] === ")" && /^\s*=>/.test(t.slice(r.end + 1));
  } catch {
    return false;
  }
}
