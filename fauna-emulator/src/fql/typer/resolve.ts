// Resolves type expressions (annotations, FSL types, stdlib signatures) to typer types.
import type { Span } from "../ast.js";
import type { TypeExpr } from "./type-expr.js";
import { ANY, NEVER, NULL, lit, named, union, type Type } from "./types.js";

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
  diags: Diag[];
}

export function resolveType(te: TypeExpr, ctx: ResolveCtx): Type {
  const at = <T extends Type>(t: T): T => ({ ...t, span: te.span });
  switch (te.k) {
    case "id": {
      if (te.name === "Any") return at({ t: "any" });
      if (te.name === "Never") return at({ t: "never" });
      if (ctx.params?.has(te.name)) return { t: "param", name: te.name };
      if (te.name in CONSTRUCTORS) {
        ctx.diags.push({ message: `Type constructor \`${te.name}<>\` accepts ${CONSTRUCTORS[te.name]} parameters, received 0`, span: te.span });
        return ANY;
      }
      if (!ctx.isType(te.name)) {
        ctx.diags.push({ message: `Unknown type \`${te.name}\``, span: te.span });
        return ANY;
      }
      return at(named(te.name));
    }
    case "cons": {
      const arity = CONSTRUCTORS[te.name];
      if (arity === undefined) {
        if (ctx.isType(te.name)) ctx.diags.push({ message: `Type \`${te.name}\` does not accept any parameters.`, span: te.span });
        else ctx.diags.push({ message: `Unknown type \`${te.name}\``, span: te.span });
        return ANY;
      }
      if (te.args.length !== arity) {
        ctx.diags.push({ message: `Type constructor \`${te.name}<>\` accepts ${arity} parameters, received ${te.args.length}`, span: te.span });
        return ANY;
      }
      const args = te.args.map((a) => resolveType(a, ctx));
      if (/Ref$/.test(te.name)) {
        const a = te.args[0]!;
        if (!(a.k === "id" && ctx.isDoc(a.name)) && !(a.k === "id" && ctx.params?.has(a.name))) {
          ctx.diags.push({ message: "Reference type must refer to a doc type", span: a.span });
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
        fields: new Map(te.fields.map((f) => [f.name, f.optional ? union(resolveType(f.type, ctx), NULL) : resolveType(f.type, ctx)])),
        wild: te.wild && resolveType(te.wild, ctx),
      });
    case "iface":
      return at({ t: "rec", fields: new Map(te.fields.map((f) => [f.name, resolveType(f.type, ctx)])), wild: null, open: true });
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
export const variadicElem = (t: Type): Type => (t.t === "named" && t.name === "Array" ? t.args[0] ?? ANY : t);

export { NEVER };
