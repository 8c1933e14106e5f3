// String literal scanning: quoted strings with escapes and `#{}` interpolation, and heredocs
// (`<<-END` plain, `<<+END` interpolating) with common indentation stripped.
import { isDisplay, isIdentChar, isIdentStart, type Interpolation, type StrPart } from "./tokens.js";

/** What scanning a string needs of the lexer that calls it. */
export interface StringScanner {
  readonly src: string;
  pos: number;
  error(message: string, start: number, end: number): never;
  /** Lexes a `#{…}` interpolation whose `#` is at `hashPos`, leaving `pos` after its `}`. */
  interpolation(hashPos: number): Interpolation;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "0": "\0",
  "'": "'",
  '"': '"',
  "`": "`",
  n: "\n",
  r: "\r",
  v: "\v",
  t: "\t",
  b: "\b",
  f: "\f",
  "#": "#",
};

/** Appends `s` to the parts, merging with a preceding literal piece. */
function pushText(parts: StrPart[], s: string): void {
  if (s === "") return;
  const last = parts[parts.length - 1];
  if (typeof last === "string") parts[parts.length - 1] = last + s;
  else parts.push(s);
}

/** Scans `'…'` or `"…"` starting at the quote; only double quotes interpolate. */
export function scanQuoted(lx: StringScanner, start: number): StrPart[] {
  const src = lx.src;
  const quote = src[start]!;
  const parts: StrPart[] = [];
  let p = start + 1;
  for (;;) {
    if (p >= src.length) lx.error("Unterminated string", start, src.length);
    const c = src[p]!;
    if (c === quote) {
      lx.pos = p + 1;
      return parts;
    }
    if (c === "\\") {
      const [text, next] = escape(lx, p);
      pushText(parts, text);
      p = next;
    } else if (quote === '"' && c === "#" && src[p + 1] === "{") {
      lx.pos = p + 2;
      parts.push(lx.interpolation(p));
      p = lx.pos;
    } else {
      const code = src.charCodeAt(p);
      if (!isDisplay(code)) lx.error("Invalid character in string", p, p + 1);
      pushText(parts, c);
      p++;
    }
  }
}

/** Decodes the escape sequence at `p` (the backslash); returns its text and the next offset. */
function escape(lx: StringScanner, p: number): [string, number] {
  const src = lx.src;
  const code = src[p + 1];
  if (code === undefined) lx.error("Unterminated string", p, p + 1);
  const simple = SIMPLE_ESCAPES[code];
  if (simple !== undefined) return [simple, p + 2];
  if (code === "x") {
    const hex = src.slice(p + 2, p + 4);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) lx.error("Invalid escape: expected two hex digits", p, p + 4);
    return [String.fromCharCode(parseInt(hex, 16)), p + 4];
  }
  if (code === "u") {
    let hex: string;
    let end: number;
    if (src[p + 2] === "{") {
      const close = src.indexOf("}", p + 3);
      hex = close < 0 ? "" : src.slice(p + 3, close);
      end = close + 1;
      if (!/^[0-9a-fA-F]{1,6}$/.test(hex))
        lx.error("Invalid escape: expected 1 to 6 hex digits in `\\u{…}`", p, Math.max(end, p + 3));
    } else {
      hex = src.slice(p + 2, p + 6);
      end = p + 6;
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) lx.error("Invalid escape: expected four hex digits", p, p + 6);
    }
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) lx.error("Invalid escape: outside of valid unicode range", p, end);
    if (cp >= 0xd800 && cp <= 0xdfff) lx.error("Invalid escape: surrogates are disallowed", p, end);
    return [String.fromCodePoint(cp), end];
  }
  const shown = String.fromCodePoint(src.codePointAt(p + 1)!);
  return lx.error(`Invalid escape \`\\${shown}\``, p, p + 1 + shown.length);
}

const isNewline = (c: string | undefined) => c === "\n" || c === "\r";
const isBlank = (c: string | undefined) => c === " " || c === "\t";

interface HeredocLine {
  parts: StrPart[];
  newlines: string;
}

/**
 * Scans a heredoc starting at `<<-`/`<<+`: a delimiter word, a line break, content lines, and
 * a line holding only the delimiter. Blank-only runs of newlines stay attached to the line
 * before them and do not count towards the common indentation.
 */
export function scanHeredoc(lx: StringScanner, start: number, interpolate: boolean): StrPart[] {
  const src = lx.src;
  let p = start + 3;
  while (isBlank(src[p])) p++;
  const delimStart = p;
  if (!isIdentStart(src[p])) lx.error("Expected heredoc delimiter", start, p + 1);
  while (isIdentChar(src[p])) p++;
  const delim = src.slice(delimStart, p);

  // One or more (blanks, newlines) groups must follow the delimiter.
  let sawNewline = false;
  for (;;) {
    let q = p;
    while (isBlank(src[q])) q++;
    if (!isNewline(src[q])) break;
    while (isNewline(src[q])) q++;
    p = q;
    sawNewline = true;
  }
  if (!sawNewline) lx.error("Expected a line break after the heredoc delimiter", p, p + 1);

  const lines: HeredocLine[] = [];
  for (;;) {
    let q = p;
    while (isBlank(src[q])) q++;
    if (src.startsWith(delim, q) && !isIdentChar(src[q + delim.length])) {
      lx.pos = q + delim.length;
      break;
    }
    if (p >= src.length) lx.error(`Unterminated heredoc string (missing \`${delim}\`)`, start, src.length);
    const parts: StrPart[] = [];
    let text = "";
    while (p < src.length && !isNewline(src[p])) {
      if (interpolate && src[p] === "#" && src[p + 1] === "{") {
        parts.push(text);
        text = "";
        lx.pos = p + 2;
        parts.push(lx.interpolation(p));
        p = lx.pos;
        continue;
      }
      if (!isDisplay(src.charCodeAt(p))) lx.error("Invalid character in string", p, p + 1);
      text += src[p];
      p++;
    }
    parts.push(text);
    if (p >= src.length) lx.error(`Unterminated heredoc string (missing \`${delim}\`)`, start, src.length);
    const nlStart = p;
    while (isNewline(src[p])) p++;
    lines.push({ parts, newlines: src.slice(nlStart, p) });
  }
  return unindent(lines);
}

function unindent(lines: HeredocLine[]): StrPart[] {
  let indent = Infinity;
  for (const line of lines) {
    const first = line.parts[0];
    const s = typeof first === "string" ? first : "";
    const i = s.search(/[^ \t]/);
    indent = Math.min(indent, i < 0 ? s.length : i);
  }
  const out: StrPart[] = [];
  for (const line of lines) {
    line.parts.forEach((part, i) => {
      if (typeof part !== "string") out.push(part);
      else pushText(out, i === 0 ? part.slice(indent) : part);
    });
    pushText(out, line.newlines);
  }
  return out;
}
