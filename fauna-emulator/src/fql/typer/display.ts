// How Fauna shows a type (`static_type`, error messages): inference variables are replaced by
// their bounds (what flows in for results, how it is used for parameters; faunadb
// CoalescedType), variables that link an input to an output become `A`, `B`, …, the others
// vanish; unions are flattened, merged and ordered like the core (literals, names, generics,
// functions, records, tuples; `Null` last).
import { pendingResults } from "./solver.js";
import { ANY, union, type Lit, type Type } from "./types.js";

type D =
  | { k: "var"; id: number }
  | { k: "any" }
  | { k: "never" }
  /** The type of an expression that failed to typecheck (faunadb TypeExpr.Hole). */
  | { k: "hole" }
  | { k: "named"; name: string; args: D[] }
  | { k: "lit"; lit: Lit }
  | { k: "rec"; fields: [string, D][]; wild: D | null; open: boolean }
  | { k: "tup"; elems: D[] }
  | { k: "fn"; params: { name: string | null; t: D }[]; variadic: { name: string | null; t: D } | null; ret: D }
  | { k: "union"; ms: D[] }
  | { k: "inter"; ms: D[] }
  /** A projection use: `.{ projector } => result` (faunadb Constraint.Proj). */
  | { k: "proj"; fn: D; ret: D }
  /** A value without `Null` whose type is still open (`A - Null`). */
  | { k: "diff"; base: D[] };

const NULLISH = (d: D) => d.k === "named" && (d.name === "Null" || /^Null[A-Z]/.test(d.name));

/** While showing one choice of alternatives for undecided overloads, their placeholders are hidden. */
let hidePending = false;

function coalesce(t: Type, pol: boolean, busy: Set<string>): D {
  switch (t.t) {
    case "any":
      return { k: "any" };
    case "never":
      return { k: "never" };
    case "param":
      return { k: "named", name: t.name, args: [] };
    case "named":
      return { k: "named", name: t.name, args: t.args.map((a) => coalesce(a, pol, busy)) };
    case "lit":
      return { k: "lit", lit: t.lit };
    case "rec":
      return {
        k: "rec",
        fields: [...t.fields].map(([n, f]) => [n, coalesce(f, pol, busy)]),
        wild: t.wild && coalesce(t.wild, pol, busy),
        open: !!t.open,
      };
    case "tup":
      return { k: "tup", elems: t.elems.map((e) => coalesce(e, pol, busy)) };
    case "fn":
      return {
        k: "fn",
        params: t.params.map((p, i) => ({ name: t.names?.[i] ?? null, t: coalesce(p, !pol, busy) })),
        variadic: t.variadic && { name: null, t: coalesce(t.variadic, !pol, busy) },
        ret: coalesce(t.ret, pol, busy),
      };
    case "union":
      return { k: "union", ms: t.types.map((m) => coalesce(m, pol, busy)) };
    case "inter":
      return { k: "inter", ms: t.types.map((m) => coalesce(m, pol, busy)) };
    case "diff": {
      const base = coalesce(t.base, pol, busy);
      const ms = (base.k === "union" ? base.ms : [base])
        .flatMap((m) => flat(m))
        .filter((m) => !NULLISH(m))
        .map((m): D =>
          m.k === "named" && (m.name === "Ref" || m.name === "NamedRef") ? (m.args[0] ?? { k: "any" }) : m,
        );
      return pol ? { k: "diff", base: ms } : { k: "union", ms };
    }
    case "var": {
      const key = `${t.v.id}${pol ? "+" : "-"}`;
      const self: D = { k: "var", id: t.v.id };
      if (busy.has(key)) return self;
      busy.add(key);
      const bounds = (pol ? t.v.lower : t.v.upper).filter(
        (b) => !(b.t === "diff" && !pol) && !(hidePending && b.t === "ovl"),
      );
      const ms = [
        self,
        ...bounds.map((b) =>
          // An argument of an overloaded call not yet decided: any of the alternatives' parameters.
          b.t === "ovl" && b.use.t === "fn"
            ? coalesce(
                union(
                  ...b.alts.map((a) =>
                    a.t === "fn" ? (a.params[(b.use as { params: Type[] }).params.indexOf(t)] ?? ANY) : ANY,
                  ),
                ),
                pol,
                busy,
              )
            : coalesce(b, pol, busy),
        ),
      ];
      // Its result, while no alternative has been chosen (once one is, its result flows in).
      const pending = pol && !hidePending && bounds.length === 0 ? pendingResults.get(t.v) : undefined;
      if (pending) ms.push(coalesce(union(...pending.alts.map((a) => (a.t === "fn" ? a.ret : ANY))), pol, busy));
      // Untypeable, unless something else flows in (a union with it is the other members).
      else if (t.v.poisoned && bounds.length === 0) ms.push(pol ? { k: "hole" } : { k: "any" });
      busy.delete(key);
      return pol ? { k: "union", ms } : { k: "inter", ms };
    }
    case "proj":
      return { k: "proj", fn: coalesce(t.fn, !pol, busy), ret: coalesce(t.ret, pol, busy) };
    case "access":
    case "ovl":
      return { k: "any" };
  }
}

