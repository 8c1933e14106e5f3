// A small JSON reader/writer for the wire. Reading is iterative (no recursion, so deeply nested
// bodies cannot blow the stack) with a nesting limit, and keeps number tokens as text so that
// `1.0` stays a Double and 64-bit integers keep their precision. Writing emits bigints exactly.

/** A JSON number token, kept verbatim. */
export class JsonNumber {
  constructor(readonly text: string) {}
  /** Integral when written without a fraction or exponent (`1` but not `1.0` or `1e3`). */
  get integral(): boolean {
    return !/[.eE]/.test(this.text);
  }
  toJSON(): number {
    return Number(this.text);
  }
}

export class JsonSyntaxError extends Error {}

export const MAX_JSON_DEPTH = 1000;

type Frame =
  { arr: unknown[]; obj?: undefined; key?: undefined } | { obj: Record<string, unknown>; key: string; arr?: undefined };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Sets a key on a plain object, treating `__proto__` as an ordinary key. */
export function setKey(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  let pos = 0;
  const stack: Frame[] = [];
  const fail = (what?: string): never => {
    if (pos >= text.length) throw new JsonSyntaxError("Unexpected end of input");
    throw new JsonSyntaxError(what ?? `Unexpected character '${text[pos]}' at position ${pos}`);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else return;
    }
  };
  const str = (): string => {
    const start = pos;
    pos++;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail();
      if (c === 34) break;
      if (c < 0x20) fail();
      if (c === 92) {
        escaped = true;
        pos += 2;
      } else pos++;
    }
    pos++;
    const raw = text.slice(start, pos);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      pos = start;
      return fail(`Invalid string escape at position ${start}`);
    }
  };
  const key = (): string => {
    ws();
    if (text.charCodeAt(pos) !== 34) fail();
    const k = str();
    ws();
    if (text.charCodeAt(pos) !== 58) fail();
    pos++;
    return k;
  };

  for (;;) {
    // Parse one value, or open a container and loop back for its first member.
    ws();
    let value: unknown;
    const c = text[pos];
    if (c === "{" || c === "[") {
      if (stack.length >= maxDepth) throw new JsonSyntaxError("JSON exceeds nesting limit");
      pos++;
      ws();
      if (c === "{") {
        const obj: Record<string, unknown> = {};
        if (text[pos] === "}") {
          pos++;
          value = obj;
        } else {
          stack.push({ obj, key: key() });
          continue;
        }
      } else {
        const arr: unknown[] = [];
        if (text[pos] === "]") {
          pos++;
          value = arr;
        } else {
          stack.push({ arr });
          continue;
        }
      }
    } else if (c === '"') value = str();
    else if (text.startsWith("true", pos)) {
      value = true;
      pos += 4;
    } else if (text.startsWith("false", pos)) {
      value = false;
      pos += 5;
    } else if (text.startsWith("null", pos)) {
      value = null;
      pos += 4;
    } else {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (!m) fail();
      value = new JsonNumber(m![0]);
      pos += m![0].length;
    }

    // Attach the value to its parent; close finished containers.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        ws();
        if (pos < text.length) fail();
        return value;
      }
      if (top.arr) top.arr.push(value);
      else setKey(top.obj, top.key, value);
      ws();
      const d = text[pos];
      if (d === ",") {
        pos++;
        if (top.obj) top.key = key();
        break;
      }
      if ((d === "]" && top.arr) || (d === "}" && top.obj)) {
        pos++;
        stack.pop();
        value = top.arr ?? top.obj;
        continue;
      }
      fail();
    }
  }
}

/** JSON text of a value built from plain objects/arrays/strings/numbers/bigints/booleans/null. */
export function stringifyJson(value: unknown): string {
  return write(value);
}

// String concatenation and plain loops: this runs for every response, and V8 builds ropes
// cheaply where an array of parts and `join` allocate twice.
function write(v: unknown): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "true" : "false";
    case "object": {
      if (v === null) return "null";
      if (v instanceof JsonNumber) return v.text;
      if (Array.isArray(v)) {
        let out = "[";
        for (let i = 0; i < v.length; i++) out += (i > 0 ? "," : "") + write(v[i]);
        return out + "]";
      }
      let out = "{";
      let first = true;
      const o = v as Record<string, unknown>;
      for (const k in o) {
        if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
        const item = o[k];
        if (item === undefined) continue;
        out += (first ? "" : ",") + JSON.stringify(k) + ":" + write(item);
        first = false;
      }
      return out + "}";
    }
    default:
      return "null";
  }
}
