// The engine: one query = one store transaction. It authenticates, checks, evaluates and
// renders; any error rolls the whole transaction back and carries the failure info the wire
// layer needs (summary, txn_ts, stats, schema_version).
import { InvalidQueryError, QueryError, type Value } from "../core/index.js";
import {
  CURSOR_LIFETIME_MICROS,
  CursorMemory,
  newQueryContext,
  type Access,
  type CompiledSchema,
  type DbInfo,
  type EngineHooks,
  type QueryContext,
} from "../db/index.js";
import { Scope, deadlineExceeded, evalBlock, findUnboundNames, isGlobal, parseQuery } from "../fql/index.js";
import { NamespacedStore, type Store } from "../store/index.js";
import { accessFor, resolveSecret } from "./authenticate.js";
import { render } from "./render.js";
import { applySchemaFiles, loadSchema, SchemaApi } from "./schema-apply.js";
import { errorSummary } from "./summary.js";
import {
  FAILURE_INFO,
  type Engine,
  type QueryFailureInfo,
  type QueryRequest,
  type QueryStats,
  type QuerySuccess,
} from "./types.js";

const PRUNE_EVERY_WRITES = 1000;
const PURGE_BATCH = 1000;
const ANONYMOUS: Access = { builtin: "client", roles: [], identity: null, token: null };

export interface EngineOptions {
  rootSecret: string;
}

export class FaunaEngine extends SchemaApi implements Engine {
  private lastTs: bigint;
  private lastId: bigint;
  /** Per-database views of the store and their applied schemas, by namespace. */
  private readonly stores = new Map<string, Store>();
  private readonly schemas = new Map<string, CompiledSchema>();

  constructor(
    readonly store: Store,
    readonly opts: EngineOptions,
  ) {
    super();
    this.lastTs = BigInt(store.getMeta("last_txn_ts") ?? "0");
    this.lastId = BigInt(store.getMeta("last_id") ?? "0");
  }

  storeOf = (db: DbInfo): Store => {
    if (db.ns === "") return this.store;
    let s = this.stores.get(db.ns);
    if (!s) this.stores.set(db.ns, (s = new NamespacedStore(this.store, db.ns)));
    return s;
  };

  private schemaOf(db: DbInfo): CompiledSchema {
    let schema = this.schemas.get(db.ns);
    if (!schema) this.schemas.set(db.ns, (schema = loadSchema(this.storeOf(db))));
    return schema;
  }

  /** A strictly increasing transaction time in microseconds. */
  private nextTxnTs(): bigint {
    const now = BigInt(Date.now()) * 1000n;
    this.lastTs = now > this.lastTs ? now : this.lastTs + 1n;
    return this.lastTs;
  }

  /** Fauna-like 64-bit ids: time-based, strictly increasing. */
  private nextId = (txnTs: bigint) => (): string => {
    const base = txnTs << 8n;
    this.lastId = base > this.lastId ? base : this.lastId + 1n;
    return this.lastId.toString();
  };

  readonly hooks: EngineHooks = {
    applySchema: (ctx, files) => {
      ctx.schema = applySchemaFiles(ctx, files);
      ctx.schemaChanged = true;
    },
    rootStore: () => this.store,
    storeOf: (db) => this.storeOf(db),
    forgetDatabase: (db) => {
      for (const ns of [...this.schemas.keys()]) if (ns.startsWith(db.ns)) this.schemas.delete(ns);
      for (const ns of [...this.stores.keys()]) if (ns.startsWith(db.ns)) this.stores.delete(ns);
    },
    cursors: new CursorMemory(),
  };