function flat(d: D): D[] {
  return d.k === "union" ? d.ms.flatMap(flat) : [d];
}

/** Records where each variable occurs (positively/negatively). */
function polarities(d: D, pol: boolean, acc: Map<number, Set<boolean>>): void {
  switch (d.k) {
    case "var": {
      const s = acc.get(d.id) ?? new Set<boolean>();
      s.add(pol);
      acc.set(d.id, s);
      return;
    }
    case "named":
      return d.args.forEach((a) => polarities(a, pol, acc));
    case "rec":
      d.fields.forEach(([, f]) => polarities(f, pol, acc));
      if (d.wild) polarities(d.wild, pol, acc);
      return;
    case "tup":
      return d.elems.forEach((e) => polarities(e, pol, acc));
    case "fn":
      d.params.forEach((p) => polarities(p.t, !pol, acc));
      if (d.variadic) polarities(d.variadic.t, !pol, acc);
      return polarities(d.ret, pol, acc);
    case "union":
    case "inter":
      return d.ms.forEach((m) => polarities(m, pol, acc));
    case "diff":
      return d.base.forEach((m) => polarities(m, pol, acc));
    case "proj":
      polarities(d.fn, !pol, acc);
      return polarities(d.ret, pol, acc);
    default:
      return;
  }
}

const ORDER: Record<string, number> = {
  var: 0,
  any: 1,
  lit: 2,
  named: 3,
  fn: 5,
  proj: 5,
  inter: 5,
  rec: 6,
  tup: 7,
  never: 8,
  hole: 8,
  union: 9,
  diff: 9.5,
};
const rank = (d: D) => (d.k === "named" ? (NULLISH(d) && d.name === "Null" ? 10 : d.args.length ? 4 : 3) : ORDER[d.k]!);

class Renderer {
  private letters = new Map<number, string>();
  // A union renders its members to drop duplicates, then again to show them, and asks each
  // whether it is a function: remembered per node and polarity, or nesting makes it exponential.
  private readonly rendered = [new Map<D, string>(), new Map<D, string>()];
  private readonly simplified = [new Map<D[], D[]>(), new Map<D[], D[]>()];
  constructor(private readonly keep: Set<number>) {}

  private letter(id: number): string {
    let l = this.letters.get(id);
    if (!l) {
      const n = this.letters.size;
      l = n < 26 ? String.fromCharCode(65 + n) : `T${n}`;
      this.letters.set(id, l);
    }
    return l;
  }

  /** Simplifies a union (pol) or intersection (!pol) and renders it. */
  private members(ms: D[], pol: boolean): D[] {
    const memo = this.simplified[pol ? 1 : 0]!;
    let known = memo.get(ms);
    if (!known) memo.set(ms, (known = this.simplify(ms, pol)));
    return known;
  }

