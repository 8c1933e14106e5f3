// Recursive-descent FQL v10 parser following faunadb's fastparse grammar (ExprParser.scala):
// newline-sensitive statements, precedence-climbing binary operators, `.field` shorthand
// lambdas and projections. Nesting depth is bounded so deep input cannot overflow the stack.
import {
  THIS,
  type BinaryOp,
  type Block,
  type Expr,
  type Ident,
  type Lambda,
  type Let,
  type Project,
  type Span,
  type Stmt,
  type TypeText,
} from "../ast.js";
import { MAX_NESTING, syntaxError } from "./diagnostics.js";
import { Lexer } from "./lexer.js";
import { INVALID_VARIABLES, KEYWORDS, describe, type Interpolation, type Token } from "./tokens.js";

const PRECEDENCE: Record<string, number> = {
  "??": 0,
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "=~": 3,
  "!~": 3,
  "<": 4,
  ">": 4,
  "<=": 4,
  ">=": 4,
  isa: 5,
  "|": 6,
  "^": 7,
  "&": 8,
  "+": 9,
  "-": 9,
  "*": 10,
  "/": 10,
  "%": 10,
  "**": 11,
};
/** Operators that may start a continuation line; all others must stay on the operand's line. */
const LEADING_LINE_OPS: ReadonlySet<string> = new Set(["??", "||", "&&", "|", "^", "&"]);

/**
 * An operand under construction. `short` means `expr` is the body of a pending `.field`
 * shorthand lambda (it refers to `Ident(THIS)`); `parenShort` means `expr` is a complete
 * shorthand lambda written in parentheses, which binary operators absorb like faunadb does.
 */
interface Term {
  expr: Expr;
  start: number;
  end: number;
  short: boolean;
  parenShort: boolean;
}

type BlockMode = "query" | "block";

export class Parser {
  private toks: Token[] = [];
  private i = 0;
  private lexer: Lexer | null;
  private depth = 0;
  private prevEnd = 0;
  /** Lambdas created from `.field` shorthand (projection values unwrap them). */
  private readonly shorthands = new WeakSet<Lambda>();

  constructor(
    private readonly src: string,
    private readonly sourceName: string | undefined,
  ) {
    this.lexer = new Lexer(src, sourceName);
  }

  // ---- entry points ----

  query(): Block {
    const start = this.peek().start;
    const stmts = this.blockBody("query");
    this.expectEnd();
    return { type: "Block", stmts, span: { start, end: this.prevEnd } };
  }

  expression(): Expr {
    const e = this.expr(true);
    this.expectEnd();
    return e;
  }

  functionBody(): Block {
    const open = this.peek();
    if (!this.isPunct(open, "{")) this.unexpected(open, "Expected `{`");
    this.advance();
    const stmts = this.blockBody("block");
    this.expectPunct("}");
    this.expectEnd();
    return { type: "Block", stmts, span: { start: open.start, end: this.prevEnd } };
  }

  // ---- token access ----

  private peek(k = 0): Token {
    while (this.toks.length <= this.i + k) {
      const last = this.toks[this.toks.length - 1];
      if (!this.lexer || last?.kind === "eof") return last!;
      this.toks.push(this.lexer.next());
    }
    return this.toks[this.i + k]!;
  }

  private advance(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    this.prevEnd = t.end;
    return t;
  }

  private isPunct(t: Token, text: string): boolean {
    return t.kind === "punct" && t.text === text;
  }

  private isWord(t: Token, word: string): boolean {
    return t.kind === "ident" && t.text === word;
  }

  private fail(message: string, start: number, end: number): never {
    throw syntaxError(message, start, end, this.sourceName);
  }

  private unexpected(t: Token, message?: string): never {
    if (message) return this.fail(message, t.start, t.end);
    if (t.kind === "eof") return this.fail("Unexpected end of input", t.start, t.start + 1);
    if (t.kind === "ident" && KEYWORDS.has(t.text))
      return this.fail(`Unexpected keyword \`${t.text}\``, t.start, t.end);
    return this.fail(`Unexpected ${describe(t)}`, t.start, t.end);
  }

