import assert from "node:assert/strict";
import { test } from "node:test";
import { randomValue, seededRng } from "../../test/support/random-values.js";
import { compare, double, int, long, time, type Value } from "../core/index.js";
import { compareBytes, encodeKey, encodeTuple, prefixSuccessor } from "./key-codec.js";

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const show = (v: Value): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    typeof x === "bigint"
      ? `${x}n`
      : x instanceof Map
        ? Object.fromEntries(x)
        : x instanceof Uint8Array
          ? [...x]
          : typeof x === "number" && !Number.isFinite(x)
            ? String(x)
            : Object.is(x, -0)
              ? "-0"
              : x,
  );

/** Lexicographic tuple order with per-column direction, as an index orders its values. */
function compareTuples(a: Value[], b: Value[], desc: boolean[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compare(a[i]!, b[i]!);
    if (c !== 0) return desc[i] ? -c : c;
  }
  return a.length - b.length;
}

const startsWith = (key: Uint8Array, prefix: Uint8Array): boolean =>
  key.length >= prefix.length && prefix.every((b, i) => key[i] === b);

test("index key bytes sort like FQL compare() for random value pairs (cross-type and numeric)", () => {
  const r = seededRng(20240601);
  for (let i = 0; i < 20000; i++) {
    const a = randomValue(r);
    const b = r() < 0.15 ? a : randomValue(r);
    const got = sign(compareBytes(encodeKey(a), encodeKey(b)));
    const want = sign(compare(a, b));
    if (got !== want) assert.fail(`memcmp sign ${got} != compare sign ${want} for ${show(a)} vs ${show(b)}`);
  }
});

test("sorting by key bytes gives the same order as sorting with compare()", () => {
  const r = seededRng(7);
  const values = Array.from({ length: 1500 }, () => randomValue(r));
  const byKey = [...values].sort((a, b) => compareBytes(encodeKey(a), encodeKey(b)));
  for (let i = 1; i < byKey.length; i++) {
    assert.ok(compare(byKey[i - 1]!, byKey[i]!) <= 0, `${show(byKey[i - 1]!)} sorted before ${show(byKey[i]!)}`);
  }
});

test("equal numbers of different kinds (Int 1, Long 1, Double 1.0) have identical term keys", () => {
  const k = encodeKey(int(1));
  assert.deepEqual(encodeKey(long(1n)), k);
  assert.deepEqual(encodeKey(double(1)), k);
  assert.deepEqual(encodeKey(double(-0)), encodeKey(int(0)));
  assert.deepEqual(encodeKey([int(2), double(3)]), encodeKey([long(2n), int(3)]));
  // Exactness past 2^53: Long 2^53+1 is above Double 2^53, not equal to it.
  assert.ok(compareBytes(encodeKey(long(2n ** 53n + 1n)), encodeKey(double(2 ** 53))) > 0);
  assert.notDeepEqual(encodeKey(double(1.5)), encodeKey(int(1)));
});

test("numbers order numerically: -Infinity < negatives < 0 < subnormals < positives < Infinity < NaN", () => {
  const ordered: Value[] = [
    double(-Infinity),
    long(-(2n ** 63n)),
    double(-1e18),
    int(-(2 ** 31)),
    double(-1.5),
    int(-1),
    double(-Number.MIN_VALUE),
    int(0),
    double(Number.MIN_VALUE),
    double(1e-310),
    double(0.5),
    int(1),
    double(1.5),
    int(2),
    double(2 ** 53),
    long(2n ** 53n + 1n),
    long(2n ** 63n - 1n),
    double(2 ** 63),
    double(Number.MAX_VALUE),
    double(Infinity),
    double(NaN),
  ];
  const keys = ordered.map(encodeKey);
  for (let i = 1; i < keys.length; i++) {
    assert.ok(compareBytes(keys[i - 1]!, keys[i]!) < 0, `${show(ordered[i - 1]!)} < ${show(ordered[i]!)}`);
  }
});

test("times order by nanoseconds, including negative and beyond 64 bits", () => {
  const ts = [-(10n ** 30n), -256n, -255n, -1n, 0n, 1n, 255n, 256n, 10n ** 30n].map((n) => encodeKey(time(n)));
  for (let i = 1; i < ts.length; i++) assert.ok(compareBytes(ts[i - 1]!, ts[i]!) < 0);
});

test("desc columns reverse the order and tuples of random values order lexicographically", () => {
  const r = seededRng(99);
  for (let i = 0; i < 5000; i++) {
    const n = 1 + Math.floor(r() * 3);
    const desc = Array.from({ length: n }, () => r() < 0.5);
    const a = Array.from({ length: n }, () => randomValue(r, 1));
    const b =
      r() < 0.3
        ? a.map((x, j) => (j < n - 1 ? x : randomValue(r, 1)))
        : Array.from({ length: n }, () => randomValue(r, 1));
    const got = sign(compareBytes(encodeTuple(a, desc), encodeTuple(b, desc)));
    const want = sign(compareTuples(a, b, desc));
    if (got !== want) assert.fail(`tuple ${show(a)} vs ${show(b)} desc=${desc}: memcmp ${got}, expected ${want}`);
  }
});

test("a k-column prefix encodes to a byte prefix of the full key and bounds it inclusively", () => {
  const r = seededRng(5);
  for (let i = 0; i < 3000; i++) {
    const desc = [r() < 0.5, r() < 0.5, r() < 0.5];
    const full = [randomValue(r, 1), randomValue(r, 1), randomValue(r, 1)];
    const k = Math.floor(r() * 4);
    const prefix = encodeTuple(full.slice(0, k), desc);
    const key = encodeTuple(full, desc);
    assert.ok(startsWith(key, prefix));
    assert.ok(compareBytes(key, prefix) >= 0);
    const end = prefixSuccessor(prefix);
    if (end) assert.ok(compareBytes(key, end) < 0);
  }
});

test("encodings are self-delimiting: no value's key is a proper prefix of a different value's key", () => {
  const r = seededRng(11);
  const keys = Array.from({ length: 800 }, () => encodeKey(randomValue(r)));
  for (const a of keys) {
    for (const b of keys) {
      if (a.length < b.length) assert.ok(!startsWith(b, a), `${[...a]} is a prefix of ${[...b]}`);
    }
  }
});

test("prefixSuccessor skips trailing FF bytes and is null for an all-FF prefix", () => {
  assert.deepEqual(prefixSuccessor(Uint8Array.from([1, 2, 0xff])), Uint8Array.from([1, 3]));
  assert.equal(prefixSuccessor(Uint8Array.from([0xff, 0xff])), null);
});
