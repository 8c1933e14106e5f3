// Lazy Sets. A set is a tree of sources; iteration yields (value, position) pairs where the
// position lets a cursor resume by seeking storage (ids / index keys), never by re-reading
// from the start. Unreadable and expired documents are filtered out silently (§6.4).
import { QueryError, doc, int, isArray, isSet, isNumber, toJsNumber, type Value } from "../../core/index.js";
import { arrayMembers } from "../../fql/index.js";
import type { StoredDoc } from "../../store/index.js";
import { canRead, hasReadEntry } from "../auth/permissions.js";
import type { QueryContext } from "../context.js";
import { loadDoc } from "../documents.js";
import { storageIndexName } from "../indexes.js";
import { sourceOf, type CursorState, type Pos, type SetSource } from "../set-source.js";
import { decodeCursor, encodeCursor } from "./cursor-codec.js";

export const DEFAULT_PAGE_SIZE = 16;
export const MAX_PAGE_SIZE = 16000;
/** Storage rows read per step of a scan, at most; scans start at what the caller wants. */
const BATCH = 64;

/** The first batch for a caller that wants `want` elements (unknown: a small one), then 4× per batch. */
const firstBatch = (want: number | undefined) => Math.min(BATCH, Math.max(1, want ?? 16));

interface Item {
  v: Value;
  pos: Pos;
}

/**
 * Yields the set's elements after position `after` (undefined = from the start). `want` is how
 * many the caller expects to take (a hint: a page reads 13 rows for 12 items, not 64).
 */
