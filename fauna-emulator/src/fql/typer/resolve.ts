// Resolves type expressions (annotations, FSL types, stdlib signatures) to typer types.
import type { Span } from "../ast.js";
import type { TypeExpr } from "./type-expr.js";
import { ANY, NEVER, NULL, lit, named, substitute, union, type Type } from "./types.js";

export interface Diag {
  message: string;
  span: Span;
}

/** Type constructors with their arity; `Ref`-like ones need a document type. */
const CONSTRUCTORS: Record<string, number> = {
  Array: 1,
  Set: 1,
  Page: 1,
  Ref: 1,
  EmptyRef: 1,
  NamedRef: 1,
  EmptyNamedRef: 1,
  EventSource: 1,
};

export interface ResolveCtx {
  /** Whether a name is a known type (scalar, module, document…). */
  isType: (name: string) => boolean;
  /** Whether a name is a document type (allowed in `Ref<…>`). */
  isDoc: (name: string) => boolean;
  /** Names resolved to signature parameters (`A`, `B`, …). */
  params?: ReadonlySet<string>;
  /** The level of a let annotation's generics (see the `param` type). */
  skolemLevel?: number;
  diags: Diag[];
}

/** Lowercase TypeScript names Fauna only warns about (faunadb TyperTypeExprs.TSTypeNames). */
const TS_NAMES: Record<string, string> = {
  any: "Any",
  null: "Null",
  number: "Number",
  string: "String",
  boolean: "Boolean",
};

/**
 * Resolves an annotation. With `generics`, unknown names are generic parameters (skolems);
 * each must occur both as an input and as an output (faunadb checkUnboundSkolems).
 */
export function resolveAnnotation(te: TypeExpr, ctx: ResolveCtx): Type {
  const generic = new Map<string, { pos: boolean; neg: boolean; span: Span }>();
  const diags: Diag[] = [];
  const t = resolveType(te, { ...ctx, diags, generic });
  const polarity = (e: TypeExpr, pol: boolean): void => {
    switch (e.k) {
      case "id": {
        const g = generic.get(e.name);
        if (g && pol) g.pos = true;
        else if (g) g.neg = true;
        return;
      }
      case "cons":
        return e.args.forEach((a) => polarity(a, pol));
      case "obj":
        e.fields.forEach((f) => polarity(f.type, pol));
        if (e.wild) polarity(e.wild, pol);
        return;
      case "iface":
        return e.fields.forEach((f) => polarity(f.type, pol));
      case "tup":
        return e.elems.forEach((x) => polarity(x, pol));
      case "fn":
        e.params.forEach((p) => polarity(p.type, !pol));
        if (e.variadic) polarity(e.variadic.type, !pol);
        return polarity(e.ret, pol);
      case "union":
      case "inter":
        return e.members.forEach((m) => polarity(m, pol));
      case "opt":
        return polarity(e.inner, pol);
      default:
        return;
    }
  };
  polarity(te, true);
  const invalid = new Map<string, Type>();
  for (const [name, g] of generic) {
    if (g.pos && g.neg) continue;
    invalid.set(name, ANY);
    if (name in TS_NAMES) continue; // a warning in Fauna, not an error
    diags.push({ message: `Unknown type \`${name}\``, span: g.span });
  }
  diags.sort((a, b) => a.span.start - b.span.start);
  ctx.diags.push(...diags);
  return invalid.size ? substitute(t, invalid) : t;
}

