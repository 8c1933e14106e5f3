// Stateless cursors: a set's source tree, its position and snapshot, serialized into the
// cursor string itself (signed with a per-database key), so cursors survive restarts and cost
// no server memory. Lambdas travel as their source text plus the values of their free
// variables; sets that hold anything else (e.g. engine-internal closures) are not encodable.
import { createHmac, timingSafeEqual } from "node:crypto";
import { QueryError, type LambdaValue, type Value } from "../../core/index.js";
import {
  GLOBAL_FUNCTIONS,
  Scope,
  evalBlock,
  freeNames,
  lambdaText,
  parseExpression,
  type Expr,
  type Lambda,
  type LambdaBody,
} from "../../fql/index.js";
import { decodeValue, encodeValue } from "../../store/index.js";
import type { QueryContext } from "../context.js";
import type { StoredIndex } from "../schema.js";
import type { CursorState, SetSource } from "../set-source.js";

type J = null | boolean | number | string | J[] | { [k: string]: J };

class NotEncodable extends Error {}

const PREFIX = "c1.";
const MAX_JSON = 8 * 1024;

// ---- values ---------------------------------------------------------------------------------

function encValue(v: Value): J {
  if (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map)) {
    switch (v.kind) {
      case "lambda":
        return encLambda(v);
      case "native": {
        const name = Object.keys(GLOBAL_FUNCTIONS).find((n) => GLOBAL_FUNCTIONS[n] === v);
        if (!name) throw new NotEncodable(v.name);
        return { n: name };
      }
      case "udf":
        return { u: v.name };
      case "module":
        return { m: v.name };
      case "set":
        return { set: encSource(v.source as SetSource) };
      case "doc":
        return { p: encodeValue({ kind: "doc", coll: v.coll, id: v.id }) };
      default:
        break;
    }
  }
  if (Array.isArray(v)) return { a: v.map(encValue) };
  if (v instanceof Map) return { o: [...v].map(([k, x]) => [k, encValue(x)]) };
  return { p: encodeValue(v) };
}

function encLambda(fn: LambdaValue): J {
  const body = fn.body as LambdaBody;
  const text = lambdaText(body);
  if (text === null) throw new NotEncodable("lambda without source text");
  const node: Lambda = {
    type: "Lambda",
    params: [...fn.params],
    variadic: fn.variadic,
    body: body.expr,
    span: body.span,
  };
  const env: [string, J][] = [];
  for (const name of freeNames(node)) {
    const v = (fn.scope as Scope).lookup(name);
    if (v !== undefined) env.push([name, encValue(v)]);
  }
  return { l: text, src: body.source, env };
}

function decValue(ctx: QueryContext, j: J): Value {
  const o = j as Record<string, J>;
  if ("p" in o) return decodeValue(o.p as string);
  if ("a" in o) return (o.a as J[]).map((x) => decValue(ctx, x));
  if ("o" in o) return new Map((o.o as [string, J][]).map(([k, x]) => [k, decValue(ctx, x)]));
  if ("n" in o) return GLOBAL_FUNCTIONS[o.n as string] ?? null;
  if ("u" in o) return { kind: "udf", name: o.u as string };
  if ("m" in o) return { kind: "module", name: o.m as string };
  if ("set" in o) return { kind: "set", source: decSource(ctx, o.set) };
  if ("l" in o) {
    const scope = new Scope();
    for (const [k, x] of o.env as [string, J][]) scope.define(k, decValue(ctx, x));
    const text = o.l as string;
    const expr: Expr = parseExpression(text, o.src as string);
    return evalBlock(
      ctx,
      { type: "Block", stmts: [{ type: "ExprStmt", expr, span: expr.span }], span: expr.span },
      scope,
      o.src as string,
      text,
    );
  }
  throw new Error("malformed cursor value");
}

// ---- sources and positions -----------------------------------------------------------------

function encSource(src: SetSource): J {
  switch (src.t) {
    case "all":
      return { t: src.t, coll: src.coll, fromId: src.fromId ?? null, toId: src.toId ?? null };
    case "index":
      return {
        t: src.t,
        coll: src.coll,
        index: JSON.parse(JSON.stringify(src.index)) as J,
        terms: src.terms.map(encValue),
        from: src.from ? src.from.map(encValue) : null,
        to: src.to ? src.to.map(encValue) : null,
      };
    case "items":
      return { t: src.t, items: src.items.map(encValue) };
    case "range":
      return { t: src.t, from: src.from, until: src.until };
    case "where":
      return { t: src.t, src: encSource(src.src), fn: encValue(src.pred) };
    case "map":
    case "flatMap":
      return { t: src.t, src: encSource(src.src), fn: encValue(src.fn) };
    case "take":
    case "drop":
      return { t: src.t, src: encSource(src.src), n: src.n };
    case "sorted":
      return { t: src.t, src: encSource(src.src), orderings: src.orderings.map(encValue) };
    case "reverse":
    case "distinct":
      return { t: src.t, src: encSource(src.src) };
    case "concat":
      return { t: src.t, a: encSource(src.a), b: encSource(src.b) };
    case "paged":
      return { t: src.t, src: encSource(src.src), size: src.size };
  }
}

