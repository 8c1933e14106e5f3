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
  const out: string[] = [];
  write(value, out);
  return out.join("");
}

function write(v: unknown, out: string[]): void {
  if (v === null || v === undefined) out.push("null");
  else if (typeof v === "string") out.push(JSON.stringify(v));
  else if (typeof v === "number") out.push(Number.isFinite(v) ? String(v) : "null");
  else if (typeof v === "bigint") out.push(v.toString());
  else if (typeof v === "boolean") out.push(v ? "true" : "false");
  else if (v instanceof JsonNumber) out.push(v.text);
  else if (Array.isArray(v)) {
    out.push("[");
    v.forEach((item, i) => {
      if (i > 0) out.push(",");
      write(item, out);
    });
    out.push("]");
  } else if (typeof v === "object") {
    out.push("{");
    let first = true;
    for (const [k, item] of Object.entries(v)) {
      if (item === undefined) continue;
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(k), ":");
      write(item, out);
    }
    out.push("}");
  } else out.push("null");
}