  private expectPunct(text: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, text)) this.unexpected(t, `Expected \`${text}\``);
    return this.advance();
  }

  private expectEnd(): void {
    const t = this.peek();
    if (t.kind !== "eof") this.unexpected(t, "Expected end-of-input");
  }

  private enter(at: Token): void {
    if (++this.depth > MAX_NESTING) this.fail("Query is too deeply nested", at.start, at.end);
  }

  // ---- statements ----

  private blockBody(mode: BlockMode): Stmt[] {
    const stmts: Stmt[] = [];
    const atEnd = (t: Token) => (mode === "query" ? t.kind === "eof" : this.isPunct(t, "}"));
    for (;;) {
      const t = this.peek();
      if (atEnd(t)) {
        if (stmts.length === 0) {
          const what = mode === "query" ? "query" : "block";
          this.fail(`Unexpected end of ${what}. Expected statement or expression`, t.start, t.start + 1);
        }
        break;
      }
      stmts.push(this.isWord(t, "let") ? this.letStmt() : this.exprStmt());
      const sep = this.peek();
      if (this.isPunct(sep, ";")) {
        while (this.isPunct(this.peek(), ";")) this.advance();
      } else if (!sep.nl && !atEnd(sep)) {
        this.unexpected(sep, mode === "query" ? "Expected end-of-input" : "Expected `}`");
      }
    }
    const last = stmts[stmts.length - 1]!;
    if (last.type === "Let") {
      const t = this.peek();
      this.fail("Missing return expression", t.start, t.start + 1);
    }
    return stmts;
  }

  private exprStmt(): Stmt {
    const expr = this.expr(false);
    return { type: "ExprStmt", expr, span: expr.span };
  }

  private letStmt(): Let {
    const letTok = this.advance();
    const nameTok = this.peek();
    if (nameTok.kind !== "ident") this.unexpected(nameTok, "Expected identifier");
    if (INVALID_VARIABLES.has(nameTok.text))
      this.fail(`Invalid identifier \`${nameTok.text}\``, nameTok.start, nameTok.end);
    this.advance();
    let typeAnnotation: string | null = null;
    let typeSpan: Span | undefined;
    if (this.isPunct(this.peek(), ":")) {
      this.advance();
      const start = this.peek().start;
      typeAnnotation = this.typeText((t) => this.isPunct(t, "="));
      if (typeAnnotation === null) this.unexpected(this.peek(), "Expected type");
      typeSpan = { start, end: this.prevEnd };
    }
    this.expectPunct("=");
    const value = this.expr(false);
    return {
      type: "Let",
      name: nameTok.text,
      typeAnnotation,
      ...(typeSpan ? { typeSpan, nameSpan: { start: nameTok.start, end: nameTok.end } } : {}),
      value,
      span: { start: letTok.start, end: value.span.end },
    };
  }

  /**
   * Skips a type expression up to a depth-0 token matching `stop` and returns its source text
   * (types are not checked by the emulator); null if there is no type or input ends first.
   */
  private typeText(stop: (t: Token) => boolean): string | null {
    let depth = 0;
    const first = this.peek();
    for (;;) {
      const t = this.peek();
      if (t.kind === "eof") return null;
      if (depth === 0 && stop(t)) break;
      if (depth === 1 && this.isPunct(t, ">=")) {
        // `Array<Int>= x`: the lexer glued the closing `>` to `=`; split the token.
        depth = 0;
        this.toks[this.i] = { ...t, text: "=", start: t.start + 1 };
        this.prevEnd = t.start + 1;
        continue;
      }
      if (t.kind === "punct") {
        if ("([{<".includes(t.text)) depth++;
        else if (")]}>".includes(t.text)) {
          if (depth === 0) return null;
          depth--;
        }
      }
      this.advance();
    }
    return first === this.peek() ? null : this.src.slice(first.start, this.prevEnd);
  }

  // ---- expressions ----

  /** A full expression (faunadb `expr0`): if, lambdas, or an operator chain with optional projection. */
  private expr(allowShort: boolean): Expr {
    const t = this.peek();
    this.enter(t);
    try {
      if (this.isWord(t, "if")) return this.ifExpr();
      if (this.isWord(t, "at") || this.isWord(t, "match"))
        this.fail(`\`${t.text}\` expressions are not supported`, t.start, t.end);
      const next = this.peek(1);
      if (t.kind === "ident" && !KEYWORDS.has(t.text) && this.isPunct(next, "=>") && !next.nl) {
        this.advance();
        this.advance();
        return this.lambda([t], null, t.start);
      }
      if (this.isPunct(t, "(")) {
        const lambda = this.tryParenLambda();
        if (lambda) return lambda;
      }
      return this.operatorExpr(allowShort);
    } finally {
      this.depth--;
    }
  }

  private ifExpr(): Expr {
    const ifTok = this.advance();
    this.expectPunct("(");
    const cond = this.expr(false);
    this.expectPunct(")");
    const then = this.expr(false);
    let otherwise: Expr | null = null;
    if (this.isWord(this.peek(), "else")) {
      this.advance();
      otherwise = this.expr(false);
    }
    return { type: "If", cond, then, else: otherwise, span: { start: ifTok.start, end: this.prevEnd } };
  }

  private lambda(
    params: Token[],
    variadic: Token | null,
    start: number,
    types?: { params: (TypeText | null)[]; variadic: TypeText | null },
  ): Lambda {
    const seen = new Set<string>();
    for (const p of variadic ? [...params, variadic] : params) {
      if (p.text === "_") continue;
      if (seen.has(p.text)) this.fail(`Duplicate lambda argument \`${p.text}\``, p.start, p.end);
      seen.add(p.text);
    }
    const body = this.expr(false);
    const lambda: Lambda = {
      type: "Lambda",
      params: params.map((p) => p.text),
      variadic: variadic ? variadic.text : null,
      body,
      span: { start, end: this.prevEnd },
    };
    if (types && (types.variadic || types.params.some((t) => t !== null))) {
      lambda.paramTypes = types.params;
      lambda.variadicType = types.variadic;
    }
    return lambda;
  }

  /** `(a, b: T, ...rest) =>` — backtracks (returns null) when the parentheses are not a parameter list. */
  private tryParenLambda(): Lambda | null {
    const save = this.i;
    const saveEnd = this.prevEnd;
    const open = this.advance();
    const params: Token[] = [];
    let variadic: Token | null = null;
    const types: { params: (TypeText | null)[]; variadic: TypeText | null } = { params: [], variadic: null };
    let lastType: TypeText | null = null;
    const isParam = (t: Token) => t.kind === "ident" && !KEYWORDS.has(t.text);
    const skipType = () => {
      lastType = null;
      if (!this.isPunct(this.peek(), ":")) return true;
      this.advance();
      const start = this.peek().start;
      const text = this.typeText((t) => this.isPunct(t, ",") || this.isPunct(t, ")"));
      if (text !== null) lastType = { text, span: { start, end: this.prevEnd } };
      return text !== null;
    };
    const scan = (): boolean => {
      for (;;) {
        const t = this.peek();
        if (this.isPunct(t, ")")) return true;
        if (this.isPunct(t, "...")) {
          this.advance();
          if (!isParam(this.peek())) return false;
          variadic = this.advance();
          if (!skipType()) return false;
          types.variadic = lastType;
          if (this.isPunct(this.peek(), ",")) this.advance();
          return this.isPunct(this.peek(), ")");
        }
        if (!isParam(t)) return false;
        params.push(this.advance());
        if (!skipType()) return false;
        types.params.push(lastType);
        if (this.isPunct(this.peek(), ",")) this.advance();
        else if (!this.isPunct(this.peek(), ")")) return false;
      }
    };
    if (scan()) {
      this.advance(); // `)`
      const arrow = this.peek();
      if (this.isPunct(arrow, "=>") && !arrow.nl) {
        this.advance();
        return this.lambda(params, variadic, open.start, types);
      }
    }
    this.i = save;
    this.prevEnd = saveEnd;
    return null;
  }

  /** term (op term)* followed by an optional same-line projection. */
  private operatorExpr(allowShort: boolean): Expr {
    let result = this.operatorChain(this.term());
    const brace = this.peek();
    if (this.isPunct(brace, "{") && !brace.nl) result = this.projection(result);
    if (result.short) {
      const lambda = this.shorthandLambda(result.expr);
      if (!allowShort) this.fail("Invalid anonymous field access", lambda.span.start, lambda.span.end);
      return lambda;
    }
    return result.expr;
  }

  private shorthandLambda(body: Expr): Lambda {
    const lambda: Lambda = { type: "Lambda", params: [THIS], variadic: null, body, span: { ...body.span } };
    this.shorthands.add(lambda);
    return lambda;
  }

  private binaryOpAt(t: Token): BinaryOp | null {
    const isOp = (t.kind === "punct" && t.text in PRECEDENCE) || this.isWord(t, "isa");
    if (!isOp) return null;
    if (t.nl && !LEADING_LINE_OPS.has(t.text)) return null;
    return t.text as BinaryOp;
  }

  /** Operator-precedence (shunting-yard) loop: iterative, so long flat chains need no recursion. */
  private operatorChain(first: Term): Term {
    const operands: Term[] = [first];
    const ops: BinaryOp[] = [];
    const reduce = () => {
      const right = operands.pop()!;
      const left = operands.pop()!;
      const op = ops.pop()!;
      const [l, lShort] = this.operand(left);
      const [r, rShort] = this.operand(right);
      operands.push({
        expr: { type: "Binary", op, left: l, right: r, span: { start: left.start, end: right.end } },
        start: left.start,
        end: right.end,
        short: lShort || rShort,
        parenShort: false,
      });
    };
    for (;;) {
      const op = this.binaryOpAt(this.peek());
      if (!op) break;
      this.advance();
      const right = this.term();
      const prec = PRECEDENCE[op]!;
      while (ops.length > 0) {
        const top = ops[ops.length - 1]!;
        const topPrec = PRECEDENCE[top]!;
        if (topPrec > prec || (topPrec === prec && top !== "**")) reduce();
        else break;
      }
      ops.push(op);
      operands.push(right);
    }
    while (ops.length > 0) reduce();
    return operands[0]!;
  }

  /** The expression an operator sees, unwrapping shorthand so `.a + .b` is one lambda. */
  private operand(t: Term): [Expr, boolean] {
    if (t.parenShort) return [(t.expr as Lambda).body, true];
    return [t.expr, t.short];
  }

  /** Prefix operators, signed number literals, then a primary with its postfix chain. */
  private term(): Term {
    const t = this.peek();
    if (t.kind === "punct" && (t.text === "-" || t.text === "+")) {
      const num = this.peek(1);
      if (num.kind === "num" && !num.nl) {
        // Like faunadb, a sign directly before a number is part of the literal (`-5.abs()` is 5).
        this.advance();
        this.advance();
        const raw = t.text === "-" ? `-${num.text}` : num.text;
        return this.postfix({
          expr: { type: "Num", raw, span: { start: t.start, end: num.end } },
          start: t.start,
          end: num.end,
          short: false,
          parenShort: false,
        });
      }
    }
    if (t.kind === "punct" && (t.text === "-" || t.text === "!")) {
      this.enter(t);
      try {
        this.advance();
        const operand = this.term();
        const span: Span = { start: t.start, end: operand.end };
        return {
          expr: { type: "Unary", op: t.text, operand: operand.expr, span },
          start: t.start,
          end: operand.end,
          short: operand.short,
          parenShort: false,
        };
      } finally {
        this.depth--;
      }
    }
    if (this.isPunct(t, "~")) this.fail("Unsupported operator `~`", t.start, t.end);
    return this.postfix(this.primary());
  }

  private primary(): Term {
    const t = this.peek();
    const simple = (expr: Expr): Term => ({ expr, start: t.start, end: t.end, short: false, parenShort: false });
    const span = { start: t.start, end: t.end };
    switch (t.kind) {
      case "num":
        this.advance();
        return simple({ type: "Num", raw: t.text, span });
      case "str":
        this.advance();
        return simple(this.stringExpr(t));
      case "placeholder":
        this.advance();
        return simple({ type: "Ident", name: t.text, span });
      case "ident":
        if (t.text === "null") return (this.advance(), simple({ type: "Null", span }));
        if (t.text === "true" || t.text === "false")
          return (this.advance(), simple({ type: "Bool", value: t.text === "true", span }));
        if (KEYWORDS.has(t.text)) this.unexpected(t);
        this.advance();
        return simple({ type: "Ident", name: t.text, span });
      case "punct":
        if (t.text === "(") return this.parenthesized();
        if (t.text === "[") return simple(this.arrayLit());
        if (t.text === "{") return simple(this.objectOrBlock());
        if (t.text === ".") return this.shorthandStart();
        return this.unexpected(t);
      default:
        return this.unexpected(t);
    }
  }

  /** `.name`, `.(args)` or `.[i]` at the start of an operand: the body of a shorthand lambda. */
  private shorthandStart(): Term {
    const dot = this.advance();
    const self: Ident = { type: "Ident", name: THIS, span: { start: dot.start, end: dot.start } };
    const next = this.peek();
    let expr: Expr;
    if (next.kind === "ident") {
      this.advance();
      expr = {
        type: "Field",
        target: self,
        name: next.text,
        optional: false,
        span: { start: dot.start, end: next.end },
      };
    } else if (this.isPunct(next, "(")) {
      expr = this.callArgs(self, dot.start, false);
    } else if (this.isPunct(next, "[")) {
      expr = this.indexAccess(self, dot.start, false);
    } else {
      return this.unexpected(next, "Expected field name");
    }
    return { expr, start: dot.start, end: this.prevEnd, short: true, parenShort: false };
  }

  /** Field selection, calls, indexing and `!`, iteratively. `.`/`?.` may start the next line. */
  private postfix(term: Term): Term {
    const { short } = term;
    let { expr, parenShort } = term;
    const start = term.start;
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, ".") || this.isPunct(t, "?.")) {
        const optional = t.text === "?.";
        const targetEnd = this.prevEnd;
        this.advance();
        const next = this.peek();
        if (optional && this.isPunct(next, "(")) expr = this.callArgs(expr, start, true);
        else if (optional && this.isPunct(next, "[")) expr = this.indexAccess(expr, start, true);
        else if (next.kind === "ident") {
          this.advance();
          expr = { type: "Field", target: expr, name: next.text, optional, span: { start, end: next.end }, targetEnd };
        } else this.unexpected(next, "Expected field name");
      } else if (this.isPunct(t, "(") && !t.nl) {
        expr = this.callArgs(expr, start, false);
      } else if (this.isPunct(t, "[") && !t.nl) {
        expr = this.indexAccess(expr, start, false);
      } else if (this.isPunct(t, "!") && !t.nl) {
        this.advance();
        expr = { type: "NonNull", target: expr, span: { start, end: t.end } };
      } else break;
      // Applying a postfix to a parenthesized shorthand uses the lambda value itself.
      parenShort = false;
    }
    return { expr, start, end: this.prevEnd, short, parenShort };
  }

  private callArgs(callee: Expr, start: number, optional: boolean): Expr {
    this.expectPunct("(");
    const args = this.list(")");
    return { type: "Call", callee, args, optional, span: { start, end: this.prevEnd } };
  }

  private indexAccess(target: Expr, start: number, optional: boolean): Expr {
    this.expectPunct("[");
    const index = this.expr(true);
    this.expectPunct("]");
    return { type: "Index", target, index, optional, span: { start, end: this.prevEnd } };
  }

  /** Comma-separated expressions (shorthand allowed), optional trailing comma, then `close`. */
  private list(close: string, allowShort = true): Expr[] {
    const items: Expr[] = [];
    while (!this.isPunct(this.peek(), close)) {
      if (this.isPunct(this.peek(), "...")) this.unexpected(this.peek(), "Invalid variadic argument");
      items.push(this.expr(allowShort));
      if (!this.isPunct(this.peek(), ",")) break;
      this.advance();
    }
    const t = this.peek();
    if (!this.isPunct(t, close))
      this.unexpected(t, items.length > 0 ? `Expected \`,\` or \`${close}\`` : `Expected \`${close}\``);
    this.advance();
    return items;
  }

  /** `(e)` is `e`; `()` and `(a, b)` are tuples, which Fauna evaluates as arrays. */
  private parenthesized(): Term {
    const open = this.advance();
    const items = this.list(")");
    const end = this.prevEnd;
    if (items.length === 1) {
      const inner = items[0]!;
      if (inner.type === "Field" || inner.type === "Index" || inner.type === "Call" || inner.type === "NonNull")
        inner.parenthesized = true;
      const parenShort = inner.type === "Lambda" && this.shorthands.has(inner);
      return { expr: inner, start: open.start, end, short: false, parenShort };
    }
    return {
      expr: { type: "Array", items, span: { start: open.start, end } },
      start: open.start,
      end,
      short: false,
      parenShort: false,
    };
  }

  private arrayLit(): Expr {
    const open = this.advance();
    const items = this.list("]", false);
    return { type: "Array", items, span: { start: open.start, end: this.prevEnd } };
  }

  /** `{}` and `{ key: … }` are objects; anything else in braces is a block. */
  private objectOrBlock(): Expr {
    const open = this.advance();
    const first = this.peek();
    if (this.isPunct(first, "}")) {
      this.advance();
      return { type: "Object", fields: [], span: { start: open.start, end: first.end } };
    }
    if (this.isObjectKey(first) && this.isPunct(this.peek(1), ":")) return this.objectBody(open);
    const stmts = this.blockBody("block");
    this.expectPunct("}");
    return { type: "Block", stmts, span: { start: open.start, end: this.prevEnd } };
  }

  private isObjectKey(t: Token): boolean {
    return t.kind === "ident" || (t.kind === "str" && this.src[t.start] !== "<");
  }

  private objectBody(open: Token): Expr {
    const fields: { key: string; value: Expr; span: Span }[] = [];
    const seen = new Set<string>();
    for (;;) {
      const keyTok = this.peek();
      if (!this.isObjectKey(keyTok)) this.unexpected(keyTok, "Expected object key");
      this.advance();
      const key = keyTok.kind === "ident" ? keyTok.text : this.literalKey(keyTok);
      this.expectPunct(":");
      const value = this.expr(false);
      if (seen.has(key)) this.fail(`Duplicate key \`${key}\``, keyTok.start, keyTok.end);
      seen.add(key);
      fields.push({ key, value, span: { start: keyTok.start, end: value.span.end } });
      if (!this.isPunct(this.peek(), ",")) break;
      this.advance();
      if (this.isPunct(this.peek(), "}")) break;
    }
    const close = this.peek();
    if (!this.isPunct(close, "}")) this.unexpected(close, "Expected `,` or `}`");
    this.advance();
    return { type: "Object", fields, span: { start: open.start, end: close.end } };
  }

  private literalKey(t: Token): string {
    const interp = t.parts!.find((p): p is Interpolation => typeof p !== "string");
    if (interp) this.fail("Object keys do not support interpolation", interp.start, interp.end);
    return t.parts!.join("");
  }

  // ---- strings ----

  private stringExpr(t: Token): Expr {
    const parts = t.parts!;
    const span = { start: t.start, end: t.end };
    if (parts.every((p) => typeof p === "string")) return { type: "Str", value: parts.join(""), span };
    return { type: "Template", parts: parts.map((p) => (typeof p === "string" ? p : this.interpolation(p))), span };
  }

  /** Parses the pre-lexed tokens of one `#{ … }` with this parser, then restores its state. */
  private interpolation(p: Interpolation): Expr {
    const saved = { toks: this.toks, i: this.i, lexer: this.lexer, prevEnd: this.prevEnd };
    this.toks = p.tokens;
    this.i = 0;
    this.lexer = null;
    try {
      const first = this.peek();
      if (first.kind === "eof") this.fail("Expected an expression inside `#{}`", p.start, p.end);
      const e = this.expr(false);
      const rest = this.peek();
      if (rest.kind !== "eof") this.unexpected(rest, "Expected `}`");
      return e;
    } finally {
      this.toks = saved.toks;
      this.i = saved.i;
      this.lexer = saved.lexer;
      this.prevEnd = saved.prevEnd;
    }
  }

  // ---- projection ----

  /** `target { a, b { c }, alias: expr }`; names become `Field(Ident(THIS), name)`. */
  private projection(target: Term): Term {
    const open = this.peek();
    this.enter(open);
    try {
      this.advance();
      if (this.isPunct(this.peek(), "*"))
        this.unexpected(this.peek(), "Projecting all fields with `{ * }` is not supported");
      const fields: Project["fields"] = [];
      for (;;) {
        const nameTok = this.peek();
        if (nameTok.kind !== "ident") this.unexpected(nameTok, "Expected identifier");
        if (KEYWORDS.has(nameTok.text)) this.fail(`Invalid identifier \`${nameTok.text}\``, nameTok.start, nameTok.end);
        this.advance();
        let value: Expr;
        if (this.isPunct(this.peek(), ":")) {
          this.advance();
          const e = this.expr(true);
          value = e.type === "Lambda" && this.shorthands.has(e) ? e.body : e;
        } else {
          const self: Ident = { type: "Ident", name: THIS, span: { start: nameTok.start, end: nameTok.start } };
          const field: Expr = {
            type: "Field",
            target: self,
            name: nameTok.text,
            optional: false,
            span: { start: nameTok.start, end: nameTok.end },
          };
          const brace = this.peek();
          value =
            this.isPunct(brace, "{") && !brace.nl
              ? this.projection({
                  expr: field,
                  start: nameTok.start,
                  end: nameTok.end,
                  short: false,
                  parenShort: false,
                }).expr
              : field;
        }
        fields.push({ key: nameTok.text, value, span: { start: nameTok.start, end: this.prevEnd } });
        if (!this.isPunct(this.peek(), ",")) break;
        this.advance();
        if (this.isPunct(this.peek(), "}")) break;
      }
      const close = this.peek();
      if (!this.isPunct(close, "}")) this.unexpected(close, "Expected `,` or `}`");
      this.advance();
      const expr: Project = {
        type: "Project",
        target: target.expr,
        fields,
        span: { start: target.start, end: close.end },
      };
      return { expr, start: target.start, end: close.end, short: target.short, parenShort: false };
    } finally {
      this.depth--;
    }
  }
}