function decSource(ctx: QueryContext, j: J): SetSource {
  const o = j as Record<string, J>;
  const sub = (k: string) => decSource(ctx, o[k]!);
  const vals = (k: string) => (o[k] === null ? undefined : (o[k] as J[]).map((x) => decValue(ctx, x)));
  switch (o.t) {
    case "all":
      return {
        t: "all",
        coll: o.coll as string,
        fromId: (o.fromId as string | null) ?? undefined,
        toId: (o.toId as string | null) ?? undefined,
      };
    case "index":
      return {
        t: "index",
        coll: o.coll as string,
        index: o.index as unknown as StoredIndex,
        terms: vals("terms")!,
        from: vals("from"),
        to: vals("to"),
      };
    case "items":
      return { t: "items", items: vals("items")! };
    case "range":
      return { t: "range", from: o.from as number, until: o.until as number };
    case "where":
      return { t: "where", src: sub("src"), pred: decValue(ctx, o.fn!) };
    case "map":
    case "flatMap":
      return { t: o.t, src: sub("src"), fn: decValue(ctx, o.fn!) };
    case "take":
    case "drop":
      return { t: o.t, src: sub("src"), n: o.n as number };
    case "sorted":
      return { t: "sorted", src: sub("src"), orderings: vals("orderings")! };
    case "reverse":
    case "distinct":
      return { t: o.t, src: sub("src") };
    case "concat":
      return { t: "concat", a: sub("a"), b: sub("b") };
    case "paged":
      return { t: "paged", src: sub("src"), size: o.size as number };
    default:
      throw new Error("malformed cursor source");
  }
}

/** Positions mirror the source tree (see sets.ts `iterate`). */
function encPos(src: SetSource, pos: unknown): J {
  if (pos === undefined) return null;
  switch (src.t) {
    case "all":
      return pos as string;
    case "index": {
      const h = pos as { values: Value[]; id: string };
      return { values: h.values.map(encValue), id: h.id };
    }
    case "where":
    case "map":
    case "drop":
    case "paged":
      return encPos(src.src, pos);
    case "flatMap": {
      const p = pos as { prev: unknown; k: number };
      return { prev: encPos(src.src, p.prev), k: p.k };
    }
    case "take": {
      const p = pos as { p: unknown; c: number };
      return { p: encPos(src.src, p.p), c: p.c };
    }
    case "concat": {
      const p = pos as { w: 0 | 1; p: unknown };
      return { w: p.w, p: encPos(p.w === 0 ? src.a : src.b, p.p) };
    }
    default:
      return pos as number;
  }
}

function decPos(ctx: QueryContext, src: SetSource, j: J): unknown {
  if (j === null) return undefined;
  const o = j as Record<string, J>;
  switch (src.t) {
    case "all":
      return j as string;
    case "index":
      return { values: (o.values as J[]).map((x) => decValue(ctx, x)), id: o.id as string };
    case "where":
    case "map":
    case "drop":
    case "paged":
      return decPos(ctx, src.src, j);
    case "flatMap":
      return { prev: decPos(ctx, src.src, o.prev!), k: o.k as number };
    case "take":
      return { p: decPos(ctx, src.src, o.p!), c: o.c as number };
    case "concat":
      return { w: o.w as number, p: decPos(ctx, o.w === 0 ? src.a : src.b, o.p!) };
    default:
      return j as number;
  }
}

// ---- signing --------------------------------------------------------------------------------

const sign = (ctx: QueryContext, body: string) =>
  createHmac("sha256", ctx.hooks.cursors.signingKey(ctx.store)).update(body).digest("base64url").slice(0, 32);

/** The cursor string for a state, or null when the set cannot travel in a cursor. */
export function encodeCursor(ctx: QueryContext, state: CursorState): string | null {
  let json: string;
  try {
    json = JSON.stringify({
      s: encSource(state.src),
      p: encPos(state.src, state.pos),
      n: state.size,
      ts: state.ts.toString(),
    });
  } catch (e) {
    if (e instanceof NotEncodable || e instanceof QueryError) return null;
    throw e;
  }
  if (json.length > MAX_JSON) return null;
  const body = Buffer.from(json).toString("base64url");
  return `${PREFIX}${body}.${sign(ctx, body)}`;
}

/** Decodes a cursor string; null when it is not a well-formed cursor signed by this database. */
export function decodeCursor(ctx: QueryContext, cursor: string): CursorState | null {
  if (!cursor.startsWith(PREFIX)) return null;
  const [body, sig] = cursor.slice(PREFIX.length).split(".");
  if (!body || !sig) return null;
  const expected = Buffer.from(sign(ctx, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const o = JSON.parse(Buffer.from(body, "base64url").toString()) as { s: J; p: J; n: number; ts: string };
    const src = decSource(ctx, o.s);
    return { src, pos: decPos(ctx, src, o.p), size: o.n, ts: BigInt(o.ts) };
  } catch {
    return null;
  }
}
