// Types FQL expressions (faunadb TyperExprs): every form of fql/ast.ts produces a type and
// constraints; failed constraints become diagnostics worded as Fauna words them.
import { THIS, type Expr, type Lambda, type Span, type Stmt } from "../ast.js";
import type { Value } from "../../core/index.js";
import { showType } from "./display.js";
import type { Env } from "./env.js";
import { resolveAnnotation, variadicElem, type Diag } from "./resolve.js";
import { Solver, dotSpans, type Failure } from "./solver.js";
import { parseTypeExpr, TypeExprError } from "./type-expr.js";
import {
  ANY,
  BOOLEAN,
  NULL,
  STRING,
  TIME,
  DATE,
  freshVar,
  named,
  substitute,
  union,
  hasParams,
  lit,
  type Type,
} from "./types.js";

export interface Diagnostic extends Diag {
  hints?: Diag[];
  /** The failures behind a "not a subtype" error (Fauna prints them as `cause:`). */
  causes?: Diagnostic[];
}

interface Binding {
  type: Type;
  /** Generalized: variables above this level are instantiated afresh at each use. */
  above: number | null;
}
type Scope = Map<string, Binding>;

/** Typing took longer than Fauna allows (faunadb FQLInterpreter.TypingTimeout, 5 s). */
export class TypingTimeout extends Error {}
const TYPING_TIMEOUT_MS = 5000;

export class Typer {
  readonly solver: Solver;
  readonly diags: Diagnostic[] = [];
  private readonly deadline = Date.now() + TYPING_TIMEOUT_MS;
  private steps = 0;

  constructor(
    readonly env: Env,
    private readonly args: Record<string, Value> = {},
  ) {
    this.solver = new Solver((n) => env.shapes.get(n));
  }

  // ---- constraints and their diagnostics ----

  /** `value` must flow into `use`; failures are reported (at `span` when they span several). */
  constrain(value: Type, use: Type, span: Span, site?: Span): boolean {
    const fails = this.solver.constrain(value, use, span, site);
    if (fails.length === 0) return true;
    this.diags.push(this.toDiagnostic(value, use, span, fails));
    return false;
  }

