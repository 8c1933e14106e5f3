import assert from "node:assert/strict";
import { test } from "node:test";
import { displayType, fieldTypeToString, parseSchemaFiles } from "./index.js";

const TYPES = [
  "String",
  "Int?",
  '"a" | "b"',
  "1 | 2.5 | true | null",
  "Array<String>",
  "[Int, String?]",
  '{ a: Int, b?: String, "c d": Any, *: Number }',
  "{}",
  "Ref<Store>",
  "Ref<Store>?",
  "Array<{ x: Long }> | Null | Int",
];

test("fieldTypeToString renders FSL that parses back to the same type", () => {
  const src = `collection Store {}\ncollection T {\n${TYPES.map((t, i) => `  f${i}: ${t}`).join("\n")}\n}`;
  const fields = parseSchemaFiles(new Map([["main.fsl", src]])).collections[1]!.fields;
  assert.deepEqual(
    fields.map((f) => fieldTypeToString(f.type)),
    TYPES,
  );
});

test("displayType spells types as Fauna's constraint messages do (Null unions, Ref expansion)", () => {
  const src = "collection Store {}\ncollection T { a: Int?; b: Ref<Store>; c: Array<Ref<Store>>; d: { x: String? } }";
  const fields = parseSchemaFiles(new Map([["main.fsl", src]])).collections[1]!.fields;
  assert.deepEqual(
    fields.map((f) => displayType(f.type)),
    ["Int | Null", "Store | NullStore", "Array<Store | NullStore>", "{ x: String | Null }"],
  );
});
