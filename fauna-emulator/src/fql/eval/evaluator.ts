// The tree-walking evaluator: expressions, scopes, function calls and optional chains.
// Method and field lookups are delegated to members.ts; globals to globals.ts; UDFs to the host.
import {
  QueryError,
  isDoc,
  isFunction,
  isSet,
  obj,
  typeName,
  type FunctionValue,
  type LambdaValue,
  type SourceSpan,
  type Value,
} from "../../core/index.js";
import { THIS, type Block, type Expr, type Span } from "../ast.js";
import { arityAccepts, arityError, binaryOp, negate } from "../stdlib/index.js";
import { MAX_FRAMES, type EvalContext } from "./context.js";
import { resolveGlobal } from "./globals.js";
import { callMethod, getField, getIndex, projectValue } from "./members.js";
import { isNullish, nonNull } from "./nullish.js";
import { Scope } from "./scope.js";

/** Marks an optional chain that short-circuited; turned into null at the chain's top. */
const SHORT = Symbol("short-circuit");
type Result = Value | typeof SHORT;

/**
 * Body of a lambda value: the AST, the name of the source it came from, and its own source
 * text (so a cursor can carry it and rebuild it in a later query).
 */
export interface LambdaBody {
  expr: Expr;
  source: string;
  /** The whole source text the lambda's spans index into (null when unknown). */
  fullText: string | null;
  span: Span;
}

/** The lambda's own source text, e.g. `x => x.price < max`. */
export const lambdaText = (b: LambdaBody): string | null =>
  b.fullText === null ? null : b.fullText.slice(b.span.start, b.span.end);

/** Evaluates a whole query / UDF body block; `text` is the source the block was parsed from. */
export function evalBlock(
  ctx: EvalContext,
  block: Block,
  scope: Scope,
  sourceName: string,
  text: string | null = null,
): Value {
  return inSource(ctx, { name: sourceName, text }, () => evaluate(ctx, block, scope));
}

/** Runs `fn` with `source` as the current source (error locations, lambdas' text). */
function inSource<T>(ctx: EvalContext, source: EvalContext["source"], fn: () => T): T {
  const saved = ctx.source;
  ctx.source = source;
  try {
    return fn();
  } finally {
    ctx.source = saved;
  }
}

export function evaluate(ctx: EvalContext, expr: Expr, scope: Scope): Value {
  const r = evalInner(ctx, expr, scope);
  return r === SHORT ? null : r;
}

/** Evaluates the target of a chain link: parentheses end an optional chain. */
function evalTarget(ctx: EvalContext, target: Expr, scope: Scope): Result {
  const r = evalInner(ctx, target, scope);
  return r === SHORT && "parenthesized" in target && target.parenthesized ? null : r;
}

function spanOf(ctx: EvalContext, s: Span): SourceSpan {
  return { start: s.start, end: s.end, source: ctx.source.name };
}

/** Attaches the innermost source location to errors that do not have one yet. */
function located<T>(ctx: EvalContext, span: Span, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof QueryError && !e.span) e.span = spanOf(ctx, span);
    throw e;
  }
}

/** Like `located`, and an error raised deeper inside the callee records this call site. */
function locatedCall<T>(ctx: EvalContext, span: Span, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof QueryError) {
      if (!e.span) e.span = spanOf(ctx, span);
      else e.callSites.push(spanOf(ctx, span));
    }
    throw e;
  }
}

