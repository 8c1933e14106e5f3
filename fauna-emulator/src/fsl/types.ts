// Type expressions of FSL field definitions and function signatures.
// Parsing yields a small syntax tree; field types are then narrowed to the persistable
// FieldType model, while signature types are only kept as source text.
import type { Cursor, Name } from "./cursor.js";
import type { FieldType } from "./model.js";
import { scanCode } from "./scan.js";

export type TypeNode =
  | { k: "named"; name: string; at: number }
  | { k: "generic"; name: string; args: TypeNode[]; at: number }
  | { k: "lit"; value: string | number | boolean | null; at: number }
  | { k: "union"; types: TypeNode[]; at: number }
  | { k: "nullable"; base: TypeNode; at: number }
  | { k: "tuple"; items: TypeNode[]; at: number }
  | {
      k: "object";
      fields: { name: string; type: TypeNode; optional: boolean }[];
      wildcard: TypeNode | null;
      at: number;
    }
  | { k: "lambda"; at: number };

/** Parses a type at the cursor. Line breaks end it, except inside brackets or before `|`. */
export function parseType(c: Cursor, nested = false): TypeNode {
  const at = c.pos;
  const first = parsePostfix(c, nested);
  const types = [first];
  for (;;) {
    const save = c.pos;
    c.trivia(true);
    if (c.peek() === "|" && c.peek(1) !== "|") {
      c.pos++;
      c.trivia(true);
      types.push(parsePostfix(c, nested));
    } else {
      c.pos = save;
      break;
    }
  }
  return types.length === 1 ? first : { k: "union", types, at };
}

function parsePostfix(c: Cursor, nested: boolean): TypeNode {
  let t = parsePrimary(c, nested);
  for (;;) {
    const save = c.pos;
    c.inline();
    if (c.eat("?")) t = { k: "nullable", base: t, at: t.at };
    else if (c.peek() === "=" && c.peek(1) === ">") {
      // `A => B`: a function type (only meaningful in signatures).
      c.pos += 2;
      c.trivia(true);
      parsePostfix(c, nested);
      t = { k: "lambda", at: t.at };
    } else {
      c.pos = save;
      return t;
    }
  }
}

function parseList(c: Cursor, close: string, item: () => void): void {
  c.trivia(true);
  while (!c.eat(close)) {
    item();
    c.trivia(true);
    if (c.eat(",")) c.trivia(true);
    else if (c.peek() !== close) c.fail(`Expected \`,\` or \`${close}\`${c.foundSuffix()}`);
  }
}

function parsePrimary(c: Cursor, nested: boolean): TypeNode {
  const at = c.pos;
  const ch = c.peek();
  if (ch === '"' || ch === "'") return { k: "lit", value: c.stringLiteral(), at };
  const num = c.numberLiteral();
  if (num) return { k: "lit", value: num.value, at };
  if (c.eat("[")) {
    const items: TypeNode[] = [];
    parseList(c, "]", () => items.push(parseType(c, true)));
    return { k: "tuple", items, at };
  }
  if (c.eat("{")) return parseObjectType(c, at);
  if (c.eat("(")) {
    const items: TypeNode[] = [];
    parseList(c, ")", () => {
      c.eat("...");
      // Named lambda parameters: `(x: Int) => Int`.
      const save = c.pos;
      if (c.ident()) {
        c.inline();
        if (!c.eat(":")) c.pos = save;
        else c.trivia(true);
      }
      items.push(parseType(c, true));
    });
    const save = c.pos;
    c.inline();
    if (c.peek() === "=" && c.peek(1) === ">") {
      c.pos += 2;
      c.trivia(true);
      parseType(c, nested);
      return { k: "lambda", at };
    }
    c.pos = save;
    if (items.length !== 1) c.fail("Expected a type", at);
    return items[0] as TypeNode;
  }
  const id = c.ident();
  if (!id) return c.fail(`Expected a type${c.foundSuffix()}`);
  if (id.text === "true" || id.text === "false") return { k: "lit", value: id.text === "true", at };
  if (id.text === "null") return { k: "lit", value: null, at };
  if (c.peek() === "<") {
    c.pos++;
    const args: TypeNode[] = [];
    parseList(c, ">", () => args.push(parseType(c, true)));
    return { k: "generic", name: id.text, args, at };
  }
  return { k: "named", name: id.text, at };
}