  private simplify(ms: D[], pol: boolean): D[] {
    let out: D[] = [];
    // What remains of a value without Null comes after the other members (faunadb coalesces
    // differences last: `1 ?? 2` is `2 | 1`); an open one stays `A - Null`.
    const late: D[] = [];
    const flatten = (d: D) => {
      if ((pol && d.k === "union") || (!pol && d.k === "inter")) d.ms.forEach(flatten);
      else if (d.k === "var" && !this.keep.has(d.id)) return;
      else if (pol && d.k === "diff" && !this.hasKeptVar(d.base)) late.push(...d.base);
      else out.push(d);
    };
    ms.forEach(flatten);
    late.forEach(flatten);
    if (pol) {
      if (out.length > 1) out = out.filter((d) => d.k !== "never" && d.k !== "hole");
      out = this.mergeUnion(out);
    } else {
      if (out.length > 1) out = out.filter((d) => d.k !== "any");
      out = this.mergeInter(out);
    }
    const seen = new Set<string>();
    const res: D[] = [];
    for (const d of out.sort((a, b) => rank(a) - rank(b))) {
      const s = this.render(d, pol);
      if (seen.has(s)) continue;
      seen.add(s);
      res.push(d);
    }
    return res;
  }

  private mergeUnion(ms: D[]): D[] {
    const names = new Set(
      ms.filter((d) => d.k === "named" && d.args.length === 0).map((d) => (d as { name: string }).name),
    );
    // `true | false` is `Boolean`.
    const bools = new Set(ms.flatMap((d) => (d.k === "lit" && d.lit.kind === "bool" ? [d.lit.value] : [])));
    if (bools.size === 2 && !names.has("Boolean")) {
      names.add("Boolean");
      ms = [...ms, { k: "named", name: "Boolean", args: [] }];
    }
    const out: D[] = [];
    for (const d of ms) {
      if (d.k === "lit") {
        const base =
          d.lit.kind === "str"
            ? "String"
            : d.lit.kind === "bool"
              ? "Boolean"
              : d.lit.kind === "float"
                ? "Double"
                : "Int";
        if (names.has(base) || (d.lit.kind !== "str" && d.lit.kind !== "bool" && names.has("Number"))) continue;
      }
      if (d.k === "named" && ["Int", "Long", "Double"].includes(d.name) && names.has("Number")) continue;
      const prev = out.find(
        (o) =>
          (o.k === "named" &&
            d.k === "named" &&
            o.name === d.name &&
            o.args.length === d.args.length &&
            d.args.length > 0) ||
          (o.k === "tup" && d.k === "tup" && o.elems.length === d.elems.length) ||
          (o.k === "rec" &&
            d.k === "rec" &&
            !o.open &&
            !d.open &&
            ((!!o.wild && !!d.wild) ||
              (!o.wild &&
                !d.wild &&
                o.fields.length === d.fields.length &&
                o.fields.every(([n]) => d.fields.some(([m]) => m === n))))),
      );
      if (!prev) {
        out.push(d);
        continue;
      }
      const i = out.indexOf(prev);
      if (prev.k === "named" && d.k === "named")
        out[i] = { ...prev, args: prev.args.map((a, j) => ({ k: "union", ms: [a, d.args[j]!] })) };
      else if (prev.k === "tup" && d.k === "tup")
        out[i] = { ...prev, elems: prev.elems.map((a, j) => ({ k: "union", ms: [a, d.elems[j]!] })) };
      else if (prev.k === "rec" && d.k === "rec") {
        // Records merge field by field; a field one of them lacks comes from its wildcard
        // (`{ *: Int } | { foo: String, *: Boolean }` is `{ foo: Int | String, *: Int | Boolean }`).
        const names = [
          ...prev.fields.map(([n]) => n),
          ...d.fields.map(([n]) => n).filter((n) => !prev.fields.some(([m]) => m === n)),
        ];
        const get = (r: D & { k: "rec" }, n: string): D =>
          r.fields.find(([m]) => m === n)?.[1] ?? r.wild ?? { k: "never" };
        out[i] = {
          ...prev,
          fields: names.map((n): [string, D] => [n, { k: "union", ms: [get(prev, n), get(d, n)] }]),
          wild: prev.wild && d.wild ? { k: "union", ms: [prev.wild, d.wild] } : prev.wild,
        };
      }
    }
    return out;
  }

