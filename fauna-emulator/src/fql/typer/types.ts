// The typer's type model, after faunadb's fql.typer.Type: named types with arguments
// (`Int`, `Array<T>`, `Ref<Product>`), literal (singleton) types, records with an optional
// wildcard, tuples, functions, unions and intersections (overloads), inference variables with
// lower/upper bounds, and the `Any`/`Never` extremes. Every type may carry the span of the
// source that introduced it, which error messages point at.
import type { Span } from "../ast.js";

export type Lit =
  | { kind: "int"; value: bigint }
  | { kind: "float"; value: number }
  | { kind: "str"; value: string }
  | { kind: "bool"; value: boolean };

/** An inference variable (Simple-sub style): what flows in (`lower`) and how it is used (`upper`). */
export interface TVar {
  id: number;
  level: number;
  lower: Type[];
  upper: Type[];
  /** The type of an expression that failed to typecheck: shown as `_` while nothing flows in (faunadb poisoned vars). */
  poisoned?: boolean;
}

export type Type = (
  | { t: "any" }
  | { t: "never" }
  | { t: "named"; name: string; args: Type[] }
  | { t: "lit"; lit: Lit }
  /** `open`: a use that requires the listed fields and allows others (`{ foo: A, ... }`). */
  | { t: "rec"; fields: Map<string, Type>; wild: Type | null; open?: boolean }
  | { t: "tup"; elems: Type[] }
  | { t: "fn"; params: Type[]; names?: (string | null)[]; variadic: Type | null; ret: Type }
  | { t: "union"; types: Type[] }
  | { t: "inter"; types: Type[] }
  | { t: "var"; v: TVar }
  /**
   * A type parameter of a signature (`A` in `(A => B) => Array<B>`), replaced on use. `level`:
   * a let annotation's generic (faunadb skolem) belongs to its right-hand side's level, and no
   * variable from outside that value may be constrained by it.
   */
  | { t: "param"; name: string; level?: number }
  /** `base` without `Null` (the `!`, `?.` and `??` operators). */
  | { t: "diff"; base: Type }
  /** Internal use: `sub` is accepted as is, anything else goes to `use` (see `??`). */
  | { t: "access"; args: Type[]; ret: Type }
  /** A projection use: the value is projected by `fn` (a one-parameter function) into `ret`. */
  | { t: "proj"; fn: Type; ret: Type }
  /**
   * A pending overloaded call (an upper bound of an argument whose type is not known yet): it
   * is resolved again each time a type flows into that argument.
   */
  | { t: "ovl"; alts: Type[]; use: Type }
) & { span?: Span };

export const ANY: Type = { t: "any" };
export const NEVER: Type = { t: "never" };
export const named = (name: string, ...args: Type[]): Type => ({ t: "named", name, args });
export const NULL = named("Null");
export const BOOLEAN = named("Boolean");
export const INT = named("Int");
export const LONG = named("Long");
export const DOUBLE = named("Double");
export const NUMBER = named("Number");
export const STRING = named("String");
export const TIME = named("Time");
export const DATE = named("Date");
export const ID = named("ID");
export const union = (...types: Type[]): Type => {
  const flat: Type[] = [];
  for (const t of types)
    if (t.t === "union") flat.push(...t.types);
    else flat.push(t);
  return flat.length === 1 ? flat[0]! : { t: "union", types: flat };
};
export const optional = (t: Type): Type => union(t, NULL);
export const rec = (fields: [string, Type][], wild: Type | null = null): Type => ({
  t: "rec",
  fields: new Map(fields),
  wild,
});
export const fn = (params: Type[], ret: Type, variadic: Type | null = null): Type => ({
  t: "fn",
  params,
  variadic,
  ret,
});
export const lit = (l: Lit, span?: Span): Type => (span ? { t: "lit", lit: l, span } : { t: "lit", lit: l });
export const at = <T extends Type>(t: T, span: Span | undefined): T => (span ? { ...t, span } : t);

let nextVar = 0;
export const freshVar = (level: number, span?: Span): Type => {
  // Built directly: spreading a new variable into a copy with its span costs more than the variable.
  const v = { id: nextVar++, level, lower: [], upper: [] };
  return span ? { t: "var", v, span } : { t: "var", v };
};

/** The named type a literal belongs to first (faunadb `primaryLitType`). */
export function litBase(l: Lit): Type {
  switch (l.kind) {
    case "bool":
      return BOOLEAN;
    case "str":
      return STRING;
    case "float":
      return DOUBLE;
    case "int":
      return l.value >= -(2n ** 31n) && l.value < 2n ** 31n
        ? INT
        : l.value >= -(2n ** 63n) && l.value < 2n ** 63n
          ? LONG
          : DOUBLE;
  }
}

