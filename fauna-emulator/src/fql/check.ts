// Static checks before evaluation, like Fauna's checker: every name must be bound (a local,
// a query argument, or a global). Unbound names are `invalid_query`, nothing runs.
import type { SourceSpan } from "../core/index.js";
import { THIS, type Expr, type Span, type Stmt } from "./ast.js";

export interface Diagnostic {
  message: string;
  span: SourceSpan;
}

export function findUnboundNames(root: Expr, isKnown: (name: string) => boolean, source = "*query*"): Diagnostic[] {
  const out: Diagnostic[] = [];
  walkFreeNames(root, (name, span) => {
    if (!isKnown(name))
      out.push({ message: `Unbound variable \`${name}\``, span: { start: span.start, end: span.end, source } });
  });
  return out;
}

/** Names an expression uses without binding them (its free variables and globals). */
/** Free names of an expression with where each occurs, in source order. */
export function freeNameSites(root: Expr): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  walkFreeNames(root, (name, span) => {
    const sites = out.get(name);
    if (sites) sites.push(span);
    else out.set(name, [span]);
  });
  return out;
}

export function freeNames(root: Expr): Set<string> {
  const out = new Set<string>();
  walkFreeNames(root, (name) => out.add(name));
  return out;
}

function walkFreeNames(root: Expr, onFree: (name: string, span: Span) => void): void {
  const walk = (e: Expr, scope: Set<string>): void => {
    switch (e.type) {
      case "Ident":
        if (!scope.has(e.name) && e.name !== THIS) onFree(e.name, e.span);
        return;
      case "Template":
        for (const p of e.parts) if (typeof p !== "string") walk(p, scope);
        return;
      case "Array":
        e.items.forEach((i) => walk(i, scope));
        return;
      case "Object":
        e.fields.forEach((f) => walk(f.value, scope));
        return;
      case "Block": {
        const inner = new Set(scope);
        for (const s of e.stmts as Stmt[]) {
          if (s.type === "Let") {
            walk(s.value, inner);
            inner.add(s.name);
          } else walk(s.expr, inner);
        }
        return;
      }
      case "If":
        walk(e.cond, scope);
        walk(e.then, scope);
        if (e.else) walk(e.else, scope);
        return;
      case "Lambda": {
        const inner = new Set(scope);
        e.params.forEach((p) => inner.add(p));
        if (e.variadic) inner.add(e.variadic);
        walk(e.body, inner);
        return;
      }
      case "Unary":
        walk(e.operand, scope);
        return;
      case "Binary":
        walk(e.left, scope);
        walk(e.right, scope);
        return;
      case "Field":
        walk(e.target, scope);
        return;
      case "Index":
        walk(e.target, scope);
        walk(e.index, scope);
        return;
      case "Call":
        walk(e.callee, scope);
        e.args.forEach((a) => walk(a, scope));
        return;
      case "NonNull":
        walk(e.target, scope);
        return;
      case "Project":
        walk(e.target, scope);
        e.fields.forEach((f) => walk(f.value, scope));
        return;
      default:
        return;
    }
  };
  walk(root, new Set());
}
