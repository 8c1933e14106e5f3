// On-demand FQL lexer: the parser pulls tokens one at a time, so lexical errors surface in
// source order (a later unterminated string never masks an earlier syntax error).
import { MAX_NESTING, syntaxError } from "./diagnostics.js";
import { scanHeredoc, scanQuoted } from "./strings.js";
import { PUNCTUATION, isIdentChar, isIdentStart, type Interpolation, type Token } from "./tokens.js";

export class Lexer {
  pos = 0;
  private interpDepth = 0;

  constructor(
    readonly src: string,
    readonly sourceName: string | undefined,
  ) {
    // A leading byte-order mark is not part of the query.
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  error(message: string, start: number, end: number): never {
    throw syntaxError(message, start, end, this.sourceName);
  }

  next(): Token {
    const nl = this.skipTrivia();
    const start = this.pos;
    const src = this.src;
    if (start >= src.length) return { kind: "eof", text: "", start, end: start, nl };
    const c = src[start]!;

    if (isIdentStart(c)) {
      let p = start + 1;
      while (isIdentChar(src[p])) p++;
      this.pos = p;
      return { kind: "ident", text: src.slice(start, p), start, end: p, nl };
    }
    if (c >= "0" && c <= "9") return this.number(start, nl);
    if (c === '"' || c === "'") {
      const parts = scanQuoted(this, start);
      return { kind: "str", text: "", start, end: this.pos, nl, parts };
    }
    if (src.startsWith("<<-", start) || src.startsWith("<<+", start)) {
      const parts = scanHeredoc(this, start, src[start + 2] === "+");
      return { kind: "str", text: "", start, end: this.pos, nl, parts };
    }
    if (c === "$" && /[0-9]/.test(src[start + 1] ?? "")) {
      // `$0`, `$1`… are placeholders the wire layer substitutes for template values.
      let p = start + 1;
      while (/[0-9]/.test(src[p] ?? "")) p++;
      this.pos = p;
      return { kind: "placeholder", text: src.slice(start, p), start, end: p, nl };
    }
    for (const p of PUNCTUATION) {
      if (src.startsWith(p, start)) {
        this.pos = start + p.length;
        return { kind: "punct", text: p, start, end: this.pos, nl };
      }
    }
    const ch = String.fromCodePoint(src.codePointAt(start)!);
    return this.error(`Unexpected character \`${ch}\``, start, start + ch.length);
  }

  /** Lexes the expression of `#{ … }` up to its closing brace (this.pos is just after `#{`). */
  interpolation(hashPos: number): Interpolation {
    if (++this.interpDepth > MAX_NESTING) this.error("Query is too deeply nested", hashPos, hashPos + 2);
    const tokens: Token[] = [];
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (t.kind === "eof") this.error("Unterminated string interpolation", hashPos, t.start);
      if (t.kind === "punct" && t.text === "{") depth++;
      if (t.kind === "punct" && t.text === "}") {
        if (depth === 0) {
          tokens.push({ kind: "eof", text: "", start: t.start, end: t.start, nl: t.nl });
          this.interpDepth--;
          return { start: hashPos, end: t.end, tokens };
        }
        depth--;
      }
      tokens.push(t);
    }
  }

  /** Skips spaces, newlines and comments; reports whether a statement-separating newline was seen. */
  private skipTrivia(): boolean {
    const src = this.src;
    let nl = false;
    for (;;) {
      const c = src[this.pos];
      if (c === " " || c === "\t") this.pos++;
      else if (c === "\n" || c === "\r") {
        nl = true;
        this.pos++;
      } else if (c === "/" && src[this.pos + 1] === "/") {
        const end = src.indexOf("\n", this.pos);
        this.pos = end < 0 ? src.length : end + 1;
        nl = true;
      } else if (c === "/" && src[this.pos + 1] === "*") this.blockComment();
      else return nl;
    }
  }

  /** Block comments nest; newlines inside them do not separate statements. */
  private blockComment(): void {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.src.length) {
      if (this.src.startsWith("/*", this.pos)) {
        depth++;
        this.pos += 2;
      } else if (this.src.startsWith("*/", this.pos)) {
        depth--;
        this.pos += 2;
        if (depth === 0) return;
      } else this.pos++;
    }
    this.error("Unterminated block comment", start, this.src.length);
  }

  private number(start: number, nl: boolean): Token {
    const src = this.src;
    let p = start;
    const radix = src[p] === "0" ? (src[p + 1] ?? "").toLowerCase() : "";
    if (radix === "x" || radix === "o" || radix === "b") {
      const digit = radix === "x" ? /[0-9a-fA-F]/ : radix === "o" ? /[0-7]/ : /[01]/;
      p += 2;
      let digits = 0;
      while (p < src.length && (src[p] === "_" || digit.test(src[p]!))) {
        if (src[p] !== "_") digits++;
        p++;
      }
      if (digits === 0) this.error("Invalid number literal", start, p + 1);
    } else {
      // Decimal: `0` or a non-zero digit followed by digits/underscores.
      p++;
      if (src[start] !== "0") while (/[0-9_]/.test(src[p] ?? "")) p++;
      if (src[p] === "." && /[0-9]/.test(src[p + 1] ?? "")) {
        p += 2;
        while (/[0-9_]/.test(src[p] ?? "")) p++;
      }
      if (src[p] === "e" || src[p] === "E") {
        let q = p + 1;
        if (src[q] === "+" || src[q] === "-") q++;
        if (!/[0-9]/.test(src[q] ?? "")) this.error("Invalid number literal: missing exponent digits", start, q + 1);
        p = q + 1;
        while (/[0-9_]/.test(src[p] ?? "")) p++;
      }
    }
    this.pos = p;
    return { kind: "num", text: src.slice(start, p).replace(/_/g, ""), start, end: p, nl };
  }
}
