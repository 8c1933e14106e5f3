// Lexical scopes for the evaluator. Globals (collections, UDFs, modules) are resolved by the
// evaluator after the scope chain is exhausted.
import type { Value } from "../../core/index.js";

export class Scope {
  private readonly vars = new Map<string, Value>();

  constructor(readonly parent: Scope | null = null) {}

  define(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  /** The bound value, or `undefined` when unbound in every enclosing scope. */
  lookup(name: string): Value | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined || s.vars.has(name)) return v;
    }
    return undefined;
  }

  has(name: string): boolean {
    for (let s: Scope | null = this; s; s = s.parent) if (s.vars.has(name)) return true;
    return false;
  }
}