  /**
   * Runs `fn` in one transaction, in the database and with the access the secret resolves to
   * (used by the schema API too). A failure's summary quotes `sources()` (name → text).
   */
  protected inTransaction<T>(
    secret: string,
    deadline: number,
    timeoutMs: number,
    fn: (ctx: QueryContext) => T,
    sources: () => Map<string, string> = () => new Map(),
  ): { result: T; ctx: QueryContext } {
    const txnTs = this.nextTxnTs();
    let ctx: QueryContext | undefined;
    const savedId = this.lastId;
    try {
      const result = this.store.transaction(() => {
        const env = {
          rootSecret: this.opts.rootSecret,
          rootStore: this.store,
          storeOf: this.storeOf,
          nowNanos: txnTs * 1000n,
        };
        const caller = resolveSecret(env, secret);
        const c = newQueryContext({
          txnTs,
          deadline,
          timeoutMs,
          newId: this.nextId(txnTs),
          db: caller.db,
          store: this.storeOf(caller.db),
          schema: this.schemaOf(caller.db),
          access: ANONYMOUS,
          hooks: this.hooks,
        });
        ctx = c;
        c.actAs(accessFor(c, caller));
        const r = fn(c);
        if (c.writeOps > 0 || c.schemaChanged) {
          this.store.setMeta("last_txn_ts", txnTs.toString());
          this.store.setMeta("last_id", this.lastId.toString());
          this.pruneHistory(txnTs, c.writeOps);
        }
        if (c.schemaChanged) c.store.setMeta("schema_version", txnTs.toString());
        return r;
      });
      const done = ctx!;
      if (done.schemaChanged) this.schemas.set(done.db.ns, done.schema);
      return { result, ctx: done };
    } catch (caught) {
      this.lastId = savedId;
      // A rolled-back schema change must not linger in the cache.
      if (ctx?.schemaChanged) this.schemas.delete(ctx.db.ns);
      // Deep recursion may exhaust the JS stack before Fauna's frame limit: same error.
      const e =
        caught instanceof RangeError
          ? new QueryError("stack_overflow", "number of stack frames exceeded limit of 2048")
          : caught;
      if (e instanceof QueryError && ctx)
        (e as QueryError & { [FAILURE_INFO]?: QueryFailureInfo })[FAILURE_INFO] = this.failureInfo(ctx, e, sources());
      throw e;
    }
  }

  /**
   * Every so many writes: drop superseded versions no cursor can still need, and reclaim
   * documents whose ttl has passed (already invisible, e.g. old tokens and login attempts).
   */
  private writesSincePrune = 0;
  private pruneHistory(txnTs: bigint, writes: number): void {
    this.writesSincePrune += writes;
    if (this.writesSincePrune < PRUNE_EVERY_WRITES) return;
    this.writesSincePrune = 0;
    this.store.pruneVersions(txnTs - CURSOR_LIFETIME_MICROS);
    this.store.purgeExpired(txnTs * 1000n, PURGE_BATCH);
  }

  query(req: QueryRequest): QuerySuccess {
    const started = Date.now();
    // The sources as the query found them: errors in its own text, UDFs and schema files are quoted.
    let sources = new Map<string, string>();
    const run = (ctx: QueryContext) => {
      sources = this.sourcesOf(ctx, req.source);
      const block = parseQuery(req.source, "*query*");
      const unbound = findUnboundNames(block, (n) => req.variables.has(n) || isGlobal(ctx, n));
      if (unbound.length) throw new InvalidQueryError(unbound);
      const scope = new Scope();
      for (const [k, v] of req.variables) scope.define(k, v);
      const value: Value = evalBlock(ctx, block, scope, "*query*", req.source);
      const rendered = render(ctx, value);
      // A query that finished past its deadline still fails (and writes nothing), as in Fauna.
      if (Date.now() >= req.deadline) throw deadlineExceeded(req.timeoutMs);
      return rendered;
    };
    const { result, ctx } = this.inTransaction(req.secret, req.deadline, req.timeoutMs, run, () => sources);
    return {
      data: result,
      txnTs: ctx.txnTs,
      schemaVersion: this.schemaVersion(ctx),
      summary: ctx.logs.map((l) => `info: ${l}`).join("\n\n"),
      stats: this.stats(ctx, started),
    };
  }

  private sourcesOf(ctx: QueryContext, query: string): Map<string, string> {
    const m = new Map([["*query*", query]]);
    for (const f of ctx.schema.schema.functions) m.set(`*udf:${f.name}*`, f.body.text);
    for (const [name, text] of ctx.schema.files) m.set(name, text);
    return m;
  }

  private schemaVersion(ctx: QueryContext): bigint {
    return BigInt(ctx.store.getMeta("schema_version") ?? "0");
  }

  private stats(ctx: QueryContext, started: number): QueryStats {
    return {
      compute_ops: Math.max(1, Math.ceil(ctx.computeOps / 50)),
      read_ops: ctx.readOps,
      write_ops: ctx.writeOps,
      query_time_ms: Date.now() - started,
      contention_retries: 0,
      storage_bytes_read: ctx.bytesRead,
      storage_bytes_write: ctx.bytesWritten,
      rate_limits_hit: [],
    };
  }

  private failureInfo(ctx: QueryContext, e: QueryError, sources: Map<string, string>): QueryFailureInfo {
    const diags =
      e instanceof InvalidQueryError ? e.diagnostics : [{ message: e.message, span: e.span, callSites: e.callSites }];
    return {
      txnTs: ctx.txnTs,
      schemaVersion: this.schemaVersion(ctx),
      summary: errorSummary(diags, sources, e.constraintFailures),
      stats: this.stats(ctx, Date.now()),
    };
  }
}
