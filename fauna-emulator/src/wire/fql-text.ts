// FQL source-text helpers shared by template conversion and the encoders.
import type { FunctionValue } from "../core/index.js";

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\b": "\\b",
  "\f": "\\f",
  "\0": "\\0",
};

/** A double-quoted FQL string literal; `#{` is escaped so it cannot start an interpolation. */
export function fqlString(s: string): string {
  return (
    '"' +
    s.replace(/[\\"\u0000-\u001f\u007f\ud800-\udfff]|#(?=\{)/gu, (c) => {
      if (c === "#") return "\\#";
      const known = ESCAPES[c];
      if (known) return known;
      // Control characters and lone surrogates (the /u flag leaves proper pairs alone).
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    }) +
    '"'
  );
}

const RESERVED = new Set(["at", "case", "else", "false", "if", "isa", "let", "match", "null", "true"]);

/** Whether a key can be written bare (`name: …`) rather than quoted. */
export const isBareKey = (k: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !RESERVED.has(k);

/** `[function <lambda>]` / `[function abs()]` — how every format shows a callable. */
export function functionText(f: FunctionValue): string {
  if (f.kind === "lambda") return "[function <lambda>]";
  const name = f.name.slice(f.name.lastIndexOf(".") + 1);
  return `[function ${name}()]`;
}
