// Per-query state: the transaction's store and schema, the snapshot time, who is asking,
// the deadline, and counters reported in `stats`.
import type { Access } from "../../db/auth/access.js";
import type { CompiledSchema } from "../../db/schema.js";
import { ROOT_DB, type DbInfo } from "../../db/databases.js";
import { ProtocolError, QueryError } from "../../core/errors.js";
import type { StoredDoc, Store } from "../../store/types.js";
import { equals as structuralEquals } from "../../core/compare.js";
import type { CallContext } from "../stdlib/types.js";
import { time, type DocValue, type NamedDocValue, type TimeValue, type Value } from "../../core/values.js";

/** Fauna's stack depth limit for FQL frames. */
export const MAX_FRAMES = 2048;

/** 440 time_out: the client's `x-query-timeout-ms` ran out. */
export const deadlineExceeded = (timeoutMs: number) =>
  new ProtocolError("time_out", `Client set aggressive deadline: query needs more than ${timeoutMs} ms, timed out within ${timeoutMs} ms.`, 440);

export interface ContextHooks {
  call(ctx: QueryContext, fn: Value, args: Value[]): Value;
  display(ctx: QueryContext, v: Value): string;
  /** Whether a document (or schema document) exists and is readable by the current access. */
  isLiveDoc(ctx: QueryContext, v: DocValue | NamedDocValue): boolean;
  /** Applies new schema files inside this transaction (FQL schema writes). */
  applySchema(ctx: QueryContext, files: Map<string, string>): void;
  /** The root database's store (global lookups: databases by id, keys by id). */
  rootStore(): Store;
  /** The store of any database. */
  storeOf(db: DbInfo): Store;
  /** Drops cached state of a deleted database (and its children). */
  forgetDatabase(db: DbInfo): void;
}

export class QueryContext implements CallContext {
  /** Privileges in force right now (changes inside `@role` UDFs and predicates). */
  access: Access;
  /** >0 while evaluating predicates: writes are `invalid_effect`. */
  readOnlyDepth = 0;
  frames = 0;
  computeOps = 0;
  readOps = 0;
  writeOps = 0;
  bytesRead = 0;
  bytesWritten = 0;
  readonly logs: string[] = [];
  /** Documents read in this transaction, invalidated by our own writes. */
  readonly docCache = new Map<string, StoredDoc | null>();
  /**
   * Snapshot for set iteration while serving a cursor (`Set.paginate`): documents written
   * after it are read as they were then. Null = this transaction's own view.
   */
  readTs: bigint | null = null;
  /** Whether this query changed the schema (bumps schema_version). */
  schemaChanged = false;
  private ticks = 0;

  constructor(
    readonly store: Store,
    public schema: CompiledSchema,
    /** Transaction timestamp, microseconds. */
    readonly txnTs: bigint,
    readonly deadline: number,
    readonly timeoutMs: number,
    /** The caller's access: used for rendering the result. */
    readonly callerAccess: Access,
    readonly hooks: ContextHooks,
    readonly newId: () => string,
    /** The database this query runs in. */
    readonly db: DbInfo = ROOT_DB,
  ) {
    this.access = callerAccess;
  }

  call(fn: Value, args: Value[]): Value {
    return this.hooks.call(this, fn, args);
  }

  now(): TimeValue {
    return time(this.txnTs * 1000n);
  }

  /** Snapshot time in epoch nanoseconds. */
  get nowNanos(): bigint {
    return this.txnTs * 1000n;
  }

  tick(): void {
    this.computeOps++;
    // Date.now() is cheap but not free: look at the clock every 256 steps.
    if ((++this.ticks & 0xff) === 0 && Date.now() > this.deadline) throw deadlineExceeded(this.timeoutMs);
  }

  equals(a: Value, b: Value): boolean {
    // A document that does not exist (or cannot be read) equals null.
    if (a === null && b !== null && isDocLike(b)) return !this.hooks.isLiveDoc(this, b);
    if (b === null && a !== null && isDocLike(a)) return !this.hooks.isLiveDoc(this, a);
    return structuralEquals(a, b);
  }

  display(v: Value): string {
    return this.hooks.display(this, v);
  }

  /** Throws `invalid_effect` when called from a read-only context (predicates). */
  assertWritable(): void {
    if (this.readOnlyDepth > 0) {
      throw new QueryError("invalid_effect", "`write` performed when only reads are allowed.");
    }
  }

  /** Runs `fn` with other privileges, restoring the current ones afterwards. */
  withAccess<T>(access: Access, fn: () => T): T {
    const saved = this.access;
    this.access = access;
    try {
      return fn();
    } finally {
      this.access = saved;
    }
  }

  readOnly<T>(fn: () => T): T {
    this.readOnlyDepth++;
    try {
      return fn();
    } finally {
      this.readOnlyDepth--;
    }
  }
}

function isDocLike(v: Value): v is DocValue | NamedDocValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && (v.kind === "doc" || v.kind === "named");
}
