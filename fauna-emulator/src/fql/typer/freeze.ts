// Replaces inference variables by what they stand for, as Fauna persists inferred types
// (a computed field without a signature keeps the type its body was inferred to have).
import { ANY, NEVER, union, type TVar, type Type } from "./types.js";

/** `t` without variables: results (pol) become the union of what flows in, inputs Any. */
export function freeze(t: Type, pol = true, busy = new Set<TVar>()): Type {
  const go = (u: Type, p = pol) => freeze(u, p, busy);
  switch (t.t) {
    case "var": {
      if (busy.has(t.v)) return pol ? NEVER : ANY;
      busy.add(t.v);
      const bounds = (pol ? t.v.lower : t.v.upper).filter((b) => b.t !== "ovl" && b.t !== "diff").map((b) => go(b));
      busy.delete(t.v);
      if (bounds.length === 0) return pol ? NEVER : ANY;
      return pol ? union(...bounds) : bounds.length === 1 ? bounds[0]! : { t: "inter", types: bounds };
    }
    case "named":
      return { ...t, args: t.args.map((a) => go(a)) };
    case "rec":
      return { ...t, fields: new Map([...t.fields].map(([k, v]) => [k, go(v)])), wild: t.wild && go(t.wild) };
    case "tup":
      return { ...t, elems: t.elems.map((e) => go(e)) };
    case "fn":
      return {
        ...t,
        params: t.params.map((p) => go(p, !pol)),
        variadic: t.variadic && go(t.variadic, !pol),
        ret: go(t.ret),
      };
    case "union":
    case "inter":
      return { ...t, types: t.types.map((m) => go(m)) };
    case "diff":
      return { ...t, base: go(t.base) };
    default:
      return t;
  }
}

/** Replaces the given variables (by identity) throughout a type. */
export function replaceVars(t: Type, map: Map<TVar, Type>): Type {
  const go = (u: Type) => replaceVars(u, map);
  switch (t.t) {
    case "var":
      return map.get(t.v) ?? t;
    case "named":
      return { ...t, args: t.args.map(go) };
    case "rec":
      return { ...t, fields: new Map([...t.fields].map(([k, v]) => [k, go(v)])), wild: t.wild && go(t.wild) };
    case "tup":
      return { ...t, elems: t.elems.map(go) };
    case "fn":
      return { ...t, params: t.params.map(go), variadic: t.variadic && go(t.variadic), ret: go(t.ret) };
    case "union":
    case "inter":
      return { ...t, types: t.types.map(go) };
    case "diff":
      return { ...t, base: go(t.base) };
    default:
      return t;
  }
}
