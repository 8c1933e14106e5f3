// What evaluating FQL needs from the query it runs in. The language knows no database: what
// documents, collections, schema documents, sets and UDFs mean is the host's, a set of
// callbacks the db layer implements and hands down on the context.
import type { DocValue, ModuleValue, NamedDocValue, ObjectValue, SetValue, Value } from "../../core/index.js";
import type { CallContext } from "../stdlib/index.js";

/** Values whose members the host defines. */
export type HostValue = DocValue | NamedDocValue | ModuleValue | SetValue;

/**
 * The database behind the language. Where a member lookup may fall back to the language (a
 * module of the standard library, a function stored in a field), `undefined` hands it back.
 * `C` is the host's own context: the one it is handed down on.
 */
export interface Host<C extends EvalContext = EvalContext> {
  /** A global the database defines (a collection, a UDF, `Key`, `Set`, `Query`...), else undefined. */
  global(ctx: C, name: string): Value | undefined;
  /** A module every database has (`Collection`, `Key`, `Set`, `Query`...), never a user's collection or UDF. */
  nativeGlobal(name: string): Value | undefined;
  /** `target.name`; undefined for a module the database does not own. */
  field(ctx: C, target: DocValue | NamedDocValue | ModuleValue, name: string): Value | undefined;
  /** `target.name(args)`; undefined when the database has no such method (the language looks further). */
  method(ctx: C, target: HostValue, name: string, args: Value[]): Value | undefined;
  /** Calls a user-defined function: its privilege check, its `@role`, its body. */
  callUdf(ctx: C, name: string, args: Value[]): Value;
  /** Whether a document or schema document resolves now; one that does not acts as null. */
  exists(ctx: C, v: DocValue | NamedDocValue): boolean;
  /** Postfix `!` on a document: throws what Fauna raises when it does not resolve. */
  mustExist(ctx: C, v: DocValue | NamedDocValue): void;
  /** A document's fields as an object (`toString()`, the Object module). */
  toObject(ctx: C, v: DocValue | NamedDocValue): ObjectValue;
  /** `array.toSet()`. */
  toSet(ctx: C, items: Value[]): SetValue;
}

/** The source being evaluated: its name locates errors, its text travels with lambdas in cursors. */
export interface Source {
  readonly name: string;
  readonly text: string | null;
}

/** Per-query evaluation state, as the evaluator sees it (see `Evaluation`). */
export interface EvalContext extends CallContext {
  readonly host: Host;
  /** Transaction time, microseconds. */
  readonly txnTs: bigint;
  /** FQL frames on the stack (Fauna's limit is `MAX_FRAMES`). */
  frames: number;
  /** `log()` / `dbg()` output, returned in the query's summary. */
  readonly logs: string[];
  /** What is being evaluated right now: the query, a UDF body, a schema snippet. */
  source: Source;
  /** A fresh document id (`newId()`). */
  newId(): string;
}

/** Fauna's stack depth limit for FQL frames. */
export const MAX_FRAMES = 2048;
