// Typed AST for FQL v10 as produced by fql/parser and walked by fql/eval.
// Every node carries `span` = [start, end) character offsets into the parsed source.

export interface Span {
  start: number;
  end: number;
}

/** Name of the implicit parameter of `.field` shorthand lambdas and of projection bodies. */
export const THIS = ".";

export type Expr =
  | NullLit
  | BoolLit
  | NumLit
  | StrLit
  | TemplateStr
  | Ident
  | ArrayLit
  | ObjectLit
  | Block
  | If
  | Lambda
  | Unary
  | Binary
  | Field
  | Index
  | Call
  | NonNull
  | Project;

export interface NullLit {
  type: "Null";
  span: Span;
}
export interface BoolLit {
  type: "Bool";
  value: boolean;
  span: Span;
}
/** `raw` is the literal text without `_` separators, e.g. "42", "0x1F", "1.5e3". */
export interface NumLit {
  type: "Num";
  raw: string;
  span: Span;
}
/** A string without interpolation (escapes already decoded). */
export interface StrLit {
  type: "Str";
  value: string;
  span: Span;
}
/** `"a #{x} b"` / `<<+END` heredoc: literal parts and expressions, in order. */
export interface TemplateStr {
  type: "Template";
  parts: (string | Expr)[];
  span: Span;
}
/**
 * A variable or global. `$0`, `$1`, ... are template value placeholders produced by the wire
 * layer (not valid in user FQL text otherwise); `.` is the implicit shorthand parameter.
 */
export interface Ident {
  type: "Ident";
  name: string;
  span: Span;
}
export interface ArrayLit {
  type: "Array";
  items: Expr[];
  span: Span;
}
export interface ObjectLit {
  type: "Object";
  fields: { key: string; value: Expr; span: Span }[];
  span: Span;
}
/** `{ stmts }`; also the whole query. The last statement is always an `ExprStmt`. */
export interface Block {
  type: "Block";
  stmts: Stmt[];
  span: Span;
}
export interface If {
  type: "If";
  cond: Expr;
  then: Expr;
  else: Expr | null;
  span: Span;
}
/**
 * `x => e`, `(a, b) => e`, `(...xs) => e`, and `.field` shorthand (desugared to a Lambda with
 * the single param THIS whose body refers to `Ident(THIS)`).
 */
export interface Lambda {
  type: "Lambda";
  params: string[];
  variadic: string | null;
  body: Expr;
  span: Span;
  /** Annotations of `(a: T, ...rest: U) =>` parameters as source text (null = none). */
  paramTypes?: (TypeText | null)[];
  variadicType?: TypeText | null;
}
/** A type annotation kept as its source text and where it is (parsed by fql/typer). */
export interface TypeText {
  text: string;
  span: Span;
}
export interface Unary {
  type: "Unary";
  op: "!" | "-";
  operand: Expr;
  span: Span;
}
export type BinaryOp =
  | "??"
  | "||"
  | "&&"
  | "=="
  | "!="
  | "=~"
  | "!~"
  | "<"
  | ">"
  | "<="
  | ">="
  | "isa"
  | "|"
  | "^"
  | "&"
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "**";
export interface Binary {
  type: "Binary";
  op: BinaryOp;
  left: Expr;
  right: Expr;
  span: Span;
}
/** `a.b` / `a?.b`. `optional` short-circuits the rest of the chain when `target` is null. */
export interface Field {
  type: "Field";
  target: Expr;
  name: string;
  optional: boolean;
  span: Span;
  parenthesized?: true;
  /** Where the target's source ends, closing parentheses included (`(a).b`); for diagnostics. */
  targetEnd?: number;
}
/** `a[i]` / `a?.[i]`. */
export interface Index {
  type: "Index";
  target: Expr;
  index: Expr;
  optional: boolean;
  span: Span;
  parenthesized?: true;
}
/**
 * `f(args)` / `f?.(args)`. A method call is a Call whose callee is a Field
 * (`Product.all()` = Call(Field(Ident Product, "all"), [])).
 */
export interface Call {
  type: "Call";
  callee: Expr;
  args: Expr[];
  optional: boolean;
  span: Span;
  parenthesized?: true;
}
/** Postfix `!`. */
export interface NonNull {
  type: "NonNull";
  target: Expr;
  span: Span;
  parenthesized?: true;
}
/** Chain nodes wrapped in parentheses end an optional chain: `(a?.b).c` fails on null. */
export type ChainExpr = Field | Index | Call | NonNull;
/**
 * Projection `target { a, b { c }, alias: expr }`. Each field's `value` is evaluated with
 * `Ident(THIS)` bound to the projected value: the parser desugars `a` to `Field(Ident(THIS), "a")`
 * and `b { c }` to `Project(Field(Ident(THIS), "b"), ...)`. `.x` inside `alias: .x` is
 * `Field(Ident(THIS), "x")` directly (not wrapped in a Lambda).
 */
export interface Project {
  type: "Project";
  target: Expr;
  fields: { key: string; value: Expr; span: Span }[];
  span: Span;
}

export type Stmt = Let | ExprStmt;
/** `let name = value` / `let name: Type = value` (the annotation is kept as text; the typer reads it). */
export interface Let {
  type: "Let";
  name: string;
  typeAnnotation: string | null;
  /** Where the annotation's text starts and ends in the source. */
  typeSpan?: Span;
  /** Where the name is, when annotated: failures of the binding as a whole are reported there. */
  nameSpan?: Span;
  value: Expr;
  span: Span;
}
export interface ExprStmt {
  type: "ExprStmt";
  expr: Expr;
  span: Span;
}
