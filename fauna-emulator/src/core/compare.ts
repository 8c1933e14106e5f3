// Equality and the total order FQL uses for `order()`, index values and `==`.
// Cross-type order (core): numbers < bytes < strings < arrays < objects < IDs < documents
// < times < dates < UUIDs < booleans < sets/functions/modules < null (last).
import { isFunction, type Value } from "./values.js";

function rank(v: Value): number {
  if (v === null) return 100;
  if (typeof v === "boolean") return 10;
  if (typeof v === "string") return 2;
  if (Array.isArray(v)) return 3;
  if (v instanceof Map) return 4;
  switch (v.kind) {
    case "int":
    case "long":
    case "double":
      return 0;
    case "bytes":
      return 1;
    case "doc":
    case "named":
      return 6;
    case "time":
      return 7;
    case "date":
      return 8;
    case "module":
      return 11;
    case "set":
      return 12;
    default:
      return isFunction(v) ? 13 : 99;
  }
}

/** Numeric comparison across Int/Long/Double without losing Long precision. */
export function compareNumbers(a: Value, b: Value): number {
  const x = a as { kind: string; value: number | bigint };
  const y = b as { kind: string; value: number | bigint };
  if (typeof x.value === "bigint" && typeof y.value === "bigint")
    return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  if (typeof x.value === "bigint" || typeof y.value === "bigint") {
    // One Long, one Int/Double: compare exactly when the other is integral.
    const big = typeof x.value === "bigint" ? x.value : (y.value as bigint);
    const other = typeof x.value === "bigint" ? (y.value as number) : (x.value as number);
    const sign = typeof x.value === "bigint" ? 1 : -1;
    if (Number.isNaN(other)) return sign * -1;
    if (!Number.isFinite(other)) return sign * (other > 0 ? -1 : 1);
    if (Number.isInteger(other)) {
      const o = BigInt(other);
      return sign * (big < o ? -1 : big > o ? 1 : 0);
    }
    const n = Number(big);
    return sign * (n < other ? -1 : n > other ? 1 : 0);
  }
  const p = x.value as number;
  const q = y.value as number;
  if (Number.isNaN(p) || Number.isNaN(q)) return Number.isNaN(p) ? (Number.isNaN(q) ? 0 : 1) : -1;
  return p < q ? -1 : p > q ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  // Code point order (UTF-16 order differs for astral characters; close enough elsewhere).
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIds(a: string, b: string): number {
  // Numeric document ids: shorter is smaller, then lexical.
  return a.length !== b.length ? a.length - b.length : compareStrings(a, b);
}

/** Total order over all values. Returns <0, 0, >0. */
export function compare(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a === null || b === null) return 0;
  if (typeof a === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (typeof a === "string") return compareStrings(a, b as string);
  if (Array.isArray(a)) {
    const bb = b as Value[];
    for (let i = 0; i < Math.min(a.length, bb.length); i++) {
      const c = compare(a[i]!, bb[i]!);
      if (c !== 0) return c;
    }
    return a.length - bb.length;
  }
  if (a instanceof Map) {
    const bm = b as Map<string, Value>;
    const ea = [...a.entries()].sort(([x], [y]) => compareStrings(x, y));
    const eb = [...bm.entries()].sort(([x], [y]) => compareStrings(x, y));
    for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
      const k = compareStrings(ea[i]![0], eb[i]![0]);
      if (k !== 0) return k;
      const c = compare(ea[i]![1], eb[i]![1]);
      if (c !== 0) return c;
    }
    return ea.length - eb.length;
  }
  const bt = b as Exclude<Value, null | boolean | string | Value[] | Map<string, Value>>;
  switch (a.kind) {
    case "int":
    case "long":
    case "double":
      return compareNumbers(a, bt);
    case "bytes": {
      const y = (bt as typeof a).bytes;
      for (let i = 0; i < Math.min(a.bytes.length, y.length); i++) if (a.bytes[i] !== y[i]) return a.bytes[i]! - y[i]!;
      return a.bytes.length - y.length;
    }
    case "time": {
      const y = (bt as typeof a).nanos;
      return a.nanos < y ? -1 : a.nanos > y ? 1 : 0;
    }
    case "date":
      return compareStrings(a.iso, (bt as typeof a).iso);
    case "doc": {
      if (bt.kind !== "doc") return -1; // numeric-id documents before named documents
      return compareStrings(a.coll, bt.coll) || compareIds(a.id, bt.id);
    }
    case "named": {
      if (bt.kind !== "named") return 1;
      return compareStrings(a.coll, bt.coll) || compareStrings(a.name, bt.name);
    }
    case "module":
      return compareStrings(a.name, (bt as typeof a).name);
    default:
      return 0;
  }
}

/**
 * FQL `==`: structural for arrays/objects, numeric across Int/Long/Double, documents by
 * reference. (Null-document semantics — a missing doc equals null — are applied by the
 * evaluator, which knows about existence.)
 */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const ra = rank(a);
  if (ra !== rank(b)) return false;
  if (ra >= 12) return a === b; // sets and functions: identity only
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !equals(v, b.get(k)!)) return false;
    return true;
  }
  if (ra === 0) {
    const x = a as { value: number | bigint };
    const y = b as { value: number | bigint };
    if (Number.isNaN(x.value) || Number.isNaN(y.value)) return false;
  }
  return compare(a, b) === 0;
}