export function* iterate(ctx: QueryContext, src: SetSource, after?: Pos, want?: number): Generator<Item> {
  switch (src.t) {
    case "all": {
      let afterId = after as string | undefined;
      for (let limit = firstBatch(want); ; limit = Math.min(BATCH, limit * 4)) {
        const scan = { afterId, fromId: src.fromId, toId: src.toId, limit };
        const batch =
          ctx.readTs === null ? ctx.store.scanDocs(src.coll, scan) : ctx.store.scanDocsAt(src.coll, scan, ctx.readTs);
        ctx.readOps += batch.length;
        for (const current of batch) {
          afterId = current.id;
          ctx.tick();
          const stored = atSnapshot(ctx, current);
          if (!stored || (stored.ttl !== null && stored.ttl <= ctx.nowNanos)) continue;
          if (stored === current) ctx.docCache.set(`${stored.coll}/${stored.id}`, stored);
          if (!canRead(ctx, stored)) continue;
          yield { v: doc(src.coll, stored.id), pos: stored.id };
        }
        if (batch.length < limit) return;
      }
    }
    case "index": {
      if (!hasReadEntry(ctx, src.coll)) {
        throw new QueryError("permission_denied", `Insufficient privileges to read from collection ${src.coll}.`);
      }
      const name = storageIndexName(src.index);
      let seek = after as { values: Value[]; id: string } | undefined;
      for (let limit = firstBatch(want); ; limit = Math.min(BATCH, limit * 4)) {
        const hits = ctx.store.scanIndex(src.coll, name, src.terms, {
          from: src.from,
          to: src.to,
          after: seek,
          limit,
        });
        for (const h of hits) {
          seek = h;
          ctx.tick();
          const current = loadDoc(ctx, src.coll, h.id);
          const stored = current && atSnapshot(ctx, current);
          if (!stored || !canRead(ctx, stored)) continue;
          yield { v: doc(src.coll, h.id), pos: h };
        }
        if (hits.length < limit) return;
      }
    }
    case "items": {
      for (let i = after === undefined ? 0 : (after as number) + 1; i < src.items.length; i++) {
        ctx.tick();
        yield { v: src.items[i]!, pos: i };
      }
      return;
    }
    case "range": {
      for (let i = after === undefined ? src.from : (after as number) + 1; i < src.until; i++) {
        ctx.tick();
        yield { v: int(i), pos: i };
      }
      return;
    }
    case "where":
      for (const it of iterate(ctx, src.src, after, want)) {
        const keep = ctx.call(src.pred, [it.v]);
        if (keep === true) yield it;
        else if (keep !== false && keep !== null) {
          throw new QueryError("invalid_argument", "expected value for `predicate` to return Boolean");
        }
      }
      return;
    case "map":
      for (const it of iterate(ctx, src.src, after, want)) yield { v: ctx.call(src.fn, [it.v]), pos: it.pos };
      return;
    case "flatMap": {
      // Position: where the outer element started (prev) and how many inner items were taken.
      const resume = after as { prev: Pos; k: number } | undefined;
      let prev: Pos = resume?.prev;
      let skip = resume ? resume.k + 1 : 0;
      for (const outer of iterate(ctx, src.src, prev)) {
        const inner = ctx.call(src.fn, [outer.v]);
        const items = isSet(inner)
          ? iterate(ctx, sourceOf(inner))
          : isArray(inner)
            ? inner.map((v, i) => ({ v, pos: i }))
            : null;
        if (!items) throw new QueryError("invalid_argument", "expected value for `mapper` to return Set or Array");
        let k = 0;
        for (const it of items) {
          if (k >= skip) yield { v: it.v, pos: { prev, k } };
          k++;
        }
        skip = 0;
        prev = outer.pos;
      }
      return;
    }
    case "take": {
      const resume = after as { p: Pos; c: number } | undefined;
      let c = resume?.c ?? 0;
      if (c >= src.n) return;
      for (const it of iterate(ctx, src.src, resume?.p, want === undefined ? src.n - c : Math.min(want, src.n - c))) {
        c++;
        yield { v: it.v, pos: { p: it.pos, c } };
        if (c >= src.n) return;
      }
      return;
    }
    case "drop": {
      let skip = after === undefined ? src.n : 0;
      for (const it of iterate(ctx, src.src, after, want === undefined ? undefined : want + skip)) {
        if (skip > 0) {
          skip--;
          continue;
        }
        yield it;
      }
      return;
    }
    case "sorted":
    case "reverse":
    case "distinct": {
      // Reordering needs every element; positions are offsets into the materialized order.
      const all = materialize(ctx, src);
      for (let i = after === undefined ? 0 : (after as number) + 1; i < all.length; i++) yield { v: all[i]!, pos: i };
      return;
    }
    case "concat": {
      const resume = after as { w: 0 | 1; p: Pos } | undefined;
      if (!resume || resume.w === 0) {
        for (const it of iterate(ctx, src.a, resume?.p, want)) yield { v: it.v, pos: { w: 0, p: it.pos } };
      }
      for (const it of iterate(ctx, src.b, resume?.w === 1 ? resume.p : undefined, want))
        yield { v: it.v, pos: { w: 1, p: it.pos } };
      return;
    }
    case "paged":
      yield* iterate(ctx, src.src, after, want);
      return;
  }
}

/** The version a cursor's snapshot sees: documents written after it are read as of then. */
function atSnapshot(ctx: QueryContext, current: StoredDoc): StoredDoc | null {
  if (ctx.readTs === null || current.ts <= ctx.readTs) return current;
  return ctx.store.getDocAt(current.coll, current.id, ctx.readTs);
}

function materialize(ctx: QueryContext, src: Extract<SetSource, { t: "sorted" | "reverse" | "distinct" }>): Value[] {
  const items = toArray(ctx, src.src);
  if (src.t === "reverse") return items.reverse();
  if (src.t === "distinct") {
    const out: Value[] = [];
    for (const v of items) if (!out.some((o) => ctx.equals(o, v))) out.push(v);
    return out;
  }
  return arrayMembers.methods.order!(ctx, items, src.orderings) as Value[];
}