function evalInner(ctx: EvalContext, e: Expr, scope: Scope): Result {
  ctx.tick();
  switch (e.type) {
    case "Null":
      return null;
    case "Bool":
      return e.value;
    case "Num":
      return located(ctx, e.span, () => parseNumber(e.raw));
    case "Str":
      return e.value;
    case "Template": {
      let out = "";
      for (const p of e.parts) out += typeof p === "string" ? p : ctx.display(evaluate(ctx, p, scope));
      return out;
    }
    case "Ident": {
      const v = scope.lookup(e.name);
      if (v !== undefined) return v;
      return located(ctx, e.span, () => resolveGlobal(ctx, e.name));
    }
    case "Array":
      return e.items.map((i) => evaluate(ctx, i, scope));
    case "Object": {
      const m = obj();
      for (const f of e.fields) m.set(f.key, evaluate(ctx, f.value, scope));
      return m;
    }
    case "Block": {
      // Every `let` opens a new scope: closures keep the binding they saw, shadowing never
      // rewrites it, and a binding is not visible inside its own definition.
      let inner = new Scope(scope);
      let last: Value = null;
      for (const s of e.stmts) {
        if (s.type === "Let") {
          const v = evaluate(ctx, s.value, inner);
          inner = new Scope(inner);
          inner.define(s.name, v);
        } else last = evaluate(ctx, s.expr, inner);
      }
      return last;
    }
    case "If": {
      const c = evaluate(ctx, e.cond, scope);
      if (typeof c !== "boolean") {
        throw new QueryError("type_mismatch", `expected type: Boolean, received ${typeName(c)}`, {
          span: spanOf(ctx, e.cond.span),
        });
      }
      if (c) return evaluate(ctx, e.then, scope);
      return e.else ? evaluate(ctx, e.else, scope) : null;
    }
    case "Lambda": {
      const body: LambdaBody = { expr: e.body, source: ctx.source.name, fullText: ctx.source.text, span: e.span };
      const fn: LambdaValue = { kind: "lambda", params: e.params, variadic: e.variadic, body, scope };
      return fn;
    }
    case "Unary": {
      const v = evaluate(ctx, e.operand, scope);
      if (e.op === "!") {
        if (typeof v !== "boolean")
          throw new QueryError("type_mismatch", `expected type: Boolean, received ${typeName(v)}`, {
            span: spanOf(ctx, e.span),
          });
        return !v;
      }
      return located(ctx, e.span, () => negate(v));
    }
    case "Binary":
      return evalBinary(ctx, e, scope);
    case "Field": {
      const t = evalTarget(ctx, e.target, scope);
      if (t === SHORT) return SHORT;
      if (e.optional && isNullish(ctx, t)) return SHORT;
      return located(ctx, e.span, () => getField(ctx, t, e.name));
    }
    case "Index": {
      const t = evalTarget(ctx, e.target, scope);
      if (t === SHORT) return SHORT;
      if (e.optional && isNullish(ctx, t)) return SHORT;
      const i = evaluate(ctx, e.index, scope);
      return located(ctx, e.span, () => getIndex(ctx, t, i));
    }
    case "Call":
      return evalCall(ctx, e, scope);
    case "NonNull": {
      // `!` ends an optional chain: a short-circuited chain is a null it must reject.
      const t = evalTarget(ctx, e.target, scope);
      // Fauna points at a call's arguments and the bang: `Product.byId("1")!` → `("1")!`.
      const at = e.target.type === "Call" ? { start: argsSpan(e.target).start, end: e.span.end } : e.span;
      return located(ctx, at, () => nonNull(ctx, t === SHORT ? null : t, nullReason(e.target, t)));
    }
    case "Project": {
      const t = evalInner(ctx, e.target, scope);
      if (t === SHORT) return SHORT;
      return located(ctx, e.span, () =>
        projectValue(ctx, t, (c, item) => {
          const inner = new Scope(scope);
          inner.define(THIS, item);
          const m = obj();
          for (const f of e.fields) m.set(f.key, evaluate(c, f.value, inner));
          return m;
        }),
      );
    }
  }
}

/** Why a value is null, for `!`'s message: a missing field, an empty set, or a literal null. */
function nullReason(target: Expr, v: Result): string {
  if (v !== null) return "Null literal value";
  if (target.type === "Field") return `Null value, due to missing field \`${target.name}\``;
  if (
    target.type === "Call" &&
    target.callee.type === "Field" &&
    ["first", "last", "firstWhere", "lastWhere"].includes(target.callee.name)
  ) {
    return "Null value, due to empty set";
  }
  return "Null literal value";
}

function evalBinary(ctx: EvalContext, e: Extract<Expr, { type: "Binary" }>, scope: Scope): Value {
  switch (e.op) {
    case "&&":
    case "||": {
      const l = evaluate(ctx, e.left, scope);
      if (typeof l !== "boolean")
        throw new QueryError("type_mismatch", `expected type: Boolean, received ${typeName(l)}`, {
          span: spanOf(ctx, e.left.span),
        });
      if (e.op === "&&" ? !l : l) return l;
      const r = evaluate(ctx, e.right, scope);
      if (typeof r !== "boolean")
        throw new QueryError("type_mismatch", `expected type: Boolean, received ${typeName(r)}`, {
          span: spanOf(ctx, e.right.span),
        });
      return r;
    }
    case "??": {
      const l = evaluate(ctx, e.left, scope);
      return isNullish(ctx, l) ? evaluate(ctx, e.right, scope) : l;
    }
    case "==":
    case "!=": {
      const eq = ctx.equals(evaluate(ctx, e.left, scope), evaluate(ctx, e.right, scope));
      return e.op === "==" ? eq : !eq;
    }
    case "isa": {
      const l = evaluate(ctx, e.left, scope);
      const r = evaluate(ctx, e.right, scope);
      return located(ctx, e.span, () => isa(l, r));
    }
    default: {
      const l = evaluate(ctx, e.left, scope);
      const r = evaluate(ctx, e.right, scope);
      return located(ctx, e.span, () => binaryOp(ctx, e.op, l, r));
    }
  }
}

