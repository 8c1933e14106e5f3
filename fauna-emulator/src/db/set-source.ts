// What a Set value is made of: a tree of sources, lazily iterated (sets/sets.ts) and carried
// inside cursors (sets/cursor-codec.ts), and the state a cursor resumes from.
import type { SetValue, Value } from "../core/index.js";
import type { StoredIndex } from "./schema.js";

export type SetSource =
  | { t: "all"; coll: string; fromId?: string; toId?: string }
  | { t: "index"; coll: string; index: StoredIndex; terms: Value[]; from?: Value[]; to?: Value[] }
  | { t: "items"; items: Value[] }
  | { t: "range"; from: number; until: number }
  | { t: "where"; src: SetSource; pred: Value }
  | { t: "map"; src: SetSource; fn: Value }
  | { t: "flatMap"; src: SetSource; fn: Value }
  | { t: "take"; src: SetSource; n: number }
  | { t: "drop"; src: SetSource; n: number }
  | { t: "sorted"; src: SetSource; orderings: Value[] }
  | { t: "reverse"; src: SetSource }
  | { t: "distinct"; src: SetSource }
  | { t: "concat"; a: SetSource; b: SetSource }
  | { t: "paged"; src: SetSource; size: number };

/** Where iteration stopped, shaped like the source tree (see `iterate`). */
export type Pos = unknown;

/** A cursor: the set, the position after the last page, the page size and the snapshot it reads at. */
export interface CursorState {
  src: SetSource;
  pos: Pos;
  size: number;
  ts: bigint;
}

export const makeSet = (source: SetSource): SetValue => ({ kind: "set", source });
export const sourceOf = (s: SetValue): SetSource => s.source as SetSource;
