// Storage names for indexes: a definition change yields a new name, so a changed index is
// rebuilt from the documents instead of serving stale entries.
import { createHash } from "node:crypto";
import type { StoredIndex } from "./schema.js";

const names = new WeakMap<StoredIndex, string>();

export function storageIndexName(ix: StoredIndex): string {
  let name = names.get(ix);
  if (name === undefined) {
    const sig = createHash("sha1")
      .update(JSON.stringify([ix.terms, ix.values, ix.unique]))
      .digest("hex")
      .slice(0, 10);
    names.set(ix, (name = `${ix.name}#${sig}`));
  }
  return name;
}
