// Type expressions as written in FQL annotations (`let x: Array<Int> = …`, `(x: String) => …`)
// and FSL (field types, function signatures): the grammar of faunadb's parser/TypeExprParser.
// `parseTypeExpr` builds a small tree with spans (offsets into the original source when
// `offset` is given), which the typer resolves against its environment. fsl/types.ts parses the
// same syntax with FSL's own cursor (line-sensitive, narrowing fields to the persistable model);
// the layer rules (eslint.config.mjs: fsl imports only core) keep it from reusing this parser.
import type { Span } from "../ast.js";
import type { Lit } from "./types.js";

export type TypeExpr = (
  | { k: "id"; name: string }
  | { k: "cons"; name: string; args: TypeExpr[] }
  | { k: "lit"; lit: Lit | null /* null = the `null` literal type */ }
  | { k: "obj"; fields: { name: string; type: TypeExpr; optional: boolean }[]; wild: TypeExpr | null }
  | { k: "iface"; fields: { name: string; type: TypeExpr }[] }
  | { k: "tup"; elems: TypeExpr[] }
  | {
      k: "fn";
      params: { name: string | null; type: TypeExpr }[];
      variadic: { name: string | null; type: TypeExpr } | null;
      ret: TypeExpr;
    }
  | { k: "union"; members: TypeExpr[] }
  | { k: "inter"; members: TypeExpr[] }
  | { k: "opt"; inner: TypeExpr }
) & { span: Span };

export class TypeExprError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

interface Tok {
  kind: "ident" | "str" | "num" | "punct" | "eof";
  text: string;
  value?: string;
  start: number;
  end: number;
}

const PUNCT = ["...", "=>", "<", ">", "{", "}", "(", ")", "[", "]", ",", ":", "|", "&", "?", "*", "-"];

function lex(src: string, offset: number): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_$]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_$]/.test(src[i]!)) i++;
      toks.push({ kind: "ident", text: src.slice(start, i), start: start + offset, end: i + offset });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < src.length && /[0-9_.xXa-fA-FeE]/.test(src[i]!)) i++;
      toks.push({ kind: "num", text: src.slice(start, i).replace(/_/g, ""), start: start + offset, end: i + offset });
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      let value = "";
      while (i < src.length && src[i] !== c) {
        if (src[i] === "\\" && i + 1 < src.length) {
          const e = src[i + 1]!;
          value += e === "n" ? "\n" : e === "t" ? "\t" : e;
          i += 2;
        } else value += src[i++];
      }
      if (i >= src.length) throw new TypeExprError("Unterminated string", { start: start + offset, end: i + offset });
      i++;
      toks.push({ kind: "str", text: src.slice(start, i), value, start: start + offset, end: i + offset });
      continue;
    }
    const p = PUNCT.find((p) => src.startsWith(p, i));
    if (!p)
      throw new TypeExprError(`Unexpected character \`${c}\``, { start: start + offset, end: start + offset + 1 });
    i += p.length;
    toks.push({ kind: "punct", text: p, start: start + offset, end: i + offset });
  }
  toks.push({ kind: "eof", text: "", start: src.length + offset, end: src.length + offset });
  return toks;
}

