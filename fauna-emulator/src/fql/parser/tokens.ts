// Token shapes produced by the lexer and consumed by the parser.

export type TokenKind = "ident" | "num" | "str" | "punct" | "placeholder" | "eof";

/** `#{ expr }` inside a string: `start` is at `#{`, `end` after `}`; `tokens` end with an eof token at `}`. */
export interface Interpolation {
  start: number;
  end: number;
  tokens: Token[];
}

export type StrPart = string | Interpolation;

export interface Token {
  kind: TokenKind;
  /** Identifier name, punctuation, placeholder name (`$0`), or number text without `_`. */
  text: string;
  start: number;
  end: number;
  /** A newline (or a line comment) separates this token from the previous one. */
  nl: boolean;
  /** String tokens only: decoded literal text and interpolations, in order. */
  parts?: StrPart[];
}

/** Words that can never be identifiers (faunadb `Tokens.invalidIdents`). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "if",
  "else",
  "at",
  "match",
  "case",
  "let",
  "null",
  "true",
  "false",
  "isa",
  "join",
  "on",
  "of",
]);

/** Names that cannot be bound with `let`. */
export const INVALID_VARIABLES: ReadonlySet<string> = new Set([...KEYWORDS, "FQL", "_"]);

/** Longest first, so the lexer can take the first match. */
export const PUNCTUATION: readonly string[] = [
  "...",
  "?.",
  "??",
  "||",
  "&&",
  "==",
  "!=",
  "=~",
  "!~",
  "<=",
  ">=",
  "=>",
  "**",
  "->",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ";",
  ":",
  ".",
  "!",
  "?",
  "<",
  ">",
  "=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "|",
  "^",
  "&",
  "~",
  "@",
];

export const isIdentStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
/** Fauna identifiers may contain `'` after the first character (`foo'`). */
export const isIdentChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_']/.test(c);

/** Characters allowed verbatim inside strings (faunadb `Chars.isDisplay`). */
export function isDisplay(code: number): boolean {
  if (code <= 0x08) return false;
  if (code >= 0x0e && code <= 0x1f) return false;
  if (code === 0x7f || code === 0xfeff) return false;
  if (code >= 0xfff0 && code <= 0xffff) return false;
  // Bidi/formatting controls that can disguise source text.
  if (code >= 0x2000 && code <= 0x200f) return false;
  if (code >= 0x2028 && code <= 0x202f) return false;
  if (code >= 0x2060 && code <= 0x206f) return false;
  return true;
}

/** Human-readable description of a token for error messages. */
export function describe(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "end of input";
    case "str":
      return "string";
    case "num":
      return `number \`${t.text}\``;
    default:
      return `token \`${t.text}\``;
  }
}
