// What the engine remembers about cursors between queries: sets that cannot travel inside their
// cursor string (kept for the server's lifetime, bounded), and each database's signing key.
import { createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import type { Store } from "../store/index.js";
import type { CursorState } from "./set-source.js";

const MAX_CURSORS = 50_000;

export class CursorMemory {
  private readonly cursors = new Map<string, CursorState>();
  private readonly keys = new WeakMap<Store, KeyObject>();

  /** Keeps `state` under a new random id (the oldest is dropped past the bound). */
  remember(state: CursorState): string {
    if (this.cursors.size >= MAX_CURSORS) {
      const oldest = this.cursors.keys().next().value;
      if (oldest !== undefined) this.cursors.delete(oldest);
    }
    const id = randomBytes(18).toString("base64url");
    this.cursors.set(id, state);
    return id;
  }

  recall(id: string): CursorState | undefined {
    return this.cursors.get(id);
  }

  forget(id: string): void {
    this.cursors.delete(id);
  }

  /** The key a database signs its cursors with: made once, kept in the database's meta. */
  signingKey(store: Store): KeyObject {
    const known = this.keys.get(store);
    if (known) return known;
    const stored = store.getMeta("cursor_key");
    if (stored) {
      // A KeyObject, so each signature does not import the raw key again.
      const key = createSecretKey(Buffer.from(stored, "base64url"));
      this.keys.set(store, key);
      return key;
    }
    // Not remembered until read back from storage: this transaction may yet roll back (e.g.
    // another worker made the key first), and then its key never existed.
    const key = randomBytes(32);
    store.setMeta("cursor_key", key.toString("base64url"));
    return createSecretKey(key);
  }
}
