// Decoding request values (§3.2). Tagged: every number must be an `@int`/`@long`/`@double`
// tag. Simple: plain JSON, integral numbers become Int/Long, fractional ones Double.
import {
  ProtocolError,
  bytes,
  date,
  doc,
  double,
  int,
  integer,
  long,
  mod,
  named,
  time,
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  type Value,
} from "../core/index.js";
import { JsonNumber } from "./json.js";
import { decodeBase64, isValidDate, parseInstant } from "./scalars.js";

/** A value that cannot be decoded. `message` is the bare reason; callers add context. */
export class ValueDecodeError extends ProtocolError {
  constructor(reason: string) {
    super("invalid_request", reason, 400);
  }
}

const fail = (reason: string): never => {
  throw new ValueDecodeError(reason);
};

const isNumberToken = (v: unknown): v is number | JsonNumber => typeof v === "number" || v instanceof JsonNumber;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);

export function decodeTagged(json: unknown): Value {
  if (json === null || typeof json === "boolean" || typeof json === "string") return json;
  if (isNumberToken(json)) return fail("numbers must be tagged");
  if (Array.isArray(json)) return json.map(decodeTagged);
  if (!isPlainObject(json)) return fail("invalid value");
  const keys = Object.keys(json);
  const tags = keys.filter((k) => k.startsWith("@"));
  if (tags.length === 0) return decodeMembers(json, decodeTagged);
  if (keys.length > 1) return fail("too many keys in tagged value");
  const tag = keys[0]!;
  return decodeTag(tag, json[tag]);
}

function decodeMembers(json: Record<string, unknown>, decode: (v: unknown) => Value): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of Object.entries(json)) out.set(k, decode(v));
  return out;
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const DOUBLE_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?$/;
const DIGITS = /^\d+$/;

function decodeTag(tag: string, body: unknown): Value {
  switch (tag) {
    case "@int": {
      if (typeof body !== "string" || !INTEGER_TEXT.test(body)) return fail("invalid integer");
      const n = Number(body);
      if (n < INT_MIN || n > INT_MAX) return fail("invalid integer");
      return int(n);
    }
    case "@long": {
      if (typeof body !== "string" || !INTEGER_TEXT.test(body)) return fail("invalid long");
      const n = BigInt(body);
      if (n < LONG_MIN || n > LONG_MAX) return fail("invalid long");
      return long(n);
    }
    case "@double": {
      if (typeof body !== "string") return fail("invalid double");
      const t = body.replace(/^\+/, "");
      if (t === "NaN") return double(NaN);
      if (t === "Infinity") return double(Infinity);
      if (t === "-Infinity") return double(-Infinity);
      if (!DOUBLE_TEXT.test(body)) return fail("invalid double");
      return double(Number(body.replace(/[dDfF]$/, "")));
    }
    case "@time": {
      const nanos = typeof body === "string" ? parseInstant(body) : null;
      return nanos === null ? fail("invalid time") : time(nanos);
    }
    case "@date":
      return typeof body === "string" && isValidDate(body) ? date(body) : fail("invalid date");
    case "@bytes": {
      const b = typeof body === "string" ? decodeBase64(body) : null;
      return b === null ? fail("invalid bytes") : bytes(b);
    }
    case "@mod":
      return typeof body === "string" && body !== "" ? mod(body) : fail("invalid module");
    case "@ref":
    case "@doc":
      return decodeRef(body);
    case "@object":
      return isPlainObject(body) ? decodeMembers(body, decodeTagged) : fail("invalid object");
    default:
      return fail(`invalid tag '${tag}'`);
  }
}

/** `{id, coll}` → document reference; `{name, coll}` → named schema document. */
function decodeRef(body: unknown): Value {
  if (!isPlainObject(body)) return fail("invalid ref");
  const c = body.coll;
  const coll = isPlainObject(c) && typeof c["@mod"] === "string" ? c["@mod"] : typeof c === "string" ? c : null;
  if (coll === null || coll === "") return fail("invalid ref: missing collection");
  if (body.id !== undefined) {
    const id = body.id instanceof JsonNumber ? body.id.text : body.id;
    if (typeof id !== "string" || !DIGITS.test(id)) return fail("invalid document id");
    return doc(coll, id);
  }
  if (typeof body.name === "string") return named(coll, body.name);
  return fail("invalid ref: missing id or name");
}

export function decodeSimple(json: unknown): Value {
  if (json === null || typeof json === "boolean" || typeof json === "string") return json;
  if (json instanceof JsonNumber) {
    return json.integral ? integer(BigInt(json.text)) : double(Number(json.text));
  }
  if (typeof json === "number") {
    return Number.isSafeInteger(json) ? integer(BigInt(json)) : double(json);
  }
  if (Array.isArray(json)) return json.map(decodeSimple);
  if (isPlainObject(json)) return decodeMembers(json, decodeSimple);
  return fail("invalid value");
}
