// Order-preserving binary keys: memcmp(encodeKey(a), encodeKey(b)) has the sign of
// compare(a, b) from fql/compare.ts, and values that compare equal (Int 1, Double 1.0) encode
// to identical bytes. Every encoding is prefix-free (self-delimiting), so concatenating column
// encodings orders tuples lexicographically and a k-column prefix bounds all longer keys.
//
// Layout: one tag byte per value (tags ascend in compare()'s cross-type order), then a body:
//   numbers   class tag (-Inf < neg < 0 < pos < +Inf < NaN); finite non-zero ones carry
//             a biased 16-bit binary exponent and a 64-bit fraction (exact for Long and Double),
//             both inverted for negatives
//   strings   each UTF-16 code unit in UTF-8 form (so byte order = code unit order, like JS `<`),
//             0x00 escaped as 00 FF, terminated by 00 01
//   bytes     raw bytes with the same escape + terminator
//   arrays    element encodings, then 00 (element tags are never 00, so shorter sorts first)
//   objects   entries sorted by key, each as 01 <string> <value>, then 00
// A descending column is the bitwise NOT of its ascending bytes: inversion is a bijection that
// reverses memcmp order between codes of which neither is a prefix of the other.
import type { Value } from "../core/index.js";

const T = {
  NUM_NEG_INF: 0x10,
  NUM_NEG: 0x11,
  NUM_ZERO: 0x12,
  NUM_POS: 0x13,
  NUM_POS_INF: 0x14,
  NUM_NAN: 0x15,
  BYTES: 0x20,
  STRING: 0x30,
  ARRAY: 0x40,
  OBJECT: 0x50,
  DOC: 0x60,
  NAMED: 0x61,
  TIME: 0x70,
  DATE: 0x80,
  FALSE: 0xa0,
  TRUE: 0xa1,
  MODULE: 0xb0,
  SET: 0xc0,
  FUNCTION: 0xd0,
  NULL: 0xf0,
} as const;

const END = 0x00;
const ENTRY = 0x01;
const EXP_BIAS = 1100; // doubles reach 2^-1074 .. 2^1023; biased exponent stays positive

class Writer {
  private buf = new Uint8Array(64);
  private len = 0;
  byte(b: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }
  /** Marks where a column starts, so it can be inverted in place afterwards. */
  mark(): number {
    return this.len;
  }
  invertFrom(start: number): void {
    for (let i = start; i < this.len; i++) this.buf[i] = ~this.buf[i]! & 0xff;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Escaped byte: 00 → 00 FF, so the terminator 00 01 sorts below any continuation. */
function escaped(w: Writer, b: number): void {
  w.byte(b);
  if (b === 0) w.byte(0xff);
}

function terminate(w: Writer): void {
  w.byte(0x00);
  w.byte(0x01);
}

function writeString(w: Writer, s: string): void {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i); // code units, not code points: matches JS string `<`
    if (u < 0x80) escaped(w, u);
    else if (u < 0x800) {
      w.byte(0xc0 | (u >> 6));
      w.byte(0x80 | (u & 0x3f));
    } else {
      w.byte(0xe0 | (u >> 12));
      w.byte(0x80 | ((u >> 6) & 0x3f));
      w.byte(0x80 | (u & 0x3f));
    }
  }
  terminate(w);
}

