// Query templates (§2.1) → one FQL source text. Each `value` node becomes a placeholder
// identifier `$<n>` bound to the decoded value, so values never pass through the lexer.
import { InvalidQueryError, invalidRequest, type Value } from "../core/index.js";
import { ValueDecodeError, decodeTagged } from "./decode.js";
import { fqlString } from "./fql-text.js";

const SHAPE = "expected a string or an object with a single key 'fql', 'value', 'array', or 'object'";

const badTemplate = (what: string) => invalidRequest(`Invalid request body: Invalid query template: ${what}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function templateToSource(node: unknown): { source: string; values: Value[] } {
  const values: Value[] = [];

  const raw = (s: string): string => {
    if (s.includes("\u0000")) throw badTemplate("strings may not contain NUL");
    return s;
  };

  const placeholder = (json: unknown): string => {
    try {
      values.push(decodeTagged(json));
    } catch (e) {
      if (!(e instanceof ValueDecodeError)) throw e;
      // Template values are checked like query text: a bad one is an invalid_query.
      throw new InvalidQueryError([
        { message: `Invalid value: ${e.message}`, span: { start: 0, end: 0, source: "*query*" } },
      ]);
    }
    return `$${values.length - 1}`;
  };

  /** `nested`: directly inside an array/object literal, where text needs parentheses. */
  const convert = (n: unknown, nested: boolean): string => {
    if (typeof n === "string") return nested ? `(${raw(n)})` : raw(n);
    if (!isObject(n)) throw badTemplate(SHAPE);
    const keys = Object.keys(n);
    if (keys.length !== 1) throw badTemplate(SHAPE);
    const key = keys[0]!;
    const body = n[key];
    switch (key) {
      case "fql": {
        if (!Array.isArray(body)) throw badTemplate("'fql' must be an array");
        const text = body.map((part) => convert(part, false)).join("");
        return nested ? `(${text})` : text;
      }
      case "value":
        return placeholder(body);
      case "array":
        if (!Array.isArray(body)) throw badTemplate("'array' must be an array");
        return `[${body.map((item) => convert(item, true)).join(", ")}]`;
      case "object":
        if (!isObject(body)) throw badTemplate("'object' must be an object");
        return `{${Object.entries(body)
          .map(([k, item]) => `${fqlString(raw(k))}: ${convert(item, true)}`)
          .join(", ")}}`;
      default:
        throw badTemplate(SHAPE);
    }
  };

  return { source: convert(node, false), values };
}
