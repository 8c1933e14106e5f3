// Lossless JSON text for persisted values (document bodies, index value columns).
// Strings, booleans, null and Ints are bare JSON; every other kind is a JSON array whose first
// element is a one-letter tag. Objects are flattened pairs (not JSON objects) because a JSON
// object would reorder integer-like keys ("2" before "a") when parsed back.
//   ["A", v...]        Array               ["O", k1, v1, k2, v2...]   Object
//   ["L", "123"]       Long                ["D", 1.5 | "NaN" | "Infinity" | "-Infinity" | "-0"]
//   ["T", "nanos"]     Time                ["d", "2024-01-31"]         Date
//   ["B", "base64"]    Bytes               ["R", coll, id]             document ref
//   ["N", coll, name]  named ref
import { QueryError, typeName, type ObjectValue, type Value } from "../core/index.js";

type Json = null | boolean | number | string | Json[];

function notPersistable(v: Value): QueryError {
  const kind = (v as { kind?: string }).kind;
  const message =
    kind === "lambda"
      ? "Anonymous functions cannot be stored. Use a string of FQL instead."
      : `Values of type ${typeName(v)} cannot be stored.`;
  return new QueryError("invalid_type", message);
}

function toJson(v: Value): Json {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (Array.isArray(v)) return ["A", ...v.map(toJson)];
  if (v instanceof Map) {
    const out: Json[] = ["O"];
    for (const [k, x] of v) out.push(k, toJson(x));
    return out;
  }
  switch (v.kind) {
    case "int":
      return v.value;
    case "long":
      return ["L", v.value.toString()];
    case "double": {
      const x = v.value;
      // JSON has no NaN/Infinity, and JSON.stringify(-0) is "0".
      if (Number.isFinite(x) && !Object.is(x, -0)) return ["D", x];
      return ["D", Object.is(x, -0) ? "-0" : String(x)];
    }
    case "time":
      return ["T", v.nanos.toString()];
    case "date":
      return ["d", v.iso];
    case "bytes":
      return ["B", Buffer.from(v.bytes.buffer, v.bytes.byteOffset, v.bytes.byteLength).toString("base64")];
    case "doc":
      return ["R", v.coll, v.id]; // override/cause are in-memory facts, not part of the reference
    case "named":
      return ["N", v.coll, v.name];
    default:
      throw notPersistable(v);
  }
}

function corrupt(j: unknown): Error {
  return new Error(`corrupt stored value: ${JSON.stringify(j)?.slice(0, 100)}`);
}

function str(j: Json | undefined): string {
  if (typeof j !== "string") throw corrupt(j);
  return j;
}

function fromJson(j: Json): Value {
  if (j === null || typeof j === "boolean" || typeof j === "string") return j;
  if (typeof j === "number") return { kind: "int", value: j };
  switch (j[0]) {
    case "A":
      return j.slice(1).map(fromJson);
    case "O": {
      const m: ObjectValue = new Map();
      for (let i = 1; i + 1 < j.length; i += 2) m.set(str(j[i]), fromJson(j[i + 1]!));
      return m;
    }
    case "L":
      return { kind: "long", value: BigInt(str(j[1])) };
    case "D": {
      const x = j[1];
      return { kind: "double", value: typeof x === "number" ? x : x === "-0" ? -0 : Number(str(x)) };
    }
    case "T":
      return { kind: "time", nanos: BigInt(str(j[1])) };
    case "d":
      return { kind: "date", iso: str(j[1]) };
    case "B":
      return { kind: "bytes", bytes: new Uint8Array(Buffer.from(str(j[1]), "base64")) };
    case "R":
      return { kind: "doc", coll: str(j[1]), id: str(j[2]) };
    case "N":
      return { kind: "named", coll: str(j[1]), name: str(j[2]) };
    default:
      throw corrupt(j);
  }
}

/** Serializes a persistable value; throws QueryError `invalid_type` for sets, functions, modules. */
export function encodeValue(v: Value): string {
  return JSON.stringify(toJson(v));
}

export function decodeValue(text: string): Value {
  return fromJson(JSON.parse(text) as Json);
}

export function encodeObject(o: ObjectValue): string {
  return encodeValue(o);
}

export function decodeObject(text: string): ObjectValue {
  const v = decodeValue(text);
  if (!(v instanceof Map)) throw corrupt(text);
  return v;
}
