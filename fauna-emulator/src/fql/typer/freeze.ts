// Replaces inference variables by what they stand for, as Fauna persists inferred types
// (a computed field without a signature keeps the type its body was inferred to have).
import { ANY, mapChildren, NEVER, union, type TVar, type Type } from "./types.js";

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
    default:
      return mapChildren(t, (child, flipped) => go(child, flipped ? !pol : pol));
  }
}

/** Replaces the given variables (by identity) throughout a type. */
export function replaceVars(t: Type, map: Map<TVar, Type>): Type {
  return t.t === "var" ? (map.get(t.v) ?? t) : mapChildren(t, (child) => replaceVars(child, map));
}

/**
 * The projections an inferred type still holds as uses (faunadb TyperUtil.findProjections):
 * Fauna cannot persist them, so an unsigned UDF that projects a value of unknown type is
 * refused ("Invalid projection on a unknown type").
 */
export function findProjections(t: Type): (Type & { t: "proj" })[] {
  const found: (Type & { t: "proj" })[] = [];
  const seen = new Set<TVar>();
  const go = (u: Type, pol: boolean): void => {
    switch (u.t) {
      case "var":
        if (seen.has(u.v)) return;
        seen.add(u.v);
        for (const b of pol ? u.v.lower : u.v.upper) go(b, pol);
        return;
      case "named":
        return u.args.forEach((a) => go(a, pol));
      case "rec":
        u.fields.forEach((f) => go(f, pol));
        if (u.wild) go(u.wild, pol);
        return;
      case "tup":
        return u.elems.forEach((e) => go(e, pol));
      case "fn":
        u.params.forEach((p) => go(p, !pol));
        if (u.variadic) go(u.variadic, !pol);
        return go(u.ret, pol);
      case "union":
      case "inter":
        return u.types.forEach((m) => go(m, pol));
      case "diff":
        return go(u.base, pol);
      case "access":
        u.args.forEach((a) => go(a, !pol));
        return go(u.ret, pol);
      case "proj":
        if (!found.includes(u)) found.push(u);
        go(u.fn, !pol);
        return go(u.ret, pol);
      case "ovl":
        return go(u.use, pol);
      default:
        return;
    }
  };
  go(t, true);
  return found;
}
