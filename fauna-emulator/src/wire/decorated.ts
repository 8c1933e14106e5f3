// The `decorated` format (§3.5): `data` is one string with an FQL-like rendering, printed
// verbatim by the CLI. 2-space indentation; short arrays of scalars stay on one line.
import type { Rendered } from "../engine/types.js";
import { fqlString, functionText, isBareKey } from "./fql-text.js";
import { encodeBase64, formatInstant, javaDouble } from "./scalars.js";

const INLINE_WIDTH = 80;

export function renderDecorated(value: Rendered): string {
  return render(value, "");
}

const ref = (coll: string, r: { id?: string; name?: string }) =>
  r.id !== undefined ? `${coll}(${fqlString(r.id)})` : `${coll}.byName(${fqlString(r.name ?? "")})`;

function isScalar(v: Rendered): boolean {
  if (v === null || typeof v !== "object") return true;
  if (Array.isArray(v) || v instanceof Map) return false;
  return v.kind !== "rendered-doc" && v.kind !== "rendered-set";
}

function render(v: Rendered, indent: string): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return renderString(v, indent);
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const items = v.map((item) => render(item, inner));
    const inline = `[${items.join(", ")}]`;
    if (v.every(isScalar) && !inline.includes("\n") && indent.length + inline.length <= INLINE_WIDTH) return inline;
    return `[\n${items.map((i) => inner + i).join(",\n")}\n${indent}]`;
  }
  if (v instanceof Map) return renderObject(v, indent);
  switch (v.kind) {
    case "int":
      return String(v.value);
    case "long":
      return v.value.toString();
    case "double":
      if (Number.isNaN(v.value)) return "Math.NaN";
      if (!Number.isFinite(v.value)) return v.value > 0 ? "Math.Infinity" : "-Math.Infinity";
      return javaDouble(v.value);
    case "time":
      return `Time(${fqlString(formatInstant(v.nanos))})`;
    case "date":
      return `Date(${fqlString(v.iso)})`;
    case "bytes":
      return `Bytes(${fqlString(encodeBase64(v.bytes))})`;
    case "module":
      return v.name;
    case "doc":
      return ref(v.coll, v) + (v.cause ? ` /* ${v.cause} */` : "");
    case "named":
      return ref(v.coll, v);
    case "rendered-ref":
      return ref(v.coll, v);
    case "rendered-null-doc":
      return `${ref(v.coll, v)} /* ${v.cause} */`;
    case "rendered-doc":
      return renderObject(v.fields, indent);
    case "rendered-set": {
      if (v.data === null) return fqlString(v.after ?? "");
      const pageObj = new Map<string, Rendered>([["data", v.data]]);
      if (v.after !== null) pageObj.set("after", v.after);
      return renderObject(pageObj, indent);
    }
    case "set":
      throw new Error("an unmaterialized set reached the wire encoder");
    default:
      return fqlString(functionText(v));
  }
}

function renderObject(fields: Map<string, Rendered>, indent: string): string {
  if (fields.size === 0) return "{}";
  const inner = indent + "  ";
  const lines = [...fields].map(([k, val]) => `${inner}${isBareKey(k) ? k : fqlString(k)}: ${render(val, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** Multi-line strings become `<<-END` heredocs (no escapes there); others are quoted. */
function renderString(s: string, indent: string): string {
  if (!s.includes("\n") || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(s)) return fqlString(s);
  const lines = s.split("\n");
  let delim = "END";
  for (let n = 1; lines.some((l) => l.trim() === delim); n++) delim = `END${n}`;
  const inner = indent + "  ";
  return `<<-${delim}\n${lines.map((l) => (l === "" ? "" : inner + l)).join("\n")}\n${indent}${delim}`;
}