/** Whether a literal is a value of a named type (faunadb `Type.isValueOf`). */
export function litIsValueOf(l: Lit, name: string): boolean {
  switch (l.kind) {
    case "bool":
      return name === "Boolean";
    case "str":
      return name === "String" || name === "ID";
    case "float":
      return name === "Number" || name === "Double";
    case "int": {
      const isInt = l.value >= -(2n ** 31n) && l.value < 2n ** 31n;
      const isLong = l.value >= -(2n ** 63n) && l.value < 2n ** 63n;
      return (
        name === "Number" ||
        name === "Double" ||
        (name === "Int" && isInt) ||
        ((name === "Long" || name === "ID") && isLong)
      );
    }
  }
}

export const sameLit = (a: Lit, b: Lit): boolean => a.kind === b.kind && a.value === b.value;

/** Replaces type parameters by the given types (or fresh variables, created on first sight). */
export function substitute(t: Type, params: Map<string, Type>, fresh?: (name: string) => Type): Type {
  // Unchanged parts are shared, not copied: signatures are substituted at every call.
  const all = (ts: Type[]): Type[] => {
    let out: Type[] | null = null;
    for (let i = 0; i < ts.length; i++) {
      const r = go(ts[i]!);
      if (out === null && r !== ts[i]) out = ts.slice(0, i);
      if (out !== null) out.push(r);
    }
    return out ?? ts;
  };
  const go = (t: Type): Type => {
    switch (t.t) {
      case "param": {
        let r = params.get(t.name);
        if (!r && fresh) {
          r = fresh(t.name);
          params.set(t.name, r);
        }
        return r ?? t;
      }
      case "named": {
        const args = all(t.args);
        return args === t.args ? t : { ...t, args };
      }
      case "rec": {
        let fields: Map<string, Type> | null = null;
        for (const [k, v] of t.fields) {
          const r = go(v);
          if (fields === null && r !== v) {
            fields = new Map();
            for (const [k2, v2] of t.fields) {
              if (k2 === k) break;
              fields.set(k2, v2);
            }
          }
          if (fields !== null) fields.set(k, r);
        }
        const wild = t.wild && go(t.wild);
        return fields === null && wild === t.wild ? t : { ...t, fields: fields ?? t.fields, wild };
      }
      case "tup": {
        const elems = all(t.elems);
        return elems === t.elems ? t : { ...t, elems };
      }
      case "fn": {
        const ps = all(t.params);
        const variadic = t.variadic && go(t.variadic);
        const ret = go(t.ret);
        return ps === t.params && variadic === t.variadic && ret === t.ret ? t : { ...t, params: ps, variadic, ret };
      }
      case "union":
      case "inter": {
        const types = all(t.types);
        return types === t.types ? t : { ...t, types };
      }
      case "diff": {
        const base = go(t.base);
        return base === t.base ? t : { ...t, base };
      }
      default:
        return t;
    }
  };
  return go(t);
}

/**
 * `t` with each child type replaced by `f(child, flipped)` (`flipped` for a function's inputs,
 * whose polarity is the opposite of the function's), for the structural kinds: named, rec, tup,
 * fn, union, inter, diff. Any other kind comes back as it is, for the caller to handle first.
 */
export function mapChildren(t: Type, f: (child: Type, flipped: boolean) => Type): Type {
  switch (t.t) {
    case "named":
      return { ...t, args: t.args.map((a) => f(a, false)) };
    case "rec":
      return {
        ...t,
        fields: new Map([...t.fields].map(([k, v]) => [k, f(v, false)])),
        wild: t.wild && f(t.wild, false),
      };
    case "tup":
      return { ...t, elems: t.elems.map((e) => f(e, false)) };
    case "fn":
      return {
        ...t,
        params: t.params.map((p) => f(p, true)),
        variadic: t.variadic && f(t.variadic, true),
        ret: f(t.ret, false),
      };
    case "union":
    case "inter":
      return { ...t, types: t.types.map((m) => f(m, false)) };
    case "diff":
      return { ...t, base: f(t.base, false) };
    default:
      return t;
  }
}

export const hasParams = (t: Type): boolean => {
  switch (t.t) {
    case "param":
      return true;
    case "named":
      return t.args.some(hasParams);
    case "rec":
      return [...t.fields.values()].some(hasParams) || (t.wild !== null && hasParams(t.wild));
    case "tup":
      return t.elems.some(hasParams);
    case "fn":
      return t.params.some(hasParams) || (t.variadic !== null && hasParams(t.variadic)) || hasParams(t.ret);
    case "union":
    case "inter":
      return t.types.some(hasParams);
    case "diff":
      return hasParams(t.base);
    default:
      return false;
  }
};
