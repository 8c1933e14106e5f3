// A canonical string per FQL-equal value class, so `distinct()` is linear instead of
// pairwise. Numbers equal across Int/Long/Double share a key; objects ignore key order.
import type { Value } from "../../core/index.js";

/** Canonical key, or undefined for values compared by identity (functions, sets) or NaN. */
export function valueKey(v: Value): string | undefined {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return `s${JSON.stringify(v)}`;
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (const x of v) {
      const k = valueKey(x);
      if (k === undefined) return undefined;
      parts.push(k);
    }
    return `[${parts.join(",")}]`;
  }
  if (v instanceof Map) {
    const parts: string[] = [];
    for (const key of [...v.keys()].sort()) {
      const k = valueKey(v.get(key)!);
      if (k === undefined) return undefined;
      parts.push(`${JSON.stringify(key)}:${k}`);
    }
    return `{${parts.join(",")}}`;
  }
  switch (v.kind) {
    case "int":
      return `n${v.value}`;
    case "long":
      return `n${v.value}`;
    case "double":
      if (Number.isNaN(v.value)) return undefined;
      return Number.isInteger(v.value) ? `n${BigInt(v.value)}` : `n${v.value}`;
    case "time":
      return `t${v.nanos}`;
    case "date":
      return `d${v.iso}`;
    case "bytes":
      return `b${Buffer.from(v.bytes).toString("base64")}`;
    case "doc":
      return `doc${JSON.stringify([v.coll, v.id])}`;
    case "named":
      return `named${JSON.stringify([v.coll, v.name])}`;
    case "module":
      return `mod${v.name}`;
    default:
      return undefined;
  }
}
