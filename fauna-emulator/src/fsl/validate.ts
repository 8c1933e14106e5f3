// Checks a document's user fields against its collection's declared types, producing
// Fauna's constraint-failure messages ("Expected String, provided Int", ...).
import {
  isArray,
  isBytes,
  isDate,
  isDoc,
  isDouble,
  isInt,
  isLong,
  isNumber,
  isObject,
  isTime,
  typeName,
  type ConstraintFailure,
  type ObjectValue,
  type Value,
} from "../core/index.js";
import type { CollectionDef, FieldType } from "./model.js";
import { displayFieldName, literalToString } from "./types.js";

type Path = (string | number)[];

type Failure =
  | { k: "type"; path: Path; expected: FieldType; provided: string }
  | { k: "coll"; path: Path; expected: string }
  | { k: "missing"; path: Path; expected: FieldType; field: string }
  | { k: "invalid"; path: Path; field: string }
  | { k: "reserved"; path: Path }
  | { k: "computed"; path: Path }
  | { k: "arity"; path: Path }
  | { k: "unionMissing"; path: Path; missing: string[][] };

/** Top-level names owned by the document model (`id` is checked by the caller). */
const RESERVED = new Set(["coll", "ts", "data", "delete", "update", "replace", "updateData", "replaceData", "exists"]);
const NULL: FieldType = { kind: "named", name: "Null" };
const TTL_TYPE: FieldType = { kind: "union", types: [{ kind: "named", name: "Time" }, NULL] };

/**
 * Validates proposed user fields (defaults already applied). A collection without declared
 * fields and without a wildcard accepts anything; a null value counts as an absent field.
 */
export function validateDocument(coll: CollectionDef, data: ObjectValue): ConstraintFailure[] {
  const failures: Failure[] = [];
  const implicitWildcard = coll.fields.length === 0 && coll.wildcard === null;
  for (const [name, value] of data) {
    if (name === "id") continue;
    const path = [name];
    if (RESERVED.has(name)) failures.push({ k: "reserved", path });
    else if (name === "ttl") failures.push(...validate(TTL_TYPE, path, value));
    else if (coll.computed.some((c) => c.name === name)) failures.push({ k: "computed", path });
    else if (value === null) continue;
    else {
      const decl = coll.fields.find((f) => f.name === name);
      if (decl) failures.push(...validateField(decl.type, false, path, value));
      else if (coll.wildcard) failures.push(...validate(coll.wildcard, path, value));
      else if (!implicitWildcard) failures.push({ k: "invalid", path, field: name });
    }
  }
  for (const f of coll.fields) {
    const v = data.get(f.name);
    if (v === undefined || v === null) failures.push(...validateField(f.type, false, [f.name], null));
  }
  return failures.map((f) => ({ paths: [f.path], message: message(f) }));
}

function message(f: Failure): string {
  switch (f.k) {
    case "type":
      return `Expected ${displayType(f.expected)}, provided ${f.provided}`;
    case "coll":
      return `Expected ${f.expected} document, provided document from another collection`;
    case "missing":
      return `Missing required field of type ${displayType(f.expected)}`;
    case "invalid":
      return "Unexpected field provided";
    case "reserved":
      return "Is a reserved field and cannot be used";
    case "computed":
      return "Cannot write to a computed field";
    case "arity":
      return "Invalid tuple arity";
    case "unionMissing": {
      const lists = f.missing.map((m) => `[${m.join(", ")}]`);
      if (lists.length === 1) return `Union requires fields ${lists[0]}`;
      if (lists.length === 2) return `Union requires fields ${lists[0]} or ${lists[1]}`;
      return `Union requires fields ${lists.slice(0, -1).join(", ")}, or ${lists[lists.length - 1]}`;
    }
  }
}

