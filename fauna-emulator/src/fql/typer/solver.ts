// Constraint solving (faunadb TyperConstrain, after Parreaux's Simple-sub): `constrain(v, u)`
// records that values of type `v` flow where `u` is expected. Variables collect bounds and
// propagate them; named types answer field selection, calls and `[]` through their shapes.
// Overloads (intersections) and expected unions are resolved by trial: a failed alternative
// is rolled back through an undo trail.
import type { Span } from "../ast.js";
import {
  ANY,
  NEVER,
  NULL,
  STRING,
  NUMBER,
  freshVar,
  litBase,
  litIsValueOf,
  mapChildren,
  named,
  sameLit,
  substitute,
  union,
  type TVar,
  type Type,
} from "./types.js";

/** What a named type offers (faunadb TypeShape). Types may use `params` and further generics. */
export interface Shape {
  params: string[];
  fields: Map<string, Type>;
  apply?: Type;
  access?: Type;
  /** The structural type a named type stands for (a document's record, `Null` for a null doc). */
  alias?: Type;
  /** For documents: the collection name; for null documents: `null:` + the collection name. */
  doc?: string;
  nullDoc?: string;
}

export type Failure =
  | { kind: "missingField"; value: Type; field: string; span: Span; dotSpan?: Span }
  | { kind: "extraField"; value: Type; field: string; span: Span }
  | { kind: "extraWildcard"; value: Type; span: Span }
  /** `causes`: why each member of a union of literals refused the value. */
  | { kind: "notSubtype"; value: Type; use: Type; span: Span; causes?: Failure[] }
  /** A literal where another literal is expected (faunadb NotSameSingleton). */
  | { kind: "notValue"; value: Type; use: Type; span: Span }
  | { kind: "notFunction"; value: Type; span: Span; argsSpan?: Span }
  | { kind: "arity"; expected: number; provided: number; span: Span }
  | { kind: "tupleArity"; expected: number; provided: number; span: Span }
  | { kind: "tupleIndex"; arity: number; index: number; span: Span }
  | { kind: "cannotAccess"; value: Type; span: Span }
  | { kind: "cannotProject"; value: Type; span: Span }
  | { kind: "generic"; value: Type; use: Type; span: Span; valueIsGeneric: boolean }
  /** A variable from outside a let's value constrained by the let annotation's generics (faunadb InvalidSkolemConstraint). */
  | { kind: "skolem"; value: Type; use: Type; span: Span };

/** Whether a type holds a let annotation's generic from a level above `level`. */
function hasSkolemAbove(t: Type, level: number): boolean {
  switch (t.t) {
    case "param":
      return t.level !== undefined && t.level > level;
    case "named":
      return t.args.some((a) => hasSkolemAbove(a, level));
    case "rec":
      return (
        (t.wild !== null && hasSkolemAbove(t.wild, level)) ||
        [...t.fields.values()].some((f) => hasSkolemAbove(f, level))
      );
    case "tup":
      return t.elems.some((e) => hasSkolemAbove(e, level));
    case "fn":
      return (
        hasSkolemAbove(t.ret, level) ||
        (t.variadic !== null && hasSkolemAbove(t.variadic, level)) ||
        t.params.some((p) => hasSkolemAbove(p, level))
      );
    case "union":
    case "inter":
      return t.types.some((m) => hasSkolemAbove(m, level));
    case "diff":
      return hasSkolemAbove(t.base, level);
    default:
      return false;
  }
}

function most(ts: readonly Type[], from = 0): number {
  let m = from;
  for (const x of ts) {
    const l = levelOf(x);
    if (l > m) m = l;
  }
  return m;
}

/** Levels of variables inside a type (for let-polymorphism). Loops, not spreads: it runs at every constraint. */
export function levelOf(t: Type): number {
  switch (t.t) {
    case "var":
      return t.v.level;
    case "named":
      return most(t.args);
    case "rec": {
      let m = t.wild ? levelOf(t.wild) : 0;
      for (const f of t.fields.values()) {
        const l = levelOf(f);
        if (l > m) m = l;
      }
      return m;
    }
    case "tup":
      return most(t.elems);
    case "fn":
      return most(t.params, Math.max(levelOf(t.ret), t.variadic ? levelOf(t.variadic) : 0));
    case "union":
    case "inter":
      return most(t.types);
    case "diff":
      return levelOf(t.base);
    case "access":
      return most(t.args, levelOf(t.ret));
    case "proj":
      return Math.max(levelOf(t.fn), levelOf(t.ret));
    case "ovl":
      return levelOf(t.use);
    default:
      return 0;
  }
}