function writeBytes(w: Writer, b: Uint8Array): void {
  for (const x of b) escaped(w, x);
  terminate(w);
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

const f64 = new DataView(new ArrayBuffer(8));

/** |x| = 1.fraction × 2^exp, fraction left-aligned in 64 bits. `mag` must be positive. */
function normalizeInteger(mag: bigint): { exp: number; frac: bigint } {
  const p = bitLength(mag) - 1;
  return { exp: p, frac: (mag - (1n << BigInt(p))) << BigInt(64 - p) };
}

function normalizeDouble(mag: number): { exp: number; frac: bigint } {
  f64.setFloat64(0, mag);
  const bits = f64.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mant = bits & ((1n << 52n) - 1n);
  if (biased > 0) return { exp: biased - 1023, frac: mant << 12n };
  // Subnormal: the leading one is somewhere inside the mantissa.
  const p = bitLength(mant) - 1;
  return { exp: p - 1074, frac: (mant - (1n << BigInt(p))) << BigInt(64 - p) };
}

function writeNumber(w: Writer, v: { kind: "int" | "long" | "double"; value: number | bigint }): void {
  let negative: boolean;
  let parts: { exp: number; frac: bigint };
  if (typeof v.value === "bigint" || v.kind === "int") {
    const n = BigInt(v.value);
    if (n === 0n) return w.byte(T.NUM_ZERO);
    negative = n < 0n;
    parts = normalizeInteger(negative ? -n : n);
  } else {
    const x = v.value;
    if (Number.isNaN(x)) return w.byte(T.NUM_NAN);
    if (x === Infinity) return w.byte(T.NUM_POS_INF);
    if (x === -Infinity) return w.byte(T.NUM_NEG_INF);
    if (x === 0) return w.byte(T.NUM_ZERO); // -0 and 0 compare equal
    negative = x < 0;
    parts = normalizeDouble(Math.abs(x));
  }
  w.byte(negative ? T.NUM_NEG : T.NUM_POS);
  const start = w.mark();
  const e = parts.exp + EXP_BIAS;
  w.byte(e >> 8);
  w.byte(e & 0xff);
  for (let shift = 56n; shift >= 0n; shift -= 8n) w.byte(Number((parts.frac >> shift) & 0xffn));
  if (negative) w.invertFrom(start); // larger magnitude sorts first among negatives
}

/** Order-preserving signed bigint: length-prefixed magnitude, inverted for negatives. */
function writeBigInt(w: Writer, n: bigint): void {
  const negative = n < 0n;
  const mag = negative ? -n : n;
  const hex = mag === 0n ? "" : mag.toString(16);
  const bytes: number[] = [];
  for (let i = hex.length; i > 0; i -= 2) bytes.unshift(parseInt(hex.slice(Math.max(0, i - 2), i), 16));
  if (bytes.length > 126) throw new RangeError("integer too large for a key");
  w.byte(negative ? 0x7f - bytes.length : 0x80 + bytes.length);
  for (const b of bytes) w.byte(negative ? ~b & 0xff : b);
}

function writeValue(w: Writer, v: Value): void {
  if (v === null) return w.byte(T.NULL);
  if (typeof v === "boolean") return w.byte(v ? T.TRUE : T.FALSE);
  if (typeof v === "string") {
    w.byte(T.STRING);
    return writeString(w, v);
  }
  if (Array.isArray(v)) {
    w.byte(T.ARRAY);
    for (const e of v) writeValue(w, e);
    return w.byte(END);
  }
  if (v instanceof Map) {
    w.byte(T.OBJECT);
    const keys = [...v.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const k of keys) {
      w.byte(ENTRY);
      writeString(w, k);
      writeValue(w, v.get(k)!);
    }
    return w.byte(END);
  }
  switch (v.kind) {
    case "int":
    case "long":
    case "double":
      return writeNumber(w, v);
    case "bytes":
      w.byte(T.BYTES);
      return writeBytes(w, v.bytes);
    case "time":
      w.byte(T.TIME);
      return writeBigInt(w, v.nanos);
    case "date":
      w.byte(T.DATE);
      return writeString(w, v.iso);
    case "doc":
      // compare() orders ids by length first, then lexically.
      w.byte(T.DOC);
      writeString(w, v.coll);
      writeBigInt(w, BigInt(v.id.length));
      return writeString(w, v.id);
    case "named":
      w.byte(T.NAMED);
      writeString(w, v.coll);
      return writeString(w, v.name);
    case "module":
      w.byte(T.MODULE);
      return writeString(w, v.name);
    case "set":
      return w.byte(T.SET); // all sets compare equal
    default:
      return w.byte(T.FUNCTION); // all functions compare equal
  }
}

/** The ascending key of one value. */
export function encodeKey(v: Value): Uint8Array {
  const w = new Writer();
  writeValue(w, v);
  return w.done();
}

/**
 * The key of a tuple: column encodings concatenated, column i inverted when `desc[i]`.
 * Encoding only the first k columns yields a prefix of every key that agrees on them.
 */
export function encodeTuple(values: readonly Value[], desc: readonly boolean[] = []): Uint8Array {
  const w = new Writer();
  values.forEach((v, i) => {
    const start = w.mark();
    writeValue(w, v);
    if (desc[i]) w.invertFrom(start);
  });
  return w.done();
}

/** memcmp: <0, 0, >0. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The smallest byte string greater than every string starting with `prefix`, or null when
 * there is none (prefix is all FF). Used as an exclusive upper bound for an inclusive prefix.
 */
export function prefixSuccessor(prefix: Uint8Array): Uint8Array | null {
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i]! !== 0xff) {
      const out = prefix.slice(0, i + 1);
      out[i] = prefix[i]! + 1;
      return out;
    }
  }
  return null;
}