/** `Ref<C>` is the union of a document of C and a missing document of C (`NullC`). */
function normalize(t: FieldType): FieldType {
  return t.kind === "ref"
    ? {
        kind: "union",
        types: [
          { kind: "named", name: t.coll },
          { kind: "named", name: `Null${t.coll}` },
        ],
      }
    : t;
}

/** Fauna's rendering of a type in error messages: `String | Null`, `Store | NullStore`. */
export function displayType(t: FieldType): string {
  switch (t.kind) {
    case "named":
      return t.name;
    case "literal":
      return literalToString(t.value);
    case "ref":
      return displayType(normalize(t));
    case "union":
      return t.types.map(displayType).join(" | ");
    case "array":
      return `Array<${displayType(t.item)}>`;
    case "tuple":
      return `[${t.items.map(displayType).join(", ")}]`;
    case "object": {
      const parts = t.fields.map((f) => `${displayFieldName(f.name)}${f.optional ? "?" : ""}: ${displayType(f.type)}`);
      if (t.wildcard) parts.push(`*: ${displayType(t.wildcard)}`);
      return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
    }
  }
}

/** The most precise type of a value, as Fauna names it in "provided …". */
function preciseType(v: Value): string {
  if (isArray(v)) return `[${v.map(preciseType).join(", ")}]`;
  if (isObject(v)) {
    const parts = [...v].map(([k, x]) => `${displayFieldName(k)}: ${preciseType(x)}`);
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
  }
  if (isDoc(v)) return "Document";
  return typeName(v);
}

const BUILTIN_CHECKS: Record<string, (v: Value) => boolean> = {
  Any: () => true,
  Null: (v) => v === null,
  String: (v) => typeof v === "string",
  Boolean: (v) => typeof v === "boolean",
  // An Int is also a valid Long, but never a Double (Fauna: "Expected Double, provided Int").
  Int: isInt,
  Long: (v) => isInt(v) || isLong(v),
  Double: isDouble,
  Float: isDouble,
  Number: isNumber,
  Time: isTime,
  Date: isDate,
  Bytes: isBytes,
};

/** Named non-builtin types are documents of a collection; `NullC` is a missing document of C. */
function docMatches(typeName: string, v: Value): boolean {
  return isDoc(v) && (v.coll === typeName || (typeName.startsWith("Null") && v.coll === typeName.slice(4)));
}

function isLitValue(lit: string | number | boolean | null, v: Value): boolean {
  if (typeof lit === "number") {
    if (Number.isInteger(lit)) return (isInt(v) && v.value === lit) || (isLong(v) && v.value === BigInt(lit));
    return isDouble(v) && v.value === lit;
  }
  return v === lit;
}

function validate(expected0: FieldType, path: Path, value: Value): Failure[] {
  const expected = normalize(expected0);
  const mismatch = (provided = preciseType(value)): Failure[] => [{ k: "type", path, expected, provided }];
  switch (expected.kind) {
    case "object":
      return isObject(value) ? validateStruct(expected, path, value) : mismatch();
    case "array":
      return isArray(value) ? value.flatMap((x, i) => validate(expected.item, [...path, i], x)) : mismatch();
    case "tuple":
      if (!isArray(value)) return mismatch();
      if (value.length !== expected.items.length) return [{ k: "arity", path }];
      return value.flatMap((x, i) => validate(expected.items[i] as FieldType, [...path, i], x));
    case "union":
      return validateUnion(expected, path, value);
    case "literal": {
      if (isLitValue(expected.value, value)) return [];
      // Same kind of value: name the provided literal (`Expected "a", provided "b"`).
      const sameKind =
        typeof value === typeof expected.value && (typeof value === "string" || typeof value === "boolean");
      return sameKind ? mismatch(literalToString(value as string | boolean)) : mismatch();
    }
    case "named": {
      const check = BUILTIN_CHECKS[expected.name];
      if (check) return check(value) ? [] : mismatch();
      if (docMatches(expected.name, value)) return [];
      return isDoc(value) ? [{ k: "coll", path, expected: expected.name }] : mismatch();
    }
    case "ref":
      return []; // unreachable: normalized above
  }
}

