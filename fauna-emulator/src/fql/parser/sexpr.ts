// Compact S-expression rendering of the AST, for readable parser tests and debugging.
import type { Expr, Stmt } from "../ast.js";

const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k));

export function sexpr(node: Expr | Stmt): string {
  switch (node.type) {
    case "Null":
      return "null";
    case "Bool":
      return String(node.value);
    case "Num":
      return node.raw;
    case "Str":
      return JSON.stringify(node.value);
    case "Template":
      return `(tpl ${node.parts.map((p) => (typeof p === "string" ? JSON.stringify(p) : sexpr(p))).join(" ")})`;
    case "Ident":
      return node.name;
    case "Array":
      return `[${node.items.map(sexpr).join(" ")}]`;
    case "Object":
      return `{${node.fields.map((f) => `${key(f.key)}: ${sexpr(f.value)}`).join(", ")}}`;
    case "Block":
      return `(block ${node.stmts.map(sexpr).join(" ")})`;
    case "Let":
      return `(let ${node.name}${node.typeAnnotation === null ? "" : `: ${node.typeAnnotation}`} ${sexpr(node.value)})`;
    case "ExprStmt":
      return sexpr(node.expr);
    case "If":
      return `(if ${sexpr(node.cond)} ${sexpr(node.then)}${node.else ? ` ${sexpr(node.else)}` : ""})`;
    case "Lambda": {
      const params = node.variadic === null ? node.params : [...node.params, `...${node.variadic}`];
      return `(fn [${params.join(" ")}] ${sexpr(node.body)})`;
    }
    case "Unary":
      return `(${node.op === "!" ? "not" : "neg"} ${sexpr(node.operand)})`;
    case "Binary":
      return `(${node.op} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case "Field":
      return `(${node.optional ? "?." : "."} ${sexpr(node.target)} ${node.name})`;
    case "Index":
      return `(${node.optional ? "?.[]" : "[]"} ${sexpr(node.target)} ${sexpr(node.index)})`;
    case "Call":
      return `(${node.optional ? "?.call" : "call"} ${[node.callee, ...node.args].map(sexpr).join(" ")})`;
    case "NonNull":
      return `(nonnull ${sexpr(node.target)})`;
    case "Project":
      return `(project ${sexpr(node.target)} ${node.fields.map((f) => `${key(f.key)}: ${sexpr(f.value)}`).join(", ")})`;
  }
}
