// Encoding rendered results for the `tagged` and `simple` formats (§3.3, §3.4, §4).
// The output is a JSON tree for `stringifyJson` (Longs beyond 2^53 stay bigints there).
import type { Format, Rendered } from "../engine/types.js";
import { renderDecorated } from "./decorated.js";
import { functionText } from "./fql-text.js";
import { setKey } from "./json.js";
import { encodeBase64, formatInstant, javaDouble } from "./scalars.js";

type Json = unknown;
type Obj = Record<string, Json>;

export function encodeResult(value: Rendered, format: Format): Json {
  if (format === "decorated") return renderDecorated(value);
  return format === "tagged" ? tagged(value) : simple(value);
}

function objectOf(entries: Iterable<[string, Rendered]>, enc: (v: Rendered) => Json): Obj {
  const out: Obj = {};
  for (const [k, v] of entries) setKey(out, k, enc(v));
  return out;
}

function refBody(r: { coll: string; id?: string; name?: string }, coll: Json): Obj {
  return r.id !== undefined ? { id: r.id, coll } : { name: r.name ?? "", coll };
}

function tagged(v: Rendered): Json {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(tagged);
  if (v instanceof Map) {
    const o = objectOf(v, tagged);
    return [...v.keys()].some((k) => k.startsWith("@")) ? { "@object": o } : o;
  }
  switch (v.kind) {
    case "int":
      return { "@int": String(v.value) };
    case "long":
      return { "@long": v.value.toString() };
    case "double":
      return { "@double": javaDouble(v.value) };
    case "time":
      return { "@time": formatInstant(v.nanos) };
    case "date":
      return { "@date": v.iso };
    case "bytes":
      return { "@bytes": encodeBase64(v.bytes) };
    case "module":
      return { "@mod": v.name };
    case "doc":
      return v.cause
        ? { "@ref": { id: v.id, coll: { "@mod": v.coll }, exists: false, cause: v.cause } }
        : { "@ref": { id: v.id, coll: { "@mod": v.coll } } };
    case "named":
      return { "@ref": { name: v.name, coll: { "@mod": v.coll } } };
    case "rendered-ref":
      return { "@ref": refBody(v, { "@mod": v.coll }) };
    case "rendered-null-doc":
      return { "@ref": { ...refBody(v, { "@mod": v.coll }), exists: false, cause: v.cause } };
    case "rendered-doc":
      return { "@doc": objectOf(v.fields, tagged) };
    case "rendered-set":
      return { "@set": v.data === null ? v.after : page(v.data, v.after, tagged) };
    case "set":
      throw new Error("an unmaterialized set reached the wire encoder");
    default:
      return functionText(v);
  }
}

function page(data: Rendered[], after: string | null, enc: (v: Rendered) => Json): Obj {
  const o: Obj = { data: data.map(enc) };
  if (after !== null) o.after = after;
  return o;
}

function simple(v: Rendered): Json {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(simple);
  if (v instanceof Map) return objectOf(v, simple);
  switch (v.kind) {
    case "int":
      return v.value;
    case "long":
      return v.value >= BigInt(Number.MIN_SAFE_INTEGER) && v.value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(v.value)
        : v.value;
    case "double":
      // JSON has no NaN/Infinity; write them as their Java names.
      return Number.isFinite(v.value) ? v.value : javaDouble(v.value);
    case "time":
      return formatInstant(v.nanos);
    case "date":
      return v.iso;
    case "bytes":
      return encodeBase64(v.bytes);
    case "module":
      return v.name;
    case "doc":
      return v.cause ? null : { id: v.id, coll: v.coll };
    case "named":
      return { name: v.name, coll: v.coll };
    case "rendered-ref":
      return refBody(v, v.coll);
    case "rendered-null-doc":
      return null;
    case "rendered-doc":
      return objectOf(v.fields, simple);
    case "rendered-set":
      return v.data === null ? v.after : page(v.data, v.after, simple);
    case "set":
      throw new Error("an unmaterialized set reached the wire encoder");
    default:
      return functionText(v);
  }
}