export function toArray(ctx: QueryContext, src: SetSource, limit = MAX_PAGE_SIZE): Value[] {
  const out: Value[] = [];
  for (const it of iterate(ctx, src)) {
    if (out.length >= limit) {
      throw new QueryError("invalid_bounds", `expected the set to contain at most ${limit} elements`);
    }
    out.push(it.v);
  }
  return out;
}

/** The page size a set asks for (`pageSize(n)` anywhere down a chain of lazy wrappers). */
export function pageSizeOf(src: SetSource): number {
  for (let s: SetSource | undefined = src; s;) {
    if (s.t === "paged") return s.size;
    s = "src" in s ? s.src : undefined;
  }
  return DEFAULT_PAGE_SIZE;
}

// ---- cursors --------------------------------------------------------------------------------

// Cursors normally carry their whole state (cursor-codec.ts). Sets that cannot be encoded
// fall back to the engine's memory for the server's lifetime (bounded); a stale one is `invalid_cursor`.
/** How long a cursor stays valid (and superseded versions are kept for its snapshot). */
export const CURSOR_LIFETIME_MICROS = 24n * 3600n * 1_000_000n;

function registerCursor(ctx: QueryContext, state: CursorState): string {
  return encodeCursor(ctx, state) ?? ctx.hooks.cursors.remember(state);
}

export interface Page {
  data: Value[];
  after: string | null;
}

export function page(ctx: QueryContext, src: SetSource, size: number, after?: Pos): Page {
  const data: Value[] = [];
  let last: Pos = after;
  let more = false;
  for (const it of iterate(ctx, src, after, size + 1)) {
    if (data.length === size) {
      more = true;
      break;
    }
    data.push(it.v);
    last = it.pos;
  }
  // Documents on a later page are read (and rendered) as of the first page's snapshot.
  const at = ctx.readTs;
  const items =
    at === null
      ? data
      : data.map((v) =>
          v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map) && v.kind === "doc"
            ? { ...v, at }
            : v,
        );
  return {
    data: items,
    after: more ? registerCursor(ctx, { src, pos: last, size, ts: ctx.readTs ?? ctx.txnTs }) : null,
  };
}

/** A cursor to the first page of a set, for sets rendered without materializing them. */
export function startCursor(ctx: QueryContext, src: SetSource): string {
  return registerCursor(ctx, { src, pos: undefined, size: pageSizeOf(src), ts: ctx.readTs ?? ctx.txnTs });
}

export function paginateCursor(ctx: QueryContext, cursor: Value, size: Value | undefined): Page {
  if (typeof cursor !== "string")
    throw new QueryError(
      "invalid_argument",
      "expected value for `cursor` of type String, received " + (cursor === null ? "Null" : typeof cursor),
    );
  const state = decodeCursor(ctx, cursor) ?? ctx.hooks.cursors.recall(cursor);
  if (!state || state.ts < ctx.txnTs - CURSOR_LIFETIME_MICROS) {
    ctx.hooks.cursors.forget(cursor);
    throw new QueryError("invalid_cursor", "Cursor cursor is invalid or expired.");
  }
  const n = size === undefined ? state.size : checkSize(size);
  const saved = ctx.readTs;
  ctx.readTs = state.ts;
  try {
    return page(ctx, state.src, n, state.pos);
  } finally {
    ctx.readTs = saved;
  }
}

export function checkSize(v: Value, name = "size"): number {
  if (!isNumber(v) || !Number.isInteger(toJsNumber(v)))
    throw new QueryError("invalid_argument", `expected value for \`${name}\` of type Int`);
  const n = toJsNumber(v);
  if (n < 1 || n > MAX_PAGE_SIZE) {
    throw new QueryError(
      "invalid_bounds",
      `expected \`${name}\` to be between 1 and ${MAX_PAGE_SIZE} (inclusive), received ${n}`,
    );
  }
  return n;
}

export function countOf(ctx: QueryContext, src: SetSource): Value {
  let n = 0;
  for (const _ of iterate(ctx, src)) n++;
  return int(n);
}
