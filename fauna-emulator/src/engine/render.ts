// Turns a query's result into its wire shape with the CALLER's permissions (reference §3.4):
// documents reachable from the result are materialized, sets render their first page, and
// documents the caller cannot read become null documents (`cause: "permission denied"`).
import type { DocValue, NamedDocValue, Value } from "../core/index.js";
import {
  docAsObject,
  docState,
  namedFields,
  page,
  pageSizeOf,
  sourceOf,
  startCursor,
  type QueryContext,
} from "../db/index.js";
import type { Rendered } from "./types.js";

/** Fauna materializes nested sets up to this depth; deeper ones render as cursors. */
const MAX_SET_DEPTH = 10;

export function render(ctx: QueryContext, v: Value): Rendered {
  return ctx.withAccess(ctx.callerAccess, () => renderValue(ctx, v, 0));
}

function renderValue(ctx: QueryContext, v: Value, setDepth: number): Rendered {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => renderValue(ctx, x, setDepth));
  if (v instanceof Map) {
    const m = new Map<string, Rendered>();
    for (const [k, x] of v) m.set(k, renderValue(ctx, x, setDepth));
    return m;
  }
  switch (v.kind) {
    case "doc":
      return renderDoc(ctx, v);
    case "named":
      return renderNamed(ctx, v);
    case "set": {
      const src = sourceOf(v);
      if (setDepth >= MAX_SET_DEPTH) return { kind: "rendered-set", data: null, after: startCursor(ctx, src) };
      const p = page(ctx, src, pageSizeOf(src));
      return { kind: "rendered-set", data: p.data.map((x) => renderValue(ctx, x, setDepth + 1)), after: p.after };
    }
    default:
      return v;
  }
}

function renderDoc(ctx: QueryContext, ref: DocValue): Rendered {
  const st = docState(ctx, ref);
  if (!st.ok) return { kind: "rendered-null-doc", coll: ref.coll, id: ref.id, cause: st.cause };
  const fields = ref.override ?? docAsObject(ctx, ref);
  const out = new Map<string, Rendered>();
  for (const [k, x] of fields) out.set(k, renderField(ctx, x));
  return { kind: "rendered-doc", fields: out };
}

/**
 * Values inside a document: nested documents stay references, and sets (computed fields such
 * as `compute orders: Set<Order>`) render as a cursor to their first page, as Fauna does.
 */
function renderField(ctx: QueryContext, v: Value): Rendered {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => renderField(ctx, x));
  if (v instanceof Map) {
    const m = new Map<string, Rendered>();
    for (const [k, x] of v) m.set(k, renderField(ctx, x));
    return m;
  }
  if (v.kind === "doc") return { kind: "rendered-ref", coll: v.coll, id: v.id };
  if (v.kind === "named") return { kind: "rendered-ref", coll: v.coll, name: v.name };
  if (v.kind === "set") return { kind: "rendered-set", data: null, after: startCursor(ctx, sourceOf(v)) };
  return v;
}

function renderNamed(ctx: QueryContext, v: NamedDocValue): Rendered {
  const fields = namedFields(ctx, v);
  if (!fields) return { kind: "rendered-null-doc", coll: v.coll, name: v.name, cause: v.cause ?? "not found" };
  const out = new Map<string, Rendered>();
  for (const [k, x] of fields) out.set(k, renderField(ctx, x));
  return { kind: "rendered-doc", fields: out };
}