function validateField(type: FieldType, optional: boolean, path: Path, value: Value): Failure[] {
  const fs = validate(type, path, value);
  const only = fs[0];
  // A null (absent) value that the type rejects is a missing field.
  if (
    value === null &&
    fs.length === 1 &&
    only?.k === "type" &&
    only.provided === "Null" &&
    samePath(only.path, path)
  ) {
    return optional ? [] : [{ k: "missing", path, expected: type, field: String(path[path.length - 1]) }];
  }
  return fs;
}

function validateStruct(t: Extract<FieldType, { kind: "object" }>, path: Path, obj: ObjectValue): Failure[] {
  const out: Failure[] = [];
  for (const [name, value] of obj) {
    if (value === null) continue;
    const p = [...path, name];
    const decl = t.fields.find((f) => f.name === name);
    if (decl) out.push(...validateField(decl.type, decl.optional, p, value));
    else if (t.wildcard) out.push(...validate(t.wildcard, p, value));
    else out.push({ k: "invalid", path: p, field: name });
  }
  for (const f of t.fields) {
    const v = obj.get(f.name);
    if (v === undefined || v === null) out.push(...validateField(f.type, f.optional, [...path, f.name], null));
  }
  return out;
}

const pathKey = (p: Path) => JSON.stringify(p);
const samePath = (a: Path, b: Path) => pathKey(a) === pathKey(b);

/** Fauna's heuristics for reporting a value that matches no member of a union. */
function validateUnion(u: Extract<FieldType, { kind: "union" }>, path: Path, value: Value): Failure[] {
  const checks = u.types.map((t) => validate(t, path, value));
  if (checks.some((c) => c.length === 0)) return [];

  // Failures below this path mean the value had the right shape for that member.
  const structChecks = checks.filter((c) => c.every((f) => !samePath(f.path, path)));
  const invalidByPath = new Map<string, Failure[]>();
  for (const f of structChecks.flat()) {
    if (f.k !== "invalid") continue;
    const key = pathKey(f.path);
    invalidByPath.set(key, [...(invalidByPath.get(key) ?? []), f]);
  }
  // An extra field is only reported when every member rejects it.
  const invalid = [...invalidByPath.values()]
    .filter((fs) => fs.length === u.types.length)
    .map((fs) => fs[0] as Failure);

  const missingLists: Extract<Failure, { k: "missing" }>[][] = [];
  const seen = new Set<string>();
  for (const c of structChecks) {
    const list = c.filter((f): f is Extract<Failure, { k: "missing" }> => f.k === "missing");
    const key = JSON.stringify(list.map((m) => [m.path, m.field]));
    if (!seen.has(key)) {
      seen.add(key);
      missingLists.push(list);
    }
  }
  let tail: Failure[] = [];
  if (missingLists.length > 0) {
    const single = missingLists.length === 1 && missingLists[0]?.length === 1 ? missingLists[0][0] : undefined;
    tail = single ? [single] : [{ k: "unionMissing", path, missing: missingLists.map((l) => l.map((m) => m.field)) }];
  }
  const invalidOrMissing =
    missingLists.length === 0 || missingLists.some((l) => l.length === 0) ? invalid : [...invalid, ...tail];
  if (invalidOrMissing.length > 0) return invalidOrMissing;
  if (structChecks.length === 1) return structChecks[0] as Failure[];
  const nonInvalid = structChecks.filter((c) => !c.some((f) => f.k === "invalid" || f.k === "missing"));
  if (nonInvalid.length === 1) return nonInvalid[0] as Failure[];

  // Fall back to a mismatch against the whole union, reusing a scalar "provided" if known.
  const first = checks.flat()[0];
  const provided = first?.k === "type" && samePath(first.path, path) ? first.provided : preciseType(value);
  return [{ k: "type", path, expected: u, provided }];
}
