// The `Object` module (faunadb Objects.scala): keys/values/entries/fromEntries/assign/
// select/hasPath/toString. keys/values/entries/assign also accept documents, converted
// to objects by the query context (only the database can read them).
import { QueryError, obj, type DocValue, type NamedDocValue, type ObjectValue, type Value } from "../../core/index.js";
import { asArr, check, dynamicTypeName, invalidArgument, p, type Signature } from "./args.js";
import type { CallContext, Method, ModuleMembers } from "./types.js";

const uncapitalize = (s: string): string => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

function materialize(ctx: CallContext, v: Value, argName: string): ObjectValue {
  if (v instanceof Map) return v;
  const r = ctx.documentObject(v as DocValue | NamedDocValue);
  if (r instanceof QueryError) throw invalidArgument(argName, uncapitalize(r.message));
  return r;
}

const fn =
  (name: string, sig: Signature, impl: (ctx: CallContext, args: Value[]) => Value): Method =>
  (ctx, _self, args) =>
    impl(ctx, check(name, sig, args));

/** Walks `path` through nested objects; undefined when a step is missing or not an object. */
function select(start: Value, path: readonly Value[]): Value | undefined {
  let cur: Value = start;
  for (const key of path) {
    if (typeof key !== "string") throw invalidArgument("path", "expected an array of strings");
    if (!(cur instanceof Map) || !cur.has(key)) return undefined;
    cur = cur.get(key)!;
  }
  return cur;
}

function fromEntries(entries: readonly Value[]): ObjectValue {
  const out = obj();
  entries.forEach((kv, i) => {
    if (!Array.isArray(kv)) {
      throw invalidArgument(
        "entries",
        `expected an array for each element of the outer array, but saw type ${dynamicTypeName(kv)} at index ${i}`,
      );
    }
    if (kv.length !== 2)
      throw invalidArgument("entries", `expected inner array of length 2 but saw length ${kv.length} at index ${i}`);
    const [k, v] = kv as [Value, Value];
    if (typeof k !== "string") {
      throw invalidArgument(
        "entries",
        `expected a string for the first element of each inner array, but saw type ${dynamicTypeName(k)} at index ${i}`,
      );
    }
    out.set(k, v); // the last occurrence wins (keeping the first position)
  });
  return out;
}

export const objectModule: ModuleMembers = {
  props: {},
  methods: {
    keys: fn("keys", [p("object", "Object")], (ctx, [o]) => [...materialize(ctx, o!, "object").keys()]),
    values: fn("values", [p("object", "Object")], (ctx, [o]) => [...materialize(ctx, o!, "object").values()]),
    entries: fn("entries", [p("object", "Object")], (ctx, [o]) =>
      [...materialize(ctx, o!, "object")].map(([k, v]) => [k, v]),
    ),
    fromEntries: fn("fromEntries", [p("entries", "Array")], (_ctx, [e]) => fromEntries(asArr(e!))),
    assign: fn("assign", [p("destination", "Object"), p("source", "Object")], (ctx, [d, s]) => {
      const dst = materialize(ctx, d!, "destination");
      const src = materialize(ctx, s!, "source");
      const out = obj(dst);
      for (const [k, v] of src) out.set(k, v);
      return out;
    }),
    select: fn(
      "select",
      [p("object", "Struct"), p("path", "Array")],
      (_ctx, [o, path]) => select(o!, asArr(path!)) ?? null,
    ),
    hasPath: fn(
      "hasPath",
      [p("object", "Struct"), p("path", "Array")],
      (_ctx, [o, path]) => select(o!, asArr(path!)) !== undefined,
    ),
    toString: fn("toString", [p("object")], (ctx, [o]) => ctx.display(o!)),
  },
};
