// Per-query state of the database: the transaction's store and schema, who is asking, the
// documents read so far, the snapshot a cursor reads at, and the counters reported in `stats`.
// Evaluation state (frames, compute, logs, the deadline) comes from the language's `Evaluation`.
import { QueryError } from "../core/index.js";
import { Evaluation, type EvaluationOptions, type Host } from "../fql/index.js";
import type { Store, StoredDoc } from "../store/index.js";
import type { Access } from "./access.js";
import type { CursorMemory } from "./cursor-memory.js";
import { ROOT_DB, type DbInfo } from "./databases.js";
import type { CompiledSchema } from "./schema.js";

/** What a query asks of the engine that runs it: state that outlives one query. */
export interface EngineHooks {
  /** Applies new schema files inside this transaction (FQL schema writes). */
  applySchema(ctx: QueryContext, files: Map<string, string>): void;
  /** The root database's store (global lookups: databases by id, keys by id). */
  rootStore(): Store;
  /** The store of any database. */
  storeOf(db: DbInfo): Store;
  /** Drops cached state of a deleted database (and its children). */
  forgetDatabase(db: DbInfo): void;
  /** Cursors the engine keeps in memory, and the keys cursors are signed with. */
  readonly cursors: CursorMemory;
}

export interface QueryOptions extends EvaluationOptions {
  /** The database this query runs in, and its store and schema. */
  db?: DbInfo;
  store: Store;
  schema: CompiledSchema;
  /** The caller's access: privileges in force, and the rendering of the result. */
  access: Access;
  hooks: EngineHooks;
}

export class QueryContext extends Evaluation {
  readonly store: Store;
  schema: CompiledSchema;
  readonly db: DbInfo;
  readonly hooks: EngineHooks;
  /** The caller's access: used for rendering the result. */
  private caller: Access;
  /** Privileges in force right now (changes inside `@role` UDFs and predicates). */
  access: Access;
  /** >0 while evaluating predicates: writes are `invalid_effect`. */
  readOnlyDepth = 0;
  readOps = 0;
  writeOps = 0;
  bytesRead = 0;
  bytesWritten = 0;
  /** Documents read in this transaction, invalidated by our own writes. */
  readonly docCache = new Map<string, StoredDoc | null>();
  /**
   * Snapshot for set iteration while serving a cursor (`Set.paginate`): documents written
   * after it are read as they were then. Null = this transaction's own view.
   */
  readTs: bigint | null = null;
  /** Whether this query changed the schema (bumps schema_version). */
  schemaChanged = false;

  constructor(host: Host<QueryContext>, opts: QueryOptions) {
    super(host, opts);
    this.store = opts.store;
    this.schema = opts.schema;
    this.db = opts.db ?? ROOT_DB;
    this.hooks = opts.hooks;
    this.caller = opts.access;
    this.access = opts.access;
  }

  get callerAccess(): Access {
    return this.caller;
  }

  /** Acts as the caller once it is known (its roles' membership predicates run in this context). */
  actAs(caller: Access): void {
    this.caller = caller;
    this.access = caller;
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