const NULL_SPAN: Span = { start: 0, end: 0 };
/** Constraint steps one typecheck may take (faunadb bounds typing by time and stack instead). */
const MAX_WORK = 2_000_000;
/** Generic containers (covariant in their element type). */
const CONTAINERS = new Set(["Array", "Set", "Page", "EventSource"]);

export class Solver {
  // The undo trail, as data rather than closures (an entry per bound added: the hottest path):
  // a list to pop, a seen-set and the type to forget, or a function.
  private trail: (Type[] | Set<Type> | (() => void))[] = [];
  private trailSeen: (Type | null)[] = [];
  private failures: Failure[] = [];
  private seen = new Map<Type, Set<Type>>();
  /** The span of the constraint being solved, for failures whose value has none. */
  private ctxSpan: Span = NULL_SPAN;
  /** Where a failure of the constraint as a whole is reported (a let's name), if elsewhere than `ctxSpan`. */
  private siteSpan: Span | undefined;
  /** Whether any let annotation had generics (only then can a variable meet one from an inner level). */
  skolems = false;
  private work = 0;
  level = 0;

  constructor(readonly shapes: (name: string) => Shape | undefined) {}

  /** Solves one constraint; returns its failures (empty when it holds). */
  constrain(value: Type, use: Type, span: Span, site?: Span): Failure[] {
    const saved = { failures: this.failures, ctx: this.ctxSpan, site: this.siteSpan };
    this.failures = [];
    this.ctxSpan = span;
    this.siteSpan = site;
    try {
      this.go(value, use);
      return this.failures;
    } finally {
      this.failures = saved.failures;
      this.ctxSpan = saved.ctx;
      this.siteSpan = saved.site;
    }
  }

  /**
   * Applies `alt` to `use` for good (a display of one choice of overload alternatives);
   * returns whether it holds. `rewind()` undoes everything since `mark()`.
   */
  choose(alt: Type, use: Type): boolean {
    const before = this.failures;
    this.failures = [];
    this.go(alt, use);
    const ok = this.failures.length === 0;
    this.failures = before;
    return ok;
  }

  mark(): number {
    return this.trail.length;
  }

  rewind(mark: number): void {
    this.undo(mark);
  }

  /** Records a failure in the current trial (so that the trial is undone). */
  reject(f: Failure): void {
    this.failures.push(f);
  }

  /** Runs `f`; if it produced failures, undoes its effects. Returns the failures. */
  trial(f: () => void): Failure[] {
    const mark = this.trail.length;
    const before = this.failures;
    this.failures = [];
    f();
    const got = this.failures;
    this.failures = before;
    if (got.length > 0) this.undo(mark);
    return got;
  }

  private undo(mark: number): void {
    while (this.trail.length > mark) {
      const entry = this.trail.pop()!;
      const seen = this.trailSeen.pop()!;
      if (Array.isArray(entry)) entry.pop();
      else if (entry instanceof Set) entry.delete(seen!);
      else entry();
    }
  }

  private record(entry: Type[] | Set<Type> | (() => void), seen: Type | null = null): void {
    this.trail.push(entry);
    this.trailSeen.push(seen);
  }

  private fail(f: Failure): void {
    this.failures.push(f);
  }

  private spanOf(t: Type): Span {
    return t.span ?? this.ctxSpan;
  }

  private push(list: Type[], t: Type): void {
    list.push(t);
    this.record(list);
  }

  fresh(span?: Span): Type {
    return freshVar(this.level, span);
  }

  /** The shape of a named type with its parameters substituted (method generics fresh). */
  shapeField(
    t: Type & { t: "named" },
    which: "field" | "apply" | "access" | "alias",
    field?: string,
  ): Type | undefined {
    const shape = this.shapes(t.name);
    if (!shape) return undefined;
    const raw = which === "field" ? shape.fields.get(field!) : shape[which];
    if (!raw) return undefined;
    const params = new Map<string, Type>();
    shape.params.forEach((p, i) => params.set(p, t.args[i] ?? ANY));
    const res = substitute(raw, params, () => this.fresh());
    // Schema types may hold inferred variables (computed fields): never add bounds to them.
    return levelOf(res) > this.level ? this.instantiate(res, this.level) : res;
  }