function isa(v: Value, t: Value): boolean {
  if (t === null || typeof t !== "object" || Array.isArray(t) || t instanceof Map || t.kind !== "module") {
    throw new QueryError("invalid_argument", "invalid argument `type`: expected a type");
  }
  const name = typeName(v);
  switch (t.name) {
    case "Any":
      return true;
    case "Number":
      return name === "Int" || name === "Long" || name === "Double";
    case "Double":
    case "Float":
      return name === "Double";
    case "Function":
      return isFunction(v);
    case "Set":
      return isSet(v);
    case "Object":
      return v instanceof Map;
    default:
      return name === t.name || (isDoc(v) && t.name === v.coll);
  }
}

function evalCall(ctx: EvalContext, e: Extract<Expr, { type: "Call" }>, scope: Scope): Result {
  if (e.callee.type === "Field") {
    // Method call: evaluate the receiver once, then dispatch by its type.
    const callee = e.callee;
    const recv = evalTarget(ctx, callee.target, scope);
    if (recv === SHORT) return SHORT;
    if (callee.optional && isNullish(ctx, recv)) return SHORT;
    // `obj.f?.()`: an object's field that is null short-circuits the call (TyperCoreSpec "typecheck ?. with call").
    if (e.optional && recv instanceof Map && (recv.get(callee.name) ?? null) === null) return SHORT;
    const args = e.args.map((a) => evaluate(ctx, a, scope));
    return locatedCall(ctx, argsSpan(e), () => callMethod(ctx, recv, callee.name, args));
  }
  const fn = evalTarget(ctx, e.callee, scope);
  if (fn === SHORT) return SHORT;
  if (e.optional && fn === null) return SHORT;
  const args = e.args.map((a) => evaluate(ctx, a, scope));
  return locatedCall(ctx, argsSpan(e), () => callValue(ctx, fn, args));
}

/** Fauna reports errors of a call at its argument list: `f("x")` → `("x")`. */
function argsSpan(e: Extract<Expr, { type: "Call" }>): Span {
  return { start: e.callee.span.end, end: e.span.end };
}

/** Calls anything callable: lambdas, natives, UDFs, and callable modules (`Time("…")`, `Product("1")`). */
export function callValue(ctx: EvalContext, fn: Value, args: Value[]): Value {
  if (fn !== null && typeof fn === "object" && !Array.isArray(fn) && !(fn instanceof Map)) {
    switch (fn.kind) {
      case "lambda":
      case "native":
      case "udf":
        return callFunction(ctx, fn, args);
      case "module":
        return callMethod(ctx, fn, "$call", args);
      default:
        break;
    }
  }
  throw new QueryError("invalid_argument", `\`${typeName(fn)}\` is not a function`);
}

export function callFunction(ctx: EvalContext, fn: FunctionValue, args: Value[]): Value {
  if (++ctx.frames > MAX_FRAMES) {
    ctx.frames = 0;
    throw new QueryError("stack_overflow", `number of stack frames exceeded limit of ${MAX_FRAMES}`);
  }
  try {
    switch (fn.kind) {
      case "native":
        return fn.call(ctx, args);
      case "udf":
        return ctx.host.callUdf(ctx, fn.name, args);
      case "lambda":
        return callLambda(ctx, fn, args);
    }
  } finally {
    // A JS stack overflow (RangeError) unwinds to the engine, which reports stack_overflow.
    ctx.frames--;
  }
}

function callLambda(ctx: EvalContext, fn: LambdaValue, args: Value[]): Value {
  const n = fn.params.length;
  const arity = fn.variadic === null ? { fixed: [n] } : { atLeast: n };
  if (!arityAccepts(arity, args.length)) throw arityError(arity, args.length);
  const scope = new Scope(fn.scope as Scope);
  fn.params.forEach((p, i) => scope.define(p, args[i] ?? null));
  if (fn.variadic !== null) scope.define(fn.variadic, args.slice(n));
  const body = fn.body as LambdaBody;
  return inSource(ctx, { name: body.source, text: body.fullText }, () => evaluate(ctx, body.expr, scope));
}

/** Number literal → Int / Long / Double per §9.2. */
export function parseNumber(raw: string): Value {
  const text = raw.replace(/_/g, "");
  if (/^[+-]?(0x[0-9a-f]+|0b[01]+|0o[0-7]+|\d+)$/i.test(text)) {
    const neg = text.startsWith("-");
    const body = text.replace(/^[+-]/, "");
    let n = BigInt(body);
    if (neg) n = -n;
    if (n >= -(2n ** 31n) && n < 2n ** 31n) return { kind: "int", value: Number(n) };
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return { kind: "long", value: n };
    return { kind: "double", value: Number(n) };
  }
  const d = Number(text);
  if (Number.isNaN(d)) throw new QueryError("invalid_argument", `\`${raw}\` is not a valid number.`);
  return { kind: "double", value: d };
}