class TypeParser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }
  private next(): Tok {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    return t;
  }
  private is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "punct" && t.text === text;
  }
  private expect(text: string): Tok {
    const t = this.peek();
    if (!this.is(text)) this.fail(t, `Expected \`${text}\``);
    return this.next();
  }
  private fail(t: Tok, message?: string): never {
    throw new TypeExprError(message ?? (t.kind === "eof" ? "Unexpected end of type" : `Unexpected \`${t.text}\``), {
      start: t.start,
      end: Math.max(t.end, t.start + 1),
    });
  }
  private get prevEnd(): number {
    return this.toks[this.i - 1]?.end ?? 0;
  }

  /** type := union ('=>' type)? */
  type(): TypeExpr {
    const start = this.peek().start;
    const u = this.union();
    if (this.is("=>")) {
      this.next();
      const ret = this.type();
      return { k: "fn", params: [{ name: null, type: u }], variadic: null, ret, span: { start, end: ret.span.end } };
    }
    return u;
  }

  private union(): TypeExpr {
    const start = this.peek().start;
    if (this.is("|")) this.next();
    const members = [this.inter()];
    while (this.is("|")) {
      this.next();
      members.push(this.inter());
    }
    return members.length === 1 ? members[0]! : { k: "union", members, span: { start, end: this.prevEnd } };
  }

  private inter(): TypeExpr {
    const start = this.peek().start;
    const members = [this.postfix()];
    while (this.is("&")) {
      this.next();
      members.push(this.postfix());
    }
    return members.length === 1 ? members[0]! : { k: "inter", members, span: { start, end: this.prevEnd } };
  }

  private postfix(): TypeExpr {
    let t = this.primary();
    while (this.is("?")) {
      this.next();
      t = { k: "opt", inner: t, span: { start: t.span.start, end: this.prevEnd } };
    }
    return t;
  }

  private primary(): TypeExpr {
    const t = this.peek();
    const span = { start: t.start, end: t.end };
    if (t.kind === "ident") {
      this.next();
      if (t.text === "null") return { k: "lit", lit: null, span };
      if (t.text === "true" || t.text === "false")
        return { k: "lit", lit: { kind: "bool", value: t.text === "true" }, span };
      if (this.is("<")) {
        this.next();
        const args = [this.type()];
        while (this.is(",")) {
          this.next();
          args.push(this.type());
        }
        this.expect(">");
        return { k: "cons", name: t.text, args, span: { start: t.start, end: this.prevEnd } };
      }
      return { k: "id", name: t.text, span };
    }
    if (t.kind === "str") {
      this.next();
      return { k: "lit", lit: { kind: "str", value: t.value! }, span };
    }
    if (t.kind === "num" || (this.is("-") && this.peek(1).kind === "num")) {
      const neg = this.is("-");
      if (neg) this.next();
      const n = this.next();
      const text = (neg ? "-" : "") + n.text;
      const lit: Lit =
        /^-?\d+$/.test(text) || /^-?0x/i.test(text)
          ? { kind: "int", value: BigInt(neg ? -BigInt(n.text) : BigInt(n.text)) }
          : { kind: "float", value: Number(text) };
      return { k: "lit", lit, span: { start: t.start, end: n.end } };
    }
    if (this.is("{")) return this.object();
    if (this.is("[")) {
      this.next();
      const elems: TypeExpr[] = [];
      while (!this.is("]")) {
        elems.push(this.type());
        if (!this.is(",")) break;
        this.next();
      }
      this.expect("]");
      return { k: "tup", elems, span: { start: t.start, end: this.prevEnd } };
    }
    if (this.is("(")) return this.parenOrFunction();
    return this.fail(t);
  }

  private object(): TypeExpr {
    const open = this.next();
    const fields: { name: string; type: TypeExpr; optional: boolean }[] = [];
    let wild: TypeExpr | null = null;
    let iface = false;
    while (!this.is("}")) {
      const key = this.peek();
      if (this.is("...")) {
        this.next();
        iface = true;
      } else if (this.is("*")) {
        this.next();
        this.expect(":");
        wild = this.type();
      } else if (key.kind === "ident" || key.kind === "str") {
        this.next();
        let optional = false;
        if (this.is("?")) {
          this.next();
          optional = true;
        }
        this.expect(":");
        fields.push({ name: key.kind === "str" ? key.value! : key.text, type: this.type(), optional });
      } else this.fail(key, "Expected field name");
      if (!this.is(",")) break;
      this.next();
    }
    this.expect("}");
    const span = { start: open.start, end: this.prevEnd };
    if (iface) return { k: "iface", fields: fields.map(({ name, type }) => ({ name, type })), span };
    return { k: "obj", fields, wild, span };
  }

  /** `(T)`, `(a: T, U, ...rest: Array<V>) => R`, `() => R`. */
  private parenOrFunction(): TypeExpr {
    const open = this.next();
    const params: { name: string | null; type: TypeExpr }[] = [];
    let variadic: { name: string | null; type: TypeExpr } | null = null;
    while (!this.is(")")) {
      const isVariadic = this.is("...");
      if (isVariadic) this.next();
      let name: string | null = null;
      if (this.peek().kind === "ident" && this.is(":", 1)) {
        name = this.next().text;
        this.next();
      }
      const type = this.type();
      if (isVariadic) variadic = { name, type };
      else params.push({ name, type });
      if (!this.is(",")) break;
      this.next();
    }
    this.expect(")");
    if (this.is("=>")) {
      this.next();
      const ret = this.type();
      return { k: "fn", params, variadic, ret, span: { start: open.start, end: ret.span.end } };
    }
    if (params.length === 1 && !variadic && params[0]!.name === null) {
      const inner = params[0]!.type;
      return { ...inner, span: { start: open.start, end: this.prevEnd } };
    }
    return this.fail(this.peek(), "Expected `=>`");
  }

  end(): void {
    const t = this.peek();
    if (t.kind !== "eof") this.fail(t, "Expected end of type");
  }

  /** A UDF signature as FSL writes it: `(a: T, b: U): R` (the return type optional). */
  signature(): {
    params: { name: string | null; type: TypeExpr }[];
    variadic: { name: string | null; type: TypeExpr } | null;
    ret: TypeExpr | null;
  } {
    this.expect("(");
    const params: { name: string | null; type: TypeExpr | null }[] = [];
    let variadic: { name: string | null; type: TypeExpr | null } | null = null;
    while (!this.is(")")) {
      const isVariadic = this.is("...");
      if (isVariadic) this.next();
      const nameTok = this.next();
      if (nameTok.kind !== "ident") this.fail(nameTok, "Expected parameter name");
      let type: TypeExpr | null = null;
      if (this.is(":")) {
        this.next();
        type = this.type();
      }
      if (isVariadic) variadic = { name: nameTok.text, type };
      else params.push({ name: nameTok.text, type });
      if (!this.is(",")) break;
      this.next();
    }
    this.expect(")");
    let ret: TypeExpr | null = null;
    if (this.is(":")) {
      this.next();
      ret = this.type();
    }
    this.end();
    const anyId = (s: Span): TypeExpr => ({ k: "id", name: "Any", span: s });
    const close = this.prevEnd;
    return {
      params: params.map((p) => ({ name: p.name, type: p.type ?? anyId({ start: close, end: close }) })),
      variadic: variadic && {
        name: variadic.name,
        type: variadic.type ?? {
          k: "cons",
          name: "Array",
          args: [anyId({ start: close, end: close })],
          span: { start: close, end: close },
        },
      },
      ret,
    };
  }
}