  private mergeInter(ms: D[]): D[] {
    const out: D[] = [];
    let iface: (D & { k: "rec" }) | null = null;
    for (const d of ms) {
      if (d.k === "rec" && d.open) {
        if (!iface) {
          iface = { ...d, fields: [...d.fields] };
          out.push(iface);
        } else
          for (const [n, f] of d.fields) {
            const j = iface.fields.findIndex(([m]) => m === n);
            if (j < 0) iface.fields.push([n, f]);
            else iface.fields[j] = [n, { k: "inter", ms: [iface.fields[j]![1], f] }];
          }
      } else out.push(d);
    }
    return out;
  }

  render(d: D, pol: boolean): string {
    const memo = this.rendered[pol ? 1 : 0]!;
    let known = memo.get(d);
    if (known === undefined) memo.set(d, (known = this.renderNode(d, pol)));
    return known;
  }

  private renderNode(d: D, pol: boolean): string {
    switch (d.k) {
      case "var":
        return this.letter(d.id);
      case "any":
        return "Any";
      case "never":
        return "Never";
      case "hole":
        return "_";
      case "lit":
        return showLit(d.lit);
      case "named":
        return d.args.length ? `${d.name}<${d.args.map((a) => this.render(a, pol)).join(", ")}>` : d.name;
      case "rec": {
        const fs = d.fields.map(([n, f]) => `${fieldName(n)}: ${this.render(f, pol)}`);
        if (d.wild) fs.push(`*: ${this.render(d.wild, pol)}`);
        if (d.open) fs.push("...");
        return fs.length ? `{ ${fs.join(", ")} }` : "{}";
      }
      case "tup":
        return `[${d.elems.map((e) => this.render(e, pol)).join(", ")}]`;
      case "fn": {
        const params = d.params.map((p) => {
          const s = this.render(p.t, !pol);
          const isFn = this.isFn(p.t, !pol);
          return p.name ? `${p.name}: ${isFn ? `(${s})` : s}` : s;
        });
        if (d.variadic)
          params.push(`...${d.variadic.name ? `${d.variadic.name}: ` : ""}Array<${this.render(d.variadic.t, !pol)}>`);
        const ret = this.render(d.ret, pol);
        const single = d.params.length === 1 && !d.variadic && !d.params[0]!.name && !this.isFn(d.params[0]!.t, !pol);
        return `${single ? params[0] : `(${params.join(", ")})`} => ${ret}`;
      }
      case "proj":
        return `.{ ${this.render(d.fn, !pol)} } => ${this.render(d.ret, pol)}`;
      case "diff": {
        // Without a variable left, the difference is just the other members.
        const ms = this.members(d.base, true);
        if (!ms.some((m) => m.k === "var")) return this.render({ k: "union", ms }, pol);
        const base = this.render({ k: "union", ms }, pol);
        return `${ms.length > 1 ? `(${base})` : base} - Null`;
      }
      case "union":
      case "inter": {
        const isUnion = d.k === "union";
        const ms = this.members(d.ms, isUnion ? true : false);
        if (ms.length === 0) return isUnion ? "Never" : "Any";
        if (ms.length === 1) return this.render(ms[0]!, pol);
        return ms
          .map((m) => {
            const s = this.render(m, pol);
            return this.isFn(m, pol) || m.k === "inter" || m.k === "union" || (m.k === "diff" && s.endsWith(" - Null"))
              ? `(${s})`
              : s;
          })
          .join(isUnion ? " | " : " & ");
      }
    }
  }

  private hasKeptVar(ds: D[]): boolean {
    return ds.some((d) => (d.k === "var" && this.keep.has(d.id)) || (d.k === "union" && this.hasKeptVar(d.ms)));
  }

  private isFn(d: D, pol: boolean): boolean {
    if (d.k === "fn") return true;
    if (d.k === "union" || d.k === "inter") {
      const ms = this.members(d.ms, d.k === "union");
      return ms.length === 1 ? this.isFn(ms[0]!, pol) : false;
    }
    return false;
  }
}

