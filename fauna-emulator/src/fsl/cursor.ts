// A position in one FSL file plus the token-level helpers the item and type parsers share.
import { SyntaxAbort } from "./errors.js";
import { isIdentChar, isIdentStart, skipBlockComment, skipLineComment } from "./scan.js";

export interface Name {
  text: string;
  at: number;
  /** Written as a quoted legacy name (`"my-role"`). */
  quoted: boolean;
}

export class Cursor {
  pos = 0;
  constructor(
    readonly src: string,
    readonly file: string,
  ) {}

  peek(n = 0): string | undefined {
    return this.src[this.pos + n];
  }

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  fail(message: string, at = this.pos): never {
    throw new SyntaxAbort(at, message);
  }

  /** Skips blanks and comments; line breaks too when `newlines` (and `;` when `semis`). */
  trivia(newlines: boolean, semis = false): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === " " || c === "\t") this.pos++;
      else if ((c === "\n" || c === "\r") && newlines) this.pos++;
      else if (c === ";" && semis) this.pos++;
      else if (c === "/" && s[this.pos + 1] === "/") this.pos = skipLineComment(s, this.pos);
      else if (c === "/" && s[this.pos + 1] === "*") this.pos = skipBlockComment(s, this.pos);
      else break;
    }
  }

  /** Blanks and comments on the current line only. */
  inline(): void {
    this.trivia(false);
  }

  /** Everything up to the next significant token, line breaks and `;` included. */
  space(): void {
    this.trivia(true, true);
  }

  /** Consumes `text` if it is next. */
  eat(text: string): boolean {
    if (this.src.startsWith(text, this.pos)) {
      this.pos += text.length;
      return true;
    }
    return false;
  }

  expect(text: string, what = `\`${text}\``): void {
    if (!this.eat(text)) this.fail(`Expected ${what}`); // Fauna names only what it expected
  }

  /** ", found `x`" describing the next token, for error messages. */
  foundSuffix(): string {
    if (this.atEnd()) return ", found end of file";
    const c = this.peek() as string;
    if (c === "\n" || c === "\r") return ", found end of line";
    if (isIdentStart(c)) return `, found \`${this.peekIdent()}\``;
    return `, found \`${c}\``;
  }

  peekIdent(): string | null {
    if (!isIdentStart(this.peek())) return null;
    let j = this.pos;
    while (isIdentChar(this.src[j])) j++;
    return this.src.slice(this.pos, j);
  }

  ident(): Name | null {
    const text = this.peekIdent();
    if (text === null) return null;
    const at = this.pos;
    this.pos += text.length;
    return { text, at, quoted: false };
  }

  expectIdent(what: string): Name {
    return this.ident() ?? this.fail(`Expected ${what}${this.foundSuffix()}`);
  }

  /** An identifier or a quoted (legacy) name. */
  name(what: string): Name {
    const c = this.peek();
    if (c === '"' || c === "'") {
      const at = this.pos;
      return { text: this.stringLiteral(), at, quoted: true };
    }
    return this.expectIdent(what);
  }

  /** A plain string literal (no interpolation), decoded. */
  stringLiteral(): string {
    const q = this.peek();
    if (q !== '"' && q !== "'") this.fail(`Expected string literal${this.foundSuffix()}`);
    const start = this.pos;
    let out = "";
    let j = this.pos + 1;
    const s = this.src;
    for (;;) {
      if (j >= s.length) this.fail("Unterminated string literal", start);
      const c = s[j] as string;
      if (c === q) break;
      if (c === "#" && s[j + 1] === "{") this.fail("Cannot interpolate values in a string literal", j);
      if (c === "\\") {
        const [decoded, next] = decodeEscape(s, j, (m, at) => this.fail(m, at));
        out += decoded;
        j = next;
      } else {
        out += c;
        j++;
      }
    }
    this.pos = j + 1;
    return out;
  }

  /** An integer or decimal literal (optionally negative); null if none is next. */
  numberLiteral(): { value: number; integer: boolean; at: number } | null {
    const m = /^-?(?:0|[1-9][0-9_]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos, this.pos + 64));
    if (!m || isIdentChar(this.src[this.pos + m[0].length])) return null;
    const at = this.pos;
    this.pos += m[0].length;
    return { value: Number(m[0].replace(/_/g, "")), integer: !m[1] && !m[2], at };
  }
}

const ESCAPES: Record<string, string> = {
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

/** Decodes the escape at `j` (a backslash); returns the text and the index after it. */
function decodeEscape(s: string, j: number, fail: (m: string, at: number) => never): [string, number] {
  const e = s[j + 1];
  if (e !== undefined && e in ESCAPES) return [ESCAPES[e] as string, j + 2];
  let m: RegExpExecArray | null;
  const rest = s.slice(j + 1, j + 12);
  if ((m = /^x([0-9a-fA-F]{2})/.exec(rest)))
    return [String.fromCodePoint(parseInt(m[1] as string, 16)), j + 1 + m[0].length];
  if ((m = /^u([0-9a-fA-F]{4})/.exec(rest)) || (m = /^u\{([0-9a-fA-F]{1,6})\}/.exec(rest))) {
    const cp = parseInt(m[1] as string, 16);
    if (cp > 0x10ffff) fail("Invalid escape: outside of valid unicode range", j);
    return [String.fromCodePoint(cp), j + 1 + m[0].length];
  }
  return fail("Invalid escape sequence", j);
}
