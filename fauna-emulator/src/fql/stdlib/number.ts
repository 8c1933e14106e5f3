// Number methods (faunadb Numbers.scala): numbers only have `toString()`; arithmetic and
// bitwise operators are in operators.ts. Booleans and null likewise only have `toString()`.
import { checkArity } from "./args.js";
import type { Method, TypeMembers } from "./types.js";

/** `toString()` with Fauna's display form (`2.0.toString()` → "2", `1.5` → "1.5"). */
const toString: Method = (ctx, self, args) => {
  checkArity(args, 0);
  return ctx.display(self);
};

export const numberMembers: TypeMembers = { props: {}, methods: { toString } };
export const booleanMembers: TypeMembers = { props: {}, methods: { toString } };
/** `null.toString()` → "null" (Fauna's Null prototype has only `toString`). */
export const nullMembers: TypeMembers = { props: {}, methods: { toString } };
/** Bytes: `toString()` → base64. */
export const bytesMembers: TypeMembers = { props: {}, methods: { toString } };