const fieldName = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : JSON.stringify(n));

export function showLit(l: Lit): string {
  switch (l.kind) {
    case "str":
      return JSON.stringify(l.value);
    case "int":
      return l.value.toString();
    case "bool":
      return String(l.value);
    case "float": {
      const s = String(l.value);
      return /[.eE]|Infinity|NaN/.test(s) ? s : `${s}.0`;
    }
  }
}

/**
 * Shows a result whose overloaded calls still wait for their arguments' types as the
 * intersection of its types under each choice of alternatives (faunadb: `(x, y) => x + y` is
 * `((Number, Number) => Number) & ((String, String) => String)`). `choose` applies one choice
 * and returns whether it holds, `undo` reverts it.
 */
export function showWithOverloads(t: Type, choose: (alt: Type, use: Type) => boolean, undo: () => void): string {
  const pending: (Type & { t: "ovl" })[] = [];
  const seen = new Set<object>();
  const walk = (u: Type): void => {
    if (seen.has(u)) return;
    seen.add(u);
    switch (u.t) {
      case "var":
        if (seen.has(u.v)) return;
        seen.add(u.v);
        for (const b of [...u.v.lower, ...u.v.upper]) {
          if (b.t === "ovl") {
            if (!pending.includes(b)) pending.push(b);
          } else walk(b);
        }
        return;
      case "named":
        return u.args.forEach(walk);
      case "rec":
        u.fields.forEach(walk);
        if (u.wild) walk(u.wild);
        return;
      case "tup":
        return u.elems.forEach(walk);
      case "fn":
        u.params.forEach(walk);
        if (u.variadic) walk(u.variadic);
        return walk(u.ret);
      case "union":
      case "inter":
        return u.types.forEach(walk);
      case "diff":
        return walk(u.base);
      default:
        return;
    }
  };
  walk(t);
  let combos: Type[][] = [[]];
  for (const p of pending) combos = combos.flatMap((c) => p.alts.map((a) => [...c, a]));
  if (pending.length === 0 || combos.length > 16) return showType(t);
  const shown: string[] = [];
  for (const combo of combos) {
    if (combo.every((alt, i) => choose(alt, pending[i]!.use))) {
      hidePending = true;
      try {
        const s = showType(t);
        if (!shown.includes(s)) shown.push(s);
      } finally {
        hidePending = false;
      }
    }
    undo();
  }
  if (shown.length === 0) return showType(t);
  if (shown.length === 1) return shown[0]!;
  return shown.map((s) => (isFunctionText(s) ? `(${s})` : s)).join(" & ");
}

/** A rendered type's top level: whether an `=>` stands outside brackets and quotes, and its ` & ` members. */
function topLevel(s: string): { arrow: boolean; members: string[] } {
  let depth = 0;
  let quoted = false;
  let arrow = false;
  const members: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c) && !(c === ">" && s[i - 1] === "=")) depth--;
    else if (depth === 0 && c === "=" && s[i + 1] === ">") arrow = true;
    else if (depth === 0 && s.startsWith(" & ", i - 1)) {
      members.push(s.slice(from, i - 1));
      from = i + 2;
    }
  }
  members.push(s.slice(from));
  return { arrow, members };
}

/** Whether a rendered type is a function type (an `=>` outside brackets). */
const isFunctionText = (s: string): boolean => topLevel(s).arrow;

/** Whether a rendered type is a function, or an intersection of parenthesized functions (an overload). */
export function showsFunction(shown: string): boolean {
  const { arrow, members } = topLevel(shown);
  if (members.length === 1) return arrow;
  return members.every((m) => m.startsWith("(") && m.endsWith(")") && isFunctionText(m.slice(1, -1)));
}

/** Renders a type as Fauna shows it, `pol` true for a value (result), false for an expectation. */
export function showType(t: Type, pol = true): string {
  const d = coalesce(t, pol, new Set());
  const acc = new Map<number, Set<boolean>>();
  polarities(d, pol, acc);
  const keep = new Set([...acc].filter(([, s]) => s.size === 2).map(([id]) => id));
  return new Renderer(keep).render(d, pol);
}