/** Parses a type expression; spans are offsets into the source the text starts at `offset` of. */
export function parseTypeExpr(text: string, offset = 0): TypeExpr {
  const p = new TypeParser(lex(text, offset));
  const t = p.type();
  p.end();
  return t;
}

/** Parses an FSL function signature `(a: T, ...rest: Array<U>): R`; missing parameter types are `Any`. */
export function parseSignature(text: string, offset = 0) {
  return new TypeParser(lex(text, offset)).signature();
}

/** Renders a type expression back to FQL syntax (used for diagnostics and tests). */
export function showTypeExpr(t: TypeExpr): string {
  switch (t.k) {
    case "id":
      return t.name;
    case "cons":
      return `${t.name}<${t.args.map(showTypeExpr).join(", ")}>`;
    case "lit":
      return t.lit === null ? "Null" : t.lit.kind === "str" ? JSON.stringify(t.lit.value) : String(t.lit.value);
    case "obj": {
      const fs = t.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${showTypeExpr(f.type)}`);
      if (t.wild) fs.push(`*: ${showTypeExpr(t.wild)}`);
      return fs.length ? `{ ${fs.join(", ")} }` : "{}";
    }
    case "iface":
      return `{ ${[...t.fields.map((f) => `${f.name}: ${showTypeExpr(f.type)}`), "..."].join(", ")} }`;
    case "tup":
      return `[${t.elems.map(showTypeExpr).join(", ")}]`;
    case "fn": {
      const ps = t.params.map((p) => (p.name ? `${p.name}: ` : "") + showTypeExpr(p.type));
      if (t.variadic) ps.push(`...${t.variadic.name ? `${t.variadic.name}: ` : ""}${showTypeExpr(t.variadic.type)}`);
      return `(${ps.join(", ")}) => ${showTypeExpr(t.ret)}`;
    }
    case "union":
      return t.members.map(showTypeExpr).join(" | ");
    case "inter":
      return t.members.map(showTypeExpr).join(" & ");
    case "opt":
      return `${showTypeExpr(t.inner)}?`;
  }
}
