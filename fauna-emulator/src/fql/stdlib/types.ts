// What the standard library sees of the query it runs in, and the shapes of its members.
import type { QueryError, DocValue, NamedDocValue, ObjectValue, TimeValue, Value } from "../../core/index.js";

export interface CallContext {
  /** Invoke an FQL callable (lambda / native / UDF) with arguments. */
  call(fn: Value, args: Value[]): Value;
  /** The query's snapshot time (same value throughout one query). */
  now(): TimeValue;
  /** Count one unit of compute; throws if the query deadline passed. Call it in loops. */
  tick(): void;
  /** FQL `==` (knows that a missing/unreadable document equals null). */
  equals(a: Value, b: Value): boolean;
  /** Display string for `toString()`/`+`/interpolation of documents and other engine values. */
  display(v: Value): string;
  /**
   * A document as an object of all its fields (id, coll, ts, data…), for Object.keys/values/
   * entries/assign. A QueryError returned instead (a missing or unreadable document) is reported
   * as Fauna does: `invalid argument \`source\`: <message with lower-cased first letter>`.
   */
  documentObject(doc: DocValue | NamedDocValue): ObjectValue | QueryError;
}
export type Method = (ctx: CallContext, self: Value, args: Value[]) => Value;
export interface TypeMembers {
  methods: Record<string, Method>;
  /** Property-like members, e.g. `"abc".length`, `[1,2].length`. */
  props: Record<string, (self: Value) => Value>;
}
/** A global module such as `Math`, `Time`, `Date`, `Object`, `String`. */
export interface ModuleMembers extends TypeMembers {
  /** Calling the module itself, e.g. `Time("2024-01-01T00:00:00Z")`, `Date("2024-01-01")`. */
  call?: Method;
}