  toDiagnostic(value: Type, use: Type, span: Span, all: Failure[]): Diagnostic {
    // The same failure reached along several paths is reported once (faunadb groups them).
    const seen = new Set<string>();
    const fails = all.filter((f) => {
      const d = failureDiagnostic(f);
      const key = `${d.message}@${d.span.start}-${d.span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fails.length === 1) return failureDiagnostic(fails[0]!, true);
    return {
      message: `Type \`${showType(value)}\` is not a subtype of \`${showType(use, false)}\``,
      span,
      // Specific failures come before the plain "not a subtype" ones, as Fauna lists them.
      causes: [...fails.filter((f) => f.kind !== "notSubtype"), ...fails.filter((f) => f.kind === "notSubtype")].map(
        (f) => failureDiagnostic(f),
      ),
    };
  }

  // ---- type annotations ----

  /** `skolemLevel`: a let annotation's, for its generics (see the `param` type). */
  annotation(text: string, offset: number, skolemLevel?: number): Type {
    try {
      return this.resolve(parseTypeExpr(text, offset), skolemLevel);
    } catch (e) {
      if (e instanceof TypeExprError) {
        this.diags.push({ message: e.message, span: e.span });
        return ANY;
      }
      throw e;
    }
  }

  resolve(te: ReturnType<typeof parseTypeExpr>, skolemLevel?: number): Type {
    return resolveAnnotation(te, {
      isType: (n) => this.env.shapes.has(n) || this.env.typeNames.has(n),
      isDoc: (n) => this.env.shapes.get(n)?.doc !== undefined,
      diags: this.diags,
      ...(skolemLevel !== undefined ? { skolemLevel } : {}),
    });
  }

  // ---- expressions ----

  private fresh(span?: Span): Type {
    return freshVar(this.solver.level, span);
  }

  /** Instantiates a stdlib/global type: its type parameters become fresh variables. */
  private inst(t: Type, span?: Span): Type {
    const r = hasParams(t) ? substitute(t, new Map(), () => this.fresh()) : t;
    return span && !r.span ? { ...r, span } : r;
  }

  expr(e: Expr, scope: Scope, expected?: Type): Type {
    if (++this.steps % 256 === 0 && Date.now() > this.deadline) throw new TypingTimeout();
    switch (e.type) {
      case "Null":
        return { ...NULL, span: e.span };
      case "Bool":
        return lit({ kind: "bool", value: e.value }, e.span);
      case "Str":
        return lit({ kind: "str", value: e.value }, e.span);
      case "Num":
        return numLit(e.raw, e.span);
      case "Template":
        for (const p of e.parts) if (typeof p !== "string") this.expr(p, scope);
        return { ...STRING, span: e.span };
      case "Ident":
        return this.ident(e.name, e.span, scope);
      case "Array":
        return { t: "tup", elems: e.items.map((i) => this.expr(i, scope)), span: e.span };
      case "Object":
        return {
          t: "rec",
          fields: new Map(e.fields.map((f) => [f.key, this.expr(f.value, scope)])),
          wild: null,
          span: e.span,
        };
      case "Block":
        return this.block(e.stmts, scope);
      case "If": {
        const c = this.expr(e.cond, scope);
        this.constrain(c, { ...BOOLEAN, span: e.cond.span }, e.cond.span);
        const then = this.expr(e.then, scope);
        if (!e.else) return { ...NULL, span: e.span };
        const els = this.expr(e.else, scope);
        const res = this.fresh(e.span);
        this.constrain(then, res, e.span);
        this.constrain(els, res, e.span);
        return res;
      }
      case "Lambda":
        return this.lambda(e, scope, expected);
      case "Unary": {
        const op = this.env.ops.get(e.op === "!" ? "unary !" : "unary -")!;
        return this.apply(this.inst(op), [[this.expr(e.operand, scope), e.operand.span]], e.span, e.span);
      }
      case "Binary":
        return this.binary(e, scope);
      case "Field":
      case "Index":
      case "Call":
      case "NonNull": {
        const r = this.chain(e, scope);
        if (!r.nullable) return r.type;
        const res = this.fresh(e.span);
        this.constrain(r.type, res, e.span);
        this.constrain(NULL, res, e.span);
        return res;
      }
      case "Project": {
        const target = this.expr(e.target, scope);
        const fn = this.lambda(
          {
            type: "Lambda",
            params: [THIS],
            variadic: null,
            body: { type: "Object", fields: e.fields, span: e.span },
            span: e.span,
          },
          scope,
        );
        const res = this.fresh(e.span);
        this.constrain(target, { t: "proj", fn, ret: res, span: e.span }, e.span);
        return res;
      }
    }
  }

  private ident(name: string, span: Span, scope: Scope): Type {
    const b = scope.get(name);
    if (b) {
      // Generalized bindings get fresh variables; annotated generics fresh parameters.
      const t =
        b.above === null ? (hasParams(b.type) ? this.inst(b.type) : b.type) : this.solver.instantiate(b.type, b.above);
      return t.t === "var" ? t : { ...t, span };
    }
    // Query arguments (and template values `$0`…) are bound like variables around the query.
    if (Object.hasOwn(this.args, name)) return { ...valueType(this.args[name]!, this.env), span };
    const g = this.env.globals.get(name);
    if (g) return this.env.generalized.has(name) ? this.solver.instantiate(g, 0, true) : this.inst(g, span);
    this.diags.push({ message: `Unbound variable \`${name}\``, span });
    return ANY;
  }

  private block(stmts: Stmt[], outer: Scope): Type {
    const scope = new Map(outer);
    let last: Type = ANY;
    for (const s of stmts) {
      if (s.type === "ExprStmt") {
        last = this.expr(s.expr, scope);
        continue;
      }
      this.solver.level++;
      let rhs: Type;
      try {
        rhs = this.expr(s.value, scope);
      } finally {
        this.solver.level--;
      }
      if (s.typeAnnotation !== null) {
        const offset = s.typeSpan?.start ?? s.span.start;
        // As in the core, the value is checked at its own level, where the annotation's generics live.
        const annot = this.annotation(s.typeAnnotation, offset, this.solver.level + 1);
        if (hasParams(annot)) this.solver.skolems = true;
        this.solver.level++;
        try {
          this.constrain(rhs, annot, s.value.span, s.nameSpan);
        } finally {
          this.solver.level--;
        }
        scope.set(s.name, { type: annot, above: null });
      } else {
        scope.set(s.name, { type: rhs, above: this.solver.level });
      }
      last = { ...NULL, span: s.span };
    }
    return last;
  }

  lambda(e: Lambda, scope: Scope, expected?: Type): Type {
    const inner = new Map(scope);
    const exp = expected && expectedFn(expected);
    const params = e.params.map((p, i) => {
      const annot = e.paramTypes?.[i];
      const t = annot ? this.annotation(annot.text, annot.span.start) : this.fresh();
      // Checking a lambda against a known signature: its parameters see the argument types first.
      const want = exp?.params[i];
      if (want && !annot) this.solver.constrain(want, t, e.span);
      inner.set(p, { type: t, above: null });
      return t;
    });
    let variadic: Type | null = null;
    if (e.variadic !== null) {
      const annot = e.variadicType;
      variadic = annot ? variadicElem(this.annotation(annot.text, annot.span.start)) : this.fresh();
      inner.set(e.variadic, { type: named("Array", variadic), above: null });
    }
    const ret = this.expr(e.body, inner);
    return { t: "fn", params, variadic, ret, span: e.span };
  }

  private binary(e: Expr & { type: "Binary" }, scope: Scope): Type {
    const l = this.expr(e.left, scope);
    const r = this.expr(e.right, scope);
    switch (e.op) {
      case "??": {
        const res = this.fresh(e.span);
        this.constrain({ t: "diff", base: l }, res, e.left.span);
        this.constrain(r, res, e.right.span);
        return res;
      }
      case "&&":
      case "||":
        this.constrain(l, BOOLEAN, e.left.span);
        this.constrain(r, BOOLEAN, e.right.span);
        return { ...BOOLEAN, span: e.span };
      case "isa":
        return { ...BOOLEAN, span: e.span };
      default: {
        const op = this.env.ops.get(e.op)!;
        return this.apply(
          this.inst(op),
          [
            [l, e.left.span],
            [r, e.right.span],
          ],
          e.span,
          e.span,
        );
      }
    }
  }

  /** Calls `fn` with typed arguments (faunadb typeApply): arguments first, then the call. */
  private apply(fn: Type, args: [Type, Span][], argsSpan: Span, appSpan: Span): Type {
    const params = args.map(([a, sp]) => {
      const p = this.fresh(sp);
      this.constrain(a, p, sp);
      return p;
    });
    const res = this.fresh(appSpan);
    const use: Type = { t: "fn", params, variadic: null, ret: res, span: argsSpan };
    const fails = this.solver.constrain(fn, use, appSpan);
    if (fails.length === 0) return res;
    // Several failures inside one argument: report them against that argument (faunadb does
    // the argument's constraint separately).
    const inside = (s: Span, o: Span) => s.start >= o.start && s.end <= o.end;
    const i = args.findIndex(([, sp]) => fails.every((f) => inside(f.span, sp)));
    const want = expectedFn(fn)?.params[i];
    if (i >= 0 && want) this.diags.push(this.toDiagnostic(args[i]![0], want, args[i]![1], fails));
    else this.diags.push(this.toDiagnostic(fn, use, appSpan, fails));
    return res;
  }

  /** Member chains `a.b?.c(x)[i]!`: the type and whether a `?.` may have short-circuited. */
  private chain(e: Expr, scope: Scope): { type: Type; nullable: boolean } {
    const sub = (t: Expr) =>
      (t.type === "Field" || t.type === "Index" || t.type === "Call" || t.type === "NonNull") && !t.parenthesized
        ? this.chain(t, scope)
        : { type: this.expr(t, scope), nullable: false };
    switch (e.type) {
      case "Field": {
        const target = sub(e.target);
        const recv: Type = e.optional ? { t: "diff", base: target.type } : target.type;
        const targetSpan = { start: e.target.span.start, end: Math.max(e.target.span.end, e.targetEnd ?? 0) };
        return { type: this.select(recv, e.name, targetSpan, e.span), nullable: target.nullable || e.optional };
      }
      case "NonNull": {
        const target = sub(e.target);
        return { type: { t: "diff", base: target.type, span: e.span }, nullable: false };
      }
      case "Index": {
        const target = sub(e.target);
        const recv: Type = e.optional ? { t: "diff", base: target.type } : target.type;
        const key = e.index.type === "Str" || e.index.type === "Num" ? this.expr(e.index, scope) : null;
        const argsSpan = { start: e.target.span.end, end: e.span.end };
        const res = this.fresh(argsSpan);
        if (key) {
          this.constrain(
            recv,
            { t: "access", args: [key], ret: res, span: argsSpan },
            { start: e.span.start, end: e.span.end },
          );
        } else {
          const idx = this.expr(e.index, scope);
          const p = this.fresh(e.index.span);
          this.constrain(idx, p, e.index.span);
          this.constrain(recv, { t: "access", args: [p], ret: res, span: argsSpan }, e.span);
        }
        return { type: res, nullable: target.nullable || e.optional };
      }
      case "Call": {
        const callee = sub(e.callee);
        const fnType: Type = e.optional ? { t: "diff", base: callee.type } : callee.type;
        const exp = expectedFn(fnType);
        const args = e.args.map((a, i): [Type, Span] => {
          const want = exp?.params[i] ?? exp?.variadic ?? undefined;
          const t = this.expr(a, scope, want);
          // Known arguments inform the generics later lambda arguments see (`fold(1, (acc, x) => …)`);
          // a mismatch is undone here and reported by the call itself.
          if (want && a.type !== "Lambda")
            this.solver.trial(() => void this.solver.constrain(t, want, a.span).forEach((f) => this.solver.reject(f)));
          return [t, a.span];
        });
        const argsSpan = { start: e.callee.span.end, end: e.span.end };
        return { type: this.apply(fnType, args, argsSpan, e.span), nullable: callee.nullable || e.optional };
      }
      default:
        return { type: this.expr(e, scope), nullable: false };
    }
  }

  private select(recv: Type, name: string, targetSpan: Span, fieldExprSpan: Span): Type {
    const fieldSpan = { start: Math.max(fieldExprSpan.start, fieldExprSpan.end - name.length), end: fieldExprSpan.end };
    const res = this.fresh(fieldSpan);
    const use: Type = { t: "rec", fields: new Map([[name, res]]), wild: null, open: true, span: fieldSpan };
    dotSpans.set(use, { start: targetSpan.end, end: fieldSpan.start });
    // A field that cannot be read has no type: Fauna shows it as `_` (TyperCoreSpec "use _ for untypeable things").
    if (!this.constrain(recv, use, { start: fieldExprSpan.start, end: targetSpan.end }) && res.t === "var")
      res.v.poisoned = true;
    return res;
  }
}

/** The function type a callee is known to have, to check lambda arguments against it. */
function expectedFn(t: Type): (Type & { t: "fn" }) | undefined {
  if (t.t === "fn") return t;
  if (t.t === "named" && t.name === "UserFunction" && t.args[0]) return expectedFn(t.args[0]);
  if (t.t === "diff") return expectedFn(t.base);
  if (t.t === "var") {
    const fns = t.v.lower.map(expectedFn).filter((x) => x !== undefined);
    if (fns.length === 1) return fns[0];
    if (fns.length === 0 && t.v.lower.length === 1 && t.v.lower[0]!.t === "inter") return undefined;
  }
  return undefined;
}

function numLit(raw: string, span: Span): Type {
  const neg = raw.startsWith("-");
  const body = neg ? raw.slice(1) : raw;
  if (/^(0[xXbBoO][0-9a-fA-F]+|\d+)$/.test(body)) {
    const v = BigInt(body);
    return lit({ kind: "int", value: neg ? -v : v }, span);
  }
  return lit({ kind: "float", value: Number(raw) }, span);
}

/** The static type of a query argument (faunadb ValueStaticType): literals, tuples, records, documents. */
export function valueType(v: Value, env: Env): Type {
  if (v === null) return NULL;
  if (typeof v === "boolean") return BOOLEAN;
  if (typeof v === "string") return lit({ kind: "str", value: v });
  if (Array.isArray(v)) return { t: "tup", elems: v.map((x) => valueType(x, env)) };
  if (v instanceof Map)
    return { t: "rec", fields: new Map([...v].map(([k, x]) => [k, valueType(x, env)])), wild: null };
  switch (v.kind) {
    case "int":
      return lit({ kind: "int", value: BigInt(v.value) });
    case "long":
      return lit({ kind: "int", value: v.value });
    case "double":
      return Number.isFinite(v.value) ? lit({ kind: "float", value: v.value }) : named("Double");
    case "time":
      return TIME;
    case "date":
      return DATE;
    case "bytes":
      return named("Bytes");
    case "doc":
    case "named": {
      // A document of a collection that no longer exists is a null document.
      const docName = v.kind === "named" ? `${v.coll}Def` : v.coll;
      return env.shapes.get(docName)?.doc !== undefined ? named(docName) : NULL;
    }
    default:
      return ANY;
  }
}

export function failureDiagnostic(f: Failure, top = false): Diagnostic {
  const show = (t: Type) => showType(t);
  switch (f.kind) {
    case "missingField": {
      const hints: Diag[] = [];
      const v = f.value;
      if (
        v.span &&
        f.dotSpan &&
        f.dotSpan.start !== v.span.end &&
        (v.span.start !== f.span.start || v.span.end !== f.span.end)
      )
        hints.push({ message: `Type \`${show(v)}\` inferred here`, span: v.span });
      if (v.t === "named" && v.name === "Null" && f.dotSpan)
        hints.push({
          message: "Use the ! or ?. operator to handle the null case",
          span: { start: f.dotSpan.start, end: f.dotSpan.start },
        });
      return {
        message: `Type \`${show(v)}\` does not have field \`${f.field}\``,
        span: f.span,
        ...(hints.length ? { hints } : {}),
      };
    }
    case "extraField":
      return { message: `Type \`${show(f.value)}\` contains extra field \`${f.field}\``, span: f.span };
    case "extraWildcard":
      return { message: `Type \`${show(f.value)}\` cannot have a wildcard`, span: f.span };
    case "notSubtype": {
      // Fauna's error for a value no member of an optional type takes lists `Null` first (it
      // groups the members' failures: FQL2DefinedFieldsSpec "update signature shows up",
      // SchemaCollectionSpec "typechecking runs on check constraints"); causes keep the order.
      const u = f.use;
      const others = u.t === "union" ? u.types.filter((m) => !(m.t === "named" && m.name === "Null")) : [];
      const use =
        top && !f.causes && u.t === "union" && others.length > 0 && others.length < u.types.length
          ? `Null | ${showType(union(...others), false)}`
          : showType(u, false);
      return {
        message: `Type \`${show(f.value)}\` is not a subtype of \`${use}\``,
        span: f.span,
        ...(f.causes ? { causes: f.causes.map((c) => failureDiagnostic(c)) } : {}),
      };
    }
    case "notValue":
      return { message: `\`${show(f.value)}\` is not the value \`${showType(f.use, false)}\``, span: f.span };
    case "notFunction": {
      const dv = show(f.value);
      return {
        message: `Type \`${dv}\` cannot be used as a function`,
        span: f.span,
        ...(f.argsSpan ? { hints: [{ message: `\`${dv}\` is used as a function here`, span: f.argsSpan }] } : {}),
      };
    }
    case "arity":
      return {
        message:
          f.provided > f.expected
            ? `Function was called with too many arguments. Expected ${f.expected}, received ${f.provided}`
            : `Function was not called with enough arguments. Expected ${f.expected}, received ${f.provided}`,
        span: f.span,
      };
    case "tupleArity":
      return {
        message:
          f.provided > f.expected
            ? `Tuple contains too many elements. Expected ${f.expected}, received ${f.provided}`
            : `Tuple does not contain enough elements. Expected ${f.expected}, received ${f.provided}`,
        span: f.span,
      };
    case "tupleIndex":
      return { message: `Index ${f.index} out of bounds for length ${f.arity}`, span: f.span };
    case "cannotAccess":
      return { message: `Cannot use \`[]\` operator with type \`${show(f.value)}\``, span: f.span };
    case "cannotProject":
      return { message: `Cannot use projection with type \`${show(f.value)}\``, span: f.span };
    case "skolem": {
      const hints: Diag[] = [];
      if (f.use.span) hints.push({ message: "Generic type definition", span: f.use.span });
      if (f.value.span) hints.push({ message: "Outer value originates here", span: f.value.span });
      return {
        message: `Value cannot be constrained by inner generic type \`${showType(f.use, false)}\``,
        span: f.span,
        ...(hints.length ? { hints } : {}),
      };
    }
    case "generic":
      return {
        message: f.valueIsGeneric
          ? `Generic type \`${show(f.value)}\` cannot be used as type \`${showType(f.use, false)}\``
          : `Type \`${show(f.value)}\` cannot be used as generic type \`${showType(f.use, false)}\``,
        span: f.span,
      };
  }
}