  private go(l: Type, r: Type): void {
    if (l === r) return;
    // A runaway propagation (types that keep growing) stops here rather than exhausting the stack.
    if (++this.work > MAX_WORK) throw new RangeError("typer work limit");
    if (r.t === "any" || l.t === "never") return;
    // Cycle guard for bounds that refer back to themselves.
    if (l.t === "var" || r.t === "var") {
      let s = this.seen.get(l);
      if (!s) this.seen.set(l, (s = new Set()));
      if (s.has(r)) return;
      s.add(r);
      this.record(s, r);
    }
    if (l.t === "var") {
      if (this.skolems && hasSkolemAbove(r, l.v.level))
        return this.fail({ kind: "skolem", value: l, use: r, span: this.siteSpan ?? this.ctxSpan });
      const u = levelOf(r) > l.v.level ? this.extrude(r, false, l.v.level, new Map()) : r;
      // An untypeable value flowing into a variable leaves it untypeable too (shown as `_`).
      if (l.v.poisoned && u.t === "var" && !u.v.poisoned) {
        const v = u.v;
        v.poisoned = true;
        this.record(() => void (v.poisoned = false));
      }
      this.push(l.v.upper, u);
      // A bound without a source location is reported where the variable was introduced.
      for (const b of [...l.v.lower]) this.go(b.span || !l.span ? b : { ...b, span: l.span }, u);
      return;
    }
    if (r.t === "var") {
      let v = levelOf(l) > r.v.level ? this.extrude(l, true, r.v.level, new Map()) : l;
      if (v.t === "named" && CONTAINERS.has(v.name)) {
        const vn = v;
        // Generic types flowing into a variable share one instance whose arguments widen
        // (`Array<A> | Array<B>` is `Array<A | B>`): an accumulator that grows its own type
        // (`fold([], (acc, e) => acc.append(e))`) then reaches a fixed point.
        const same = r.v.lower.find(
          (b): b is Type & { t: "named" } =>
            b.t === "named" &&
            b.name === vn.name &&
            b.args.length === vn.args.length &&
            b.args.every((a) => a.t === "var"),
        );
        if (same) {
          vn.args.forEach((a, i) => this.go(a, same.args[i]!));
          return;
        }
        const args = vn.args.map((a) => {
          if (a.t === "var") return a;
          const w = freshVar(r.v.level, a.span);
          this.go(a, w);
          return w;
        });
        v = { ...vn, args };
      }
      this.push(r.v.lower, v);
      for (const b of [...r.v.upper]) this.go(v, b);
      return;
    }
    if (l.t === "union") {
      for (const m of l.types) this.go(m.span || !l.span ? m : { ...m, span: l.span }, r);
      return;
    }
    if (l.t === "diff") return this.go(l.base, { t: "diff", base: r });
    if (r.t === "diff") {
      if (this.isNullish(l)) return;
      if (l.t === "named" && (l.name === "Ref" || l.name === "NamedRef")) return this.go(l.args[0] ?? ANY, r.base);
      return this.go(l, r.base);
    }
    if (r.t === "ovl") return this.overload({ t: "inter", types: r.alts }, r.use, true);
    if (l.t === "any") return this.anyInto(r);
    // Generic parameters of an annotation are rigid (faunadb skolems).
    if (l.t === "param" && r.t === "param" && l.name === r.name) return;
    if (l.t === "param" && r.t !== "union" && r.t !== "inter")
      return this.fail({ kind: "generic", value: l, use: r, span: this.spanOf(l), valueIsGeneric: true });
    if (r.t === "param" && l.t !== "inter")
      return this.fail({ kind: "generic", value: l, use: r, span: this.spanOf(l), valueIsGeneric: false });
    if (r.t === "inter") {
      for (const m of r.types) this.go(l, m);
      return;
    }
    if (l.t === "inter") return this.overload(l, r);
    if (r.t === "union") {
      // A reference is its document or null document; compare those against the union.
      if (
        l.t === "named" &&
        ["Ref", "NamedRef", "EmptyRef", "EmptyNamedRef"].includes(l.name) &&
        !r.types.some((m) => m.t === "named" && m.name === l.name)
      )
        return this.fromNamed(l, r);
      return this.toUnion(l, r);
    }
    if (l.t === "named") return this.fromNamed(l, r);
    if (l.t === "lit") return this.fromLit(l, r);
    if (l.t === "rec") return this.fromRec(l, r);
    if (l.t === "tup") return this.fromTup(l, r);
    if (l.t === "fn") return this.fromFn(l, r);
    this.notSubtype(l, r);
  }

