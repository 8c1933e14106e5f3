// FQL's two renderings of values (faunadb ToString.scala):
// - display string: `toString()`, `"s" + v`, interpolation. Scalars render bare
//   (`2.0` → "2", a Time → its ISO text, a String → itself).
// - debug string: used for containers and nested values: strings quoted/escaped,
//   `Time("…")`, doubles in JVM `Double.toString` form (`1.0`, `1.0E10`).
import { formatInstant, digitsOf, javaDoubleString, type Value } from "../../core/index.js";

/**
 * Renders documents (DocValue / NamedDocValue). `nested` is false for a document at the
 * top of a `toString()` (Fauna renders all its fields as an object) and true inside a
 * container (Fauna renders `[doc 123 in Coll]` to avoid reference cycles).
 */
export type DocDisplay = (v: Value, nested: boolean) => string;

/** Display form of a double: integral values print without a fraction (`%.0f`), others as Double.toString. */
export function displayDouble(d: number): string {
  if (Number.isFinite(d) && d % 1 === 0) {
    if (d === 0) return Object.is(d, -0) ? "-0" : "0";
    const { digits, exp } = digitsOf(Math.abs(d));
    return (d < 0 ? "-" : "") + digits.padEnd(exp + 1, "0");
  }
  return javaDoubleString(d);
}

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\0": "\\0",
  "'": "\\'",
  '"': '\\"',
  "`": "\\`",
  "\n": "\\n",
  "\r": "\\r",
  "\v": "\\v",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
  "#": "\\#",
};

/** A double-quoted FQL string literal for `s`. */
export const quoteString = (s: string): string => `"${s.replace(/[\\\0'"`\n\r\v\t\b\f#]/g, (c) => ESCAPES[c]!)}"`;

const isIdent = (k: string): boolean => /^\p{L}[\p{L}\p{Nd}_]*$/u.test(k);

const base64 = (b: Uint8Array): string => Buffer.from(b).toString("base64");

function fallbackDoc(v: Value): string {
  const d = v as { kind: string; coll: string; id?: string; name?: string };
  return `[doc ${d.kind === "doc" ? d.id : d.name} in ${d.coll}]`;
}

/** The debug rendering (containers and nested values). */
export function debugString(v: Value, docDisplay?: DocDisplay, nested = false): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return quoteString(v);
  if (Array.isArray(v)) return `[${v.map((x) => debugString(x, docDisplay, true)).join(", ")}]`;
  if (v instanceof Map) {
    if (v.size === 0) return "{}";
    const parts = [...v].map(([k, x]) => `${isIdent(k) ? k : quoteString(k)}: ${debugString(x, docDisplay, true)}`);
    return `{ ${parts.join(", ")} }`;
  }
  switch (v.kind) {
    case "int":
      return String(v.value);
    case "long":
      return v.value.toString();
    case "double":
      return javaDoubleString(v.value);
    case "time":
      return `Time("${formatInstant(v.nanos)}")`;
    case "date":
      return `Date("${v.iso}")`;
    case "bytes":
      return `Bytes("${base64(v.bytes)}")`;
    case "doc":
    case "named":
      return docDisplay ? docDisplay(v, nested) : fallbackDoc(v);
    case "module":
      return v.name;
    case "set":
      return "[set]"; // Fauna never materializes a set for toString
    case "lambda":
      return "[function <lambda>]";
    case "native":
    case "udf":
      return `[function ${v.name}()]`;
  }
}

/** The display rendering used by `toString()`, `"s" + v` and string interpolation. */
export function displayString(v: Value, docDisplay?: DocDisplay): string {
  if (v === null) return "null";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || Array.isArray(v) || v instanceof Map) return debugString(v, docDisplay);
  switch (v.kind) {
    case "double":
      return displayDouble(v.value);
    case "time":
      return formatInstant(v.nanos);
    case "date":
      return v.iso;
    case "bytes":
      return base64(v.bytes);
    default:
      return debugString(v, docDisplay);
  }
}
