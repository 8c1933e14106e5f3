// Bounds the height of a parsed tree. The parser itself never recurses on long flat chains
// (`1 + 1 + … + 1`, `a.b.c…`), but a recursive evaluator walking such a tree would; this
// check turns that into a clean InvalidQueryError instead of a stack overflow later.
import type { Expr, Stmt } from "../ast.js";
import { syntaxError } from "./diagnostics.js";

/** Far above what ordinary nesting (already capped at MAX_NESTING levels) produces. */
export const MAX_TREE_HEIGHT = 1000;

type Node = Expr | Stmt;

function children(n: Node): Node[] {
  switch (n.type) {
    case "Template":
      return n.parts.filter((p): p is Expr => typeof p !== "string");
    case "Array":
      return n.items;
    case "Object":
      return n.fields.map((f) => f.value);
    case "Project":
      return [n.target, ...n.fields.map((f) => f.value)];
    case "Block":
      return n.stmts;
    case "If":
      return n.else ? [n.cond, n.then, n.else] : [n.cond, n.then];
    case "Lambda":
      return [n.body];
    case "Unary":
      return [n.operand];
    case "Binary":
      return [n.left, n.right];
    case "Field":
    case "NonNull":
      return [n.target];
    case "Index":
      return [n.target, n.index];
    case "Call":
      return [n.callee, ...n.args];
    case "Let":
      return [n.value];
    case "ExprStmt":
      return [n.expr];
    default:
      return [];
  }
}

export function checkTreeHeight(root: Node, sourceName: string | undefined, limit = MAX_TREE_HEIGHT): void {
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) throw syntaxError("Query is too deeply nested", node.span.start, node.span.end, sourceName);
    for (const c of children(node)) stack.push([c, depth + 1]);
  }
}
