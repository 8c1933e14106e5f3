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
    return Scope.binding(this, name)?.vars.get(name);
  }

  has(name: string): boolean {
    return Scope.binding(this, name) !== null;
  }

  /** The innermost scope, from `start` outwards, that binds `name`. */
  private static binding(start: Scope, name: string): Scope | null {
    for (let s: Scope | null = start; s; s = s.parent) if (s.vars.has(name)) return s;
    return null;
  }
}