function parseObjectType(c: Cursor, at: number): TypeNode {
  const fields: { name: string; type: TypeNode; optional: boolean }[] = [];
  let wildcard: TypeNode | null = null;
  c.trivia(true, true);
  while (!c.eat("}")) {
    let name: Name;
    if (c.peek() === "*") name = { text: "*", at: c.pos++, quoted: false };
    else name = c.name("a field name");
    c.inline();
    const optional = c.eat("?");
    c.inline();
    c.expect(":");
    c.trivia(true);
    const type = parseType(c, true);
    c.inline();
    if (c.peek() === "=" && c.peek(1) !== ">") {
      // Nested defaults are accepted but not kept: the model has no place for them.
      c.pos++;
      const r = scanCode(c.src, c.pos, { stopAtNewline: true, stopAtComma: true });
      if (r.textEnd === c.pos) c.fail("Expected a default value");
      c.pos = r.textEnd;
    }
    if (name.text === "*") wildcard = type;
    else fields.push({ name: name.text, type, optional });
    c.inline();
    const sep = c.peek();
    if (sep === "," || sep === ";" || sep === "\n" || sep === "\r") c.pos++;
    else if (sep !== "}") c.fail(`Expected \`,\` or \`}\`${c.foundSuffix()}`);
    c.trivia(true, true);
    if (c.peek() === ",") c.fail("Unexpected `,`");
  }
  return { k: "object", fields, wildcard, at };
}

/** A named type occurrence that must resolve against the schema (a builtin or a collection). */
export interface TypeRef {
  name: string;
  at: number;
}

export const PERSISTABLE_BUILTINS = new Set([
  "String",
  "Int",
  "Long",
  "Double",
  "Float",
  "Number",
  "Boolean",
  "Time",
  "Date",
  "Bytes",
  "Any",
  "Null",
]);

/**
 * Narrows a parsed type to a persistable FieldType. Collects named references for later
 * resolution; returns null (after reporting) for types that cannot be stored.
 */
export function toFieldType(t: TypeNode, refs: TypeRef[], notPersistable: (at: number) => void): FieldType | null {
  const go = (n: TypeNode): FieldType | null => {
    switch (n.k) {
      case "named":
        refs.push({ name: n.name, at: n.at });
        return { kind: "named", name: n.name };
      case "lit":
        return { kind: "literal", value: n.value };
      case "nullable": {
        const base = go(n.base);
        return base && union([base, { kind: "named", name: "Null" }]);
      }
      case "union": {
        const members = n.types.map(go);
        return members.every((m): m is FieldType => m !== null) ? union(members) : null;
      }
      case "tuple": {
        const items = n.items.map(go);
        return items.every((m): m is FieldType => m !== null) ? { kind: "tuple", items } : null;
      }
      case "object": {
        const fields: { name: string; type: FieldType; optional: boolean }[] = [];
        for (const f of n.fields) {
          const type = go(f.type);
          if (!type) return null;
          fields.push({ name: f.name, type, optional: f.optional });
        }
        const wildcard = n.wildcard ? go(n.wildcard) : null;
        if (n.wildcard && !wildcard) return null;
        return { kind: "object", fields, wildcard };
      }
      case "generic": {
        const arg = n.args[0];
        if (n.name === "Array" && n.args.length === 1 && arg) {
          const item = go(arg);
          return item && { kind: "array", item };
        }
        if (n.name === "Ref" && n.args.length === 1 && arg?.k === "named") {
          refs.push({ name: arg.name, at: arg.at });
          return { kind: "ref", coll: arg.name };
        }
        notPersistable(n.at);
        return null;
      }
      case "lambda":
        notPersistable(n.at);
        return null;
    }
  };
  return go(t);
}

/** Builds a flattened union (`A | (B | C)` → `A | B | C`). */
function union(members: FieldType[]): FieldType {
  const flat = members.flatMap((m) => (m.kind === "union" ? m.types : [m]));
  return { kind: "union", types: flat };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function displayFieldName(name: string): string {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

export function literalToString(v: string | number | boolean | null): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** Renders a field type in FSL syntax (`String?`, `Array<Int>`, `{ a: Int, b?: String }`, `Ref<Store>`). */
export function fieldTypeToString(t: FieldType): string {
  switch (t.kind) {
    case "named":
      return t.name;
    case "literal":
      return literalToString(t.value);
    case "union": {
      const nonNull = t.types.filter((m) => !(m.kind === "named" && m.name === "Null"));
      if (t.types.length === 2 && nonNull.length === 1 && nonNull[0]) return `${fieldTypeToString(nonNull[0])}?`;
      return t.types.map(fieldTypeToString).join(" | ");
    }
    case "array":
      return `Array<${fieldTypeToString(t.item)}>`;
    case "tuple":
      return `[${t.items.map(fieldTypeToString).join(", ")}]`;
    case "object": {
      const parts = t.fields.map(
        (f) => `${displayFieldName(f.name)}${f.optional ? "?" : ""}: ${fieldTypeToString(f.type)}`,
      );
      if (t.wildcard) parts.push(`*: ${fieldTypeToString(t.wildcard)}`);
      return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
    }
    case "ref":
      return `Ref<${t.coll}>`;
  }
}
