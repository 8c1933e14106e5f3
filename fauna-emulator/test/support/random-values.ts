// A seeded random generator of FQL values for property tests (store codecs). Biased towards
// the edge cases that break order-preserving encodings: equal numbers of different kinds,
// NaN/±Infinity/-0/subnormals, Long precision limits, NUL and astral characters, 00/FF bytes.
import type { Value } from "../../src/core/values.js";

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const intIn = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const CHARS = [
  "a",
  "b",
  "z",
  "A",
  "\u0000",
  "\u0001",
  "\u007f",
  "\u0080",
  "é",
  "\u07ff",
  "\u0800",
  "\uffff",
  "\ue000",
  "😀",
  "𝄞",
  " ",
  "0",
];

function randString(r: Rng): string {
  let s = "";
  const n = intIn(r, 0, 4);
  for (let i = 0; i < n; i++) s += pick(r, CHARS);
  return s;
}

function randBytes(r: Rng): Uint8Array {
  const n = intIn(r, 0, 4);
  return Uint8Array.from({ length: n }, () => pick(r, [0, 1, 0x7f, 0x80, 0xfe, 0xff, intIn(r, 0, 255)]));
}

const SMALL = [0, 1, -1, 2, 3, -2, 100, 2 ** 31 - 1, -(2 ** 31)];

function randNumber(r: Rng): Value {
  const choice = intIn(r, 0, 9);
  if (choice <= 2) {
    // Same magnitudes across kinds, so equal numbers of different kinds meet often.
    const n = pick(r, SMALL);
    return pick(r, [
      { kind: "int", value: n },
      { kind: "long", value: BigInt(n) },
      { kind: "double", value: n },
    ] as Value[]);
  }
  if (choice === 3) return { kind: "int", value: intIn(r, -(2 ** 31), 2 ** 31 - 1) };
  if (choice === 4) {
    const big = pick(r, [
      2n ** 53n,
      2n ** 53n + 1n,
      2n ** 62n,
      2n ** 63n - 1n,
      2n ** 63n - 2n,
      123456789012345678n,
      2n ** 40n + 3n,
    ]);
    return { kind: "long", value: r() < 0.5 ? -big : big };
  }
  if (choice === 5) {
    const big = pick(r, [2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 2 ** 62, 1.5, 0.5, 2 ** 40 + 3]);
    return { kind: "double", value: r() < 0.5 ? -big : big };
  }
  if (choice === 6)
    return {
      kind: "double",
      value: pick(r, [
        NaN,
        Infinity,
        -Infinity,
        -0,
        0,
        Number.MIN_VALUE,
        -Number.MIN_VALUE,
        2.2250738585072014e-308,
        1e-310,
        Number.MAX_VALUE,
        -Number.MAX_VALUE,
        1e300,
      ]),
    };
  return { kind: "double", value: (r() - 0.5) * 10 ** intIn(r, -5, 20) };
}

/** A random value; `depth` limits nesting of arrays and objects. */
export function randomValue(r: Rng, depth = 2): Value {
  const k = intIn(r, 0, depth > 0 ? 17 : 15);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
    case 3:
      return randString(r);
    case 4:
    case 5:
    case 6:
      return randNumber(r);
    case 7:
      return { kind: "bytes", bytes: randBytes(r) };
    case 8:
      return {
        kind: "time",
        nanos: pick(r, [0n, 1n, -1n, 255n, 256n, -256n, -255n, 1_700_000_000_000_000_000n, -(10n ** 30n), 10n ** 30n]),
      };
    case 9:
      return { kind: "date", iso: pick(r, ["2024-01-01", "2024-01-02", "1999-12-31", "2024-10-01"]) };
    case 10:
    case 11:
      return {
        kind: "doc",
        coll: pick(r, ["Product", "Order", "P"]),
        id: pick(r, ["1", "2", "9", "10", "99", "100", "412654807171449088", "-5"]),
      };
    case 12:
      return { kind: "named", coll: pick(r, ["Collection", "Function"]), name: pick(r, ["A", "B", "Product"]) };
    case 13:
      return { kind: "module", name: pick(r, ["Math", "Product"]) };
    case 14:
      return pick(r, [
        { kind: "set", source: null },
        { kind: "udf", name: "F" },
      ] as Value[]);
    case 15:
      return randString(r);
    case 16: {
      const n = intIn(r, 0, 3);
      return Array.from({ length: n }, () => randomValue(r, depth - 1));
    }
    default: {
      const m = new Map<string, Value>();
      const n = intIn(r, 0, 3);
      for (let i = 0; i < n; i++) m.set(pick(r, ["a", "b", "ab", "", "2", "\u0000", "😀"]), randomValue(r, depth - 1));
      return m;
    }
  }
}