export function resolveType(
  te: TypeExpr,
  ctx: ResolveCtx & { generic?: Map<string, { pos: boolean; neg: boolean; span: Span }> },
): Type {
  const at = <T extends Type>(t: T): T => ({ ...t, span: te.span });
  switch (te.k) {
    case "id": {
      if (te.name === "Any") return at({ t: "any" });
      if (te.name === "Never") return at({ t: "never" });
      if (ctx.params?.has(te.name)) return { t: "param", name: te.name };
      if (te.name in CONSTRUCTORS) {
        ctx.diags.push({
          message: `Type constructor \`${te.name}<>\` accepts ${CONSTRUCTORS[te.name]} parameters, received 0`,
          span: te.span,
        });
        return ANY;
      }
      if (!ctx.isType(te.name)) {
        if (ctx.generic) {
          if (!ctx.generic.has(te.name)) ctx.generic.set(te.name, { pos: false, neg: false, span: te.span });
          if (te.name in TS_NAMES) return ANY;
          return ctx.skolemLevel === undefined
            ? { t: "param", name: te.name }
            : { t: "param", name: te.name, level: ctx.skolemLevel };
        }
        ctx.diags.push({ message: `Unknown type \`${te.name}\``, span: te.span });
        return ANY;
      }
      return at(named(te.name));
    }
    case "cons": {
      const arity = CONSTRUCTORS[te.name];
      const nameSpan = { start: te.span.start, end: te.span.start + te.name.length };
      const args = te.args.map((a) => resolveType(a, ctx));
      if (arity === undefined) {
        if (ctx.isType(te.name))
          ctx.diags.push({ message: `Type \`${te.name}\` does not accept any parameters.`, span: nameSpan });
        else ctx.diags.push({ message: `Unknown type \`${te.name}\``, span: nameSpan });
        return ANY;
      }
      if (te.args.length !== arity) {
        ctx.diags.push({
          message: `Type constructor \`${te.name}<>\` accepts ${arity} parameters, received ${te.args.length}`,
          span: nameSpan,
        });
        return ANY;
      }
      if (te.name === "Ref" || te.name === "EmptyRef") {
        const a = te.args[0]!;
        const arg = args[0]!;
        if (arg.t === "param" && !ctx.params?.has(arg.name)) {
          ctx.diags.push({ message: `Unknown type \`${arg.name}\``, span: a.span });
          ctx.generic?.delete(arg.name);
          return ANY;
        }
        const unknown = a.k === "id" && !ctx.isType(a.name) && a.name !== "Any" && a.name !== "Never"; // already reported
        if (!unknown && !(a.k === "id" && ctx.isDoc(a.name)) && arg.t !== "param") {
          ctx.diags.push({ message: "Reference type must refer to a doc type", span: te.span });
          return ANY;
        }
      }
      return at(named(te.name, ...args));
    }
    case "lit":
      return te.lit === null ? at(NULL) : lit(te.lit, te.span);
    case "obj":
      return at({
        t: "rec",
        fields: new Map(
          te.fields.map((f) => [f.name, f.optional ? union(resolveType(f.type, ctx), NULL) : resolveType(f.type, ctx)]),
        ),
        wild: te.wild && resolveType(te.wild, ctx),
      });
    case "iface":
      return at({
        t: "rec",
        fields: new Map(te.fields.map((f) => [f.name, resolveType(f.type, ctx)])),
        wild: null,
        open: true,
      });
    case "tup":
      return at({ t: "tup", elems: te.elems.map((e) => resolveType(e, ctx)) });
    case "fn":
      return at({
        t: "fn",
        params: te.params.map((p) => resolveType(p.type, ctx)),
        names: te.params.map((p) => p.name),
        variadic: te.variadic && variadicElem(resolveType(te.variadic.type, ctx)),
        ret: resolveType(te.ret, ctx),
      });
    case "union":
      return at(union(...te.members.map((m) => resolveType(m, ctx))) as Type);
    case "inter":
      return at({ t: "inter", types: te.members.map((m) => resolveType(m, ctx)) });
    case "opt":
      return at(union(resolveType(te.inner, ctx), NULL) as Type);
  }
}

/** `...rest: Array<T>` declares elements of type T. */
export const variadicElem = (t: Type): Type => (t.t === "named" && t.name === "Array" ? (t.args[0] ?? ANY) : t);

export { NEVER };