  private notSubtype(l: Type, r: Type): void {
    this.fail({ kind: "notSubtype", value: l, use: r, span: this.spanOf(l) });
  }

  private isNullish(t: Type): boolean {
    if (t.t === "named") {
      if (t.name === "Null" || t.name === "EmptyRef" || t.name === "EmptyNamedRef") return true;
      return this.shapes(t.name)?.nullDoc !== undefined;
    }
    return false;
  }

  /** `Any` flows into a use: whatever the use produces is `Any` too. */
  private anyInto(r: Type): void {
    switch (r.t) {
      case "rec":
        for (const f of r.fields.values()) this.go(ANY, f);
        if (r.wild) this.go(ANY, r.wild);
        return;
      case "fn":
        return this.go(ANY, r.ret);
      case "access":
        return this.go(ANY, r.ret);
      case "proj":
        return this.go(r.fn, { t: "fn", params: [ANY], variadic: null, ret: r.ret });
      case "tup":
        for (const e of r.elems) this.go(ANY, e);
        return;
      case "named":
        for (const a of r.args) this.go(ANY, a);
        return;
      case "union":
        return;
      default:
        return;
    }
  }

  /**
   * An overloaded value (intersection of functions) used as a function (faunadb resolves these
   * with alternatives, TyperAlts): the alternatives that fit the arguments known so far are
   * kept. One fits: it is used. Several fit because an argument is still unknown: the call
   * accepts what any of them accepts and returns what any returns. None fits as a whole: union
   * arguments are split (`intBool(if (c) 1 else true)` is `Int | Boolean`).
   */
  private overload(l: Type & { t: "inter" }, r: Type, again = false): void {
    const alts = l.types.map((alt) => (alt.span || !l.span ? alt : { ...alt, span: l.span }));
    if (r.t !== "fn") {
      for (const alt of alts) if (this.trial(() => this.go(alt, r)).length === 0) return;
      return this.notSubtype(l, r);
    }
    const cost = (fs: Failure[]) => (fs.some((f) => f.kind === "arity") ? 1000 : 0) + fs.length;
    const closest = (results: Failure[][]) =>
      void this.failures.push(...results.reduce((a, b) => (cost(b) < cost(a) ? b : a)));
    const members = r.params.map((p) => this.concreteLowers(p));
    const pending: Type = { t: "ovl", alts, use: r };
    const later = () => {
      if (again) return;
      for (const p of r.params) if (p.t === "var") this.go(p, pending);
    };
    if (members.some((m) => m.length === 0)) {
      // An argument is not known yet: use the alternative if only one can fit, else decide
      // when a type flows into the unknown argument.
      const results = alts.map((alt) => this.probe(() => this.go(alt, r)));
      const fits = alts.filter((_, i) => results[i]!.length === 0);
      if (fits.length === 0) return closest(results);
      // Re-resolving while an argument is still unknown: wait for it rather than fix a choice.
      if (again) return;
      if (fits.length === 1) return this.go(fits[0]!, r);
      if (!again && r.ret.t === "var") pendingResults.set(r.ret.v, pending as Type & { t: "ovl" });
      return later();
    }
    // Every combination of the arguments' known types must fit an alternative; the results
    // are the union of theirs (`intBool(if (c) 1 else true)` is `Int | Boolean`).
    // Arguments that are the same value take the same member (`x => f(x, x)`): their known
    // types are the very same objects.
    const same = (a: Type[], b: Type[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    const prefix = (a: Type[], b: Type[]) => a.length < b.length && a.every((x, i) => x === b[i]);
    // One argument has seen a type the other (the same value) has yet to: wait for it.
    if (members.some((a) => members.some((b) => prefix(a, b)))) return later();
    const roots = members.map((m) => members.find((n) => same(n, m))!);
    const slots = roots.map((k, i) => roots.indexOf(k) === i);
    let choices: Type[][] = [[]];
    for (const [i, m] of members.entries()) {
      if (!slots[i]) continue;
      choices = choices.flatMap((c) => m.map((x) => [...c, x]));
      if (choices.length > 64) break;
    }
    if (choices.length > 64) {
      const results = alts.map((alt) => this.trial(() => this.go(alt, r)));
      if (results.some((f) => f.length === 0)) return;
      return closest(results);
    }
    const distinct = roots.filter((_, j) => slots[j]);
    const combos = choices.map((c) => roots.map((k) => c[distinct.indexOf(k)]!));
    const chosen: [Type, Type[]][] = [];
    for (const combo of combos) {
      const use: Type = { t: "fn", params: combo, variadic: null, ret: ANY, span: r.span };
      const results = alts.map((alt) => this.probe(() => this.go(alt, use)));
      const i = results.findIndex((f) => f.length === 0);
      if (i < 0) return closest(results);
      chosen.push([alts[i]!, combo]);
    }
    for (const [alt, combo] of chosen)
      this.go(alt, { t: "fn", params: combo, variadic: null, ret: r.ret, span: r.span });
    later();
  }

  /** Runs `f` and undoes its effects; returns its failures. */
  private probe(f: () => void): Failure[] {
    const mark = this.trail.length;
    const before = this.failures;
    this.failures = [];
    f();
    const got = this.failures;
    this.failures = before;
    this.undo(mark);
    return got;
  }

  /** The non-variable types that flow into `t` (through variables and unions). */
  private concreteLowers(t: Type, seen = new Set<Type>()): Type[] {
    if (seen.has(t)) return [];
    seen.add(t);
    if (t.t === "var") return t.v.lower.flatMap((b) => this.concreteLowers(b, seen));
    if (t.t === "union") return t.types.flatMap((m) => this.concreteLowers(m, seen));
    return [t];
  }

  /** A value where one of several types is expected. */
  private toUnion(l: Type, r: Type & { t: "union" }): void {
    if (this.isNullish(l) && r.types.some((m) => m.t === "named" && m.name === "Null")) return;
    for (const m of r.types) if (this.trial(() => this.go(l, m)).length === 0) return;
    // A literal against a union of literals (an enum): each literal member is a cause
    // (faunadb reports the NotSameSingleton failures under the "not a subtype" error).
    if (l.t === "lit" && r.types.some((m) => m.t === "lit")) {
      const sp = this.spanOf(l);
      const lits = r.types.filter((m) => m.t === "lit");
      const others = r.types.filter((m) => m.t !== "lit");
      const causes: Failure[] = lits.map((m) => ({ kind: "notValue", value: l, use: m, span: sp }));
      if (others.length)
        causes.push({ kind: "notSubtype", value: { ...litBase(l.lit), span: sp }, use: union(...others), span: sp });
      return this.fail({ kind: "notSubtype", value: l, use: r, span: sp, causes });
    }
    // A record or tuple against a union: report against the member of the same kind.
    const sameKind = r.types.filter((m) => m.t === l.t);
    if (sameKind.length === 1) return this.go(l, sameKind[0]!);
    // A literal against a union of non-literals is reported as its primary type.
    if (l.t === "lit" && !r.types.some((m) => m.t === "lit"))
      return this.notSubtype({ ...litBase(l.lit), span: this.spanOf(l) }, r);
    this.notSubtype(l, r);
  }

  private fromNamed(l: Type & { t: "named" }, r: Type): void {
    const sp = this.spanOf(l);
    if (l.name === "Ref" || l.name === "NamedRef") {
      const d = l.args[0] ?? ANY;
      if (r.t === "named" && r.name === l.name) return this.go(d, r.args[0] ?? ANY);
      const nullDoc = d.t === "named" ? named(`Null${d.name}`) : NULL;
      return this.go(union({ ...d, span: sp }, { ...nullDoc, span: sp }), r);
    }
    if (l.name === "EmptyRef" || l.name === "EmptyNamedRef") {
      const d = l.args[0] ?? ANY;
      // Projecting an empty ref is Null, but the projection is still checked against the
      // document (faunadb special-cases it rather than let Null allow anything).
      if (r.t === "proj") {
        const alias = d.t === "named" ? this.shapeField(d, "alias") : undefined;
        const doc = alias?.t === "rec" ? { ...alias, span: sp } : d;
        this.go(r.fn, { t: "fn", params: [doc], variadic: null, ret: this.fresh() });
        return this.go(NULL, r.ret);
      }
      return this.go({ ...(d.t === "named" ? named(`Null${d.name}`) : NULL), span: sp }, r);
    }
    const shape = this.shapes(l.name);
    switch (r.t) {
      case "named": {
        if (r.name === l.name) {
          l.args.forEach((a, i) => this.go(a, r.args[i] ?? ANY));
          return;
        }
        if (r.name === "Number" && ["Int", "Long", "Double", "Float"].includes(l.name)) return;
        if (r.name === "Time" && l.name === "TransactionTime") return;
        if (r.name === "Ref" || r.name === "NamedRef") {
          const target = r.args[0] ?? ANY;
          if (shape?.doc !== undefined) return this.go(l, target);
          if (shape?.nullDoc !== undefined && target.t === "named" && `Null${target.name}` === l.name) return;
          if (shape?.nullDoc !== undefined && target.t !== "named") return;
        }
        if ((r.name === "EmptyRef" || r.name === "EmptyNamedRef") && shape?.nullDoc !== undefined) return;
        // `Null` is an empty reference (EmptyRef's alias is Null).
        if (l.name === "Null" && ["Ref", "NamedRef", "EmptyRef", "EmptyNamedRef"].includes(r.name)) return;
        if (r.name === "Null" && shape?.nullDoc !== undefined) return;
        // A document where a plain named type is expected is refused as its record (faunadb
        // resolves the alias first: FQL2ComputedFieldsSpec "checks computed field signatures").
        const alias = shape?.doc !== undefined && !this.shapes(r.name)?.alias ? this.shapeField(l, "alias") : undefined;
        if (alias?.t === "rec") return this.notSubtype({ ...alias, span: sp }, r);
        return this.notSubtype(l, r);
      }
      case "rec": {
        if (r.open) {
          for (const [name, want] of r.fields) {
            const got = this.shapeField(l, "field", name);
            const alias = got ? undefined : this.shapeField(l, "alias");
            if (got) this.go(got, want);
            else if (alias?.t === "rec" && (alias.fields.has(name) || alias.wild))
              this.go({ ...alias, span: sp }, { ...r, fields: new Map([[name, want]]) });
            else {
              // A null document shows as `Null` (its alias), with the hint to use `!` or `?.`.
              const value = shape?.nullDoc !== undefined ? { ...NULL, span: sp } : l;
              this.fail({ kind: "missingField", value, field: name, span: r.span ?? sp, dotSpan: dotSpans.get(r) });
            }
          }
          return;
        }
        const alias = this.shapeField(l, "alias");
        if (alias && alias.t === "rec") return this.go({ ...alias, span: sp }, r);
        return this.notSubtype(l, r);
      }
      case "fn": {
        const apply = this.shapeField(l, "apply");
        if (apply) return this.go({ ...apply, span: apply.span ?? sp }, r);
        return this.fail({ kind: "notFunction", value: l, span: sp, argsSpan: r.span });
      }
      case "access": {
        const access = this.shapeField(l, "access");
        if (access) return this.go(access, { t: "fn", params: r.args, variadic: null, ret: r.ret, span: r.span });
        const alias = this.shapeField(l, "alias");
        if (alias && alias.t === "rec") return this.go({ ...alias, span: sp }, r);
        return this.fail({ kind: "cannotAccess", value: l, span: sp });
      }
      case "proj": {
        if (l.name === "Null" || shape?.nullDoc !== undefined) return this.go(NULL, r.ret);
        if (["Array", "Set", "Page", "EventSource"].includes(l.name)) {
          const e = this.fresh();
          this.go(r.fn, { t: "fn", params: [l.args[0] ?? ANY], variadic: null, ret: e });
          return this.go(named(l.name, e), r.ret);
        }
        // Any other named type is projected field by field, scalars too: `1 { foo }` is refused
        // as `Int` lacking `foo` (faunadb has no CannotProject for named types).
        return this.go(r.fn, { t: "fn", params: [{ ...l, span: sp }], variadic: null, ret: r.ret });
      }
      default: {
        return this.notSubtype(l, r);
      }
    }
  }

  private fromLit(l: Type & { t: "lit" }, r: Type): void {
    // Indexing a string literal takes any number (`'a'['b']`: String is not a subtype of Number).
    if (r.t === "access" && l.lit.kind === "str" && r.args[0]) {
      this.go(r.args[0], NUMBER);
      return this.go(STRING, r.ret);
    }
    if (r.t === "lit") {
      if (sameLit(l.lit, r.lit)) return;
      return this.fail({ kind: "notValue", value: l, use: r, span: this.spanOf(l) });
    }
    if (r.t === "named") {
      if (litIsValueOf(l.lit, r.name)) return;
      return this.notSubtype({ ...litBase(l.lit), span: this.spanOf(l) }, r);
    }
    return this.go({ ...litBase(l.lit), span: this.spanOf(l) }, r);
  }

  private fromRec(l: Type & { t: "rec" }, r: Type): void {
    const sp = this.spanOf(l);
    if (r.t === "rec") {
      // A record with a wildcard can hold any field: it never fits a closed record (faunadb ExtraWildcard).
      if (l.wild && !r.wild && !r.open) return this.fail({ kind: "extraWildcard", value: l, span: sp });
      for (const [name, want] of r.fields) {
        const got = l.fields.get(name);
        if (got) this.go(got, want);
        else if (l.wild) this.go(l.wild.t === "any" ? l.wild : union(l.wild, NULL), want);
        else if (r.open)
          this.fail({ kind: "missingField", value: l, field: name, span: r.span ?? sp, dotSpan: dotSpans.get(r) });
        else if (!allowMissingField(want)) this.fail({ kind: "missingField", value: l, field: name, span: sp });
      }
      if (r.open) return;
      for (const [name, got] of l.fields) {
        if (r.fields.has(name)) continue;
        if (r.wild) this.go(got, r.wild);
        else this.fail({ kind: "extraField", value: l, field: name, span: sp });
      }
      if (l.wild) {
        if (r.wild) this.go(l.wild, r.wild);
        else this.fail({ kind: "extraWildcard", value: l, span: sp });
      }
      return;
    }
    if (r.t === "access") {
      const key = r.args[0];
      if (key && key.t === "lit" && key.lit.kind === "str") {
        const got = l.fields.get(key.lit.value);
        if (got) return this.go(got, r.ret);
        if (l.wild) return this.go(l.wild.t === "any" ? l.wild : union(l.wild, NULL), r.ret);
        // A literal key is a field selection (faunadb delegates it to Interface): a missing one is refused.
        return this.fail({
          kind: "missingField",
          value: l,
          field: key.lit.value,
          span: key.span ?? sp,
          dotSpan: r.span,
        });
      }
      if (key) this.go(key, STRING);
      for (const f of l.fields.values()) this.go(f, r.ret);
      if (l.wild) this.go(l.wild, r.ret);
      if (!(l.wild && l.wild.t === "any")) this.go(NULL, r.ret);
      return;
    }
    if (r.t === "proj") return this.go(r.fn, { t: "fn", params: [l], variadic: null, ret: r.ret });
    if (r.t === "fn") return this.fail({ kind: "notFunction", value: l, span: sp, argsSpan: r.span });
    this.notSubtype(l, r);
  }

  private fromTup(l: Type & { t: "tup" }, r: Type): void {
    const sp = this.spanOf(l);
    if (r.t === "tup") {
      if (l.elems.length !== r.elems.length)
        return this.fail({ kind: "tupleArity", expected: r.elems.length, provided: l.elems.length, span: sp });
      l.elems.forEach((e, i) => this.go(e, r.elems[i]!));
      return;
    }
    if (r.t === "named" && r.name === "Array") {
      for (const e of l.elems) this.go(e, r.args[0] ?? ANY);
      return;
    }
    if (r.t === "access") {
      const key = r.args[0];
      if (key && key.t === "lit" && key.lit.kind === "int") {
        const i = Number(key.lit.value);
        // faunadb rejects negative literal indexes outright; past the end only types as Never.
        if (i < 0) return this.fail({ kind: "tupleIndex", arity: l.elems.length, index: i, span: key.span ?? sp });
        return this.go(l.elems[i] ?? NEVER, r.ret);
      }
      if (key) this.go(key, NUMBER);
      for (const e of l.elems) this.go(e, r.ret);
      return;
    }
    // Anything else sees the tuple as an array whose element type may still widen.
    const elem = this.fresh(sp);
    for (const e of l.elems) this.go(e, elem);
    this.go({ ...named("Array", elem), span: sp }, r);
  }

  private fromFn(l: Type & { t: "fn" }, r: Type): void {
    const sp = this.spanOf(l);
    if (r.t === "fn") {
      const args = r.params;
      const want = l.params.length;
      if (!l.variadic && args.length > want && !r.variadic)
        return this.fail({ kind: "arity", expected: want, provided: args.length, span: r.span ?? sp });
      if (args.length < want && !r.variadic)
        return this.fail({ kind: "arity", expected: want, provided: args.length, span: r.span ?? sp });
      args.forEach((a, i) => {
        const p = i < want ? l.params[i]! : l.variadic;
        if (p) this.go(a, p);
      });
      if (r.variadic) {
        for (let i = args.length; i < want; i++) this.go(r.variadic, l.params[i]!);
        if (l.variadic) this.go(r.variadic, l.variadic);
      }
      return this.go(l.ret, r.ret);
    }
    if (r.t === "rec" && r.open) {
      const [name] = r.fields.keys();
      return this.fail({ kind: "missingField", value: l, field: name!, span: r.span ?? sp, dotSpan: dotSpans.get(r) });
    }
    if (r.t === "access") return this.fail({ kind: "cannotAccess", value: l, span: sp });
    if (r.t === "proj") return this.fail({ kind: "cannotProject", value: l, span: sp });
    this.notSubtype(l, r);
  }

  /** Copies a type so that its variables above `level` are reachable from `level` (Simple-sub). */
  private extrude(t: Type, pol: boolean, level: number, cache: Map<Type, Type>): Type {
    if (levelOf(t) <= level) return t;
    const ex = (u: Type, p = pol) => this.extrude(u, p, level, cache);
    switch (t.t) {
      case "var": {
        const hit = cache.get(t);
        if (hit) return hit;
        const nv = freshVar(level, t.span);
        cache.set(t, nv);
        const v = (nv as Type & { t: "var" }).v;
        if (t.v.poisoned) v.poisoned = true;
        if (pol) {
          this.push(t.v.upper, nv);
          v.lower = t.v.lower.map((b) => ex(b));
        } else {
          this.push(t.v.lower, nv);
          v.upper = t.v.upper.map((b) => ex(b));
        }
        return nv;
      }
      case "access":
        return { ...t, args: t.args.map((a) => ex(a, !pol)), ret: ex(t.ret) };
      case "proj":
        return { ...t, fn: ex(t.fn, !pol), ret: ex(t.ret) };
      case "ovl":
        return { ...t, use: ex(t.use) };
      default:
        return mapChildren(t, (child, flipped) => ex(child, flipped ? !pol : pol));
    }
  }

  /** Instantiates a generalized type: variables above `above` become fresh at the current level. */
  instantiate(t: Type, above: number, stripSpans = false): Type {
    const cache = new Map<Type, Type>();
    const go = (t0: Type): Type => {
      // Types from another source (a UDF body) must not point into this one.
      const t = stripSpans && t0.span ? (({ span: _s, ...rest }) => rest as Type)(t0) : t0;
      if (!stripSpans && levelOf(t) <= above) return t;
      switch (t.t) {
        case "var": {
          const hit = cache.get(t0);
          if (hit) return hit;
          const nv = freshVar(this.level, stripSpans ? undefined : t.span);
          cache.set(t0, nv);
          const v = (nv as Type & { t: "var" }).v;
          if (t.v.poisoned) v.poisoned = true;
          if (t.v.level <= above) {
            v.lower = [t];
            return nv;
          }
          v.lower = t.v.lower.map(go);
          v.upper = t.v.upper.map(go);
          return nv;
        }
        case "access":
          return { ...t, args: t.args.map(go), ret: go(t.ret) };
        case "proj":
          return { ...t, fn: go(t.fn), ret: go(t.ret) };
        case "ovl":
          return { ...t, use: go(t.use) };
        default:
          return mapChildren(t, (child) => go(child));
      }
    };
    return go(t);
  }
}

/** A field may be left out where its type includes `Null` (faunadb TyperUtil.allowMissingField). */
const allowMissingField = (t: Type): boolean =>
  (t.t === "named" && t.name === "Null") || (t.t === "union" && t.types.some(allowMissingField));

/** Result variables of overloaded calls still waiting for their arguments' types (for display). */
export const pendingResults = new WeakMap<TVar, Type & { t: "ovl" }>();

/** The span of the `.` before a selected field, for the "use ! or ?." hint. */
export const dotSpans = new WeakMap<Type, Span>();
