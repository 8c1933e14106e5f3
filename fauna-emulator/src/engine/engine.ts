// The engine: one query = one store transaction. It authenticates, checks, evaluates and
// renders; any error rolls the whole transaction back and carries the failure info the wire
// layer needs (summary, txn_ts, stats, schema_version).
import {
  InvalidQueryError,
  ProtocolError,
  QueryError,
  deadlineExceeded,
  type ObjectValue,
  type Value,
} from "../core/index.js";
import {
  CURSOR_LIFETIME_MICROS,
  CursorMemory,
  childDatabases,
  createDocuments,
  newQueryContext,
  parentOf,
  schemaTypes,
  type Access,
  type CompiledSchema,
  type DbInfo,
  type EngineHooks,
  type QueryContext,
} from "../db/index.js";
import { Scope, evalBlock, findUnboundNames, isGlobal, parseQuery, type Block } from "../fql/index.js";
import { typecheckQuery } from "../fql/typer/index.js";
import { LockTimeout, NamespacedStore, WriteConflict, type Store } from "../store/index.js";
import { accessFor, resolveSecret } from "./authenticate.js";
import { Lru } from "./lru.js";
import { SharedClock } from "./pool/clock.js";
import { render } from "./render.js";
import { applySchemaFiles, loadSchema, SchemaApi } from "./schema-apply.js";
import { errorSummary, warningSummary, withNotes } from "./summary.js";
import {
  FAILURE_INFO,
  type Engine,
  type QueryFailureInfo,
  type QueryRequest,
  type QueryStats,
  type QuerySuccess,
} from "./types.js";

const PRUNE_EVERY_WRITES = 1000;
/** Parsed queries kept per worker (an app sends the same few texts with other arguments). */
const PARSED_KEPT = 500;
const PARSED_MAX_CHARS = 16 * 1024;
const PURGE_BATCH = 1000;
const ANONYMOUS: Access = { builtin: "client", roles: [], identity: null, token: null };

export interface EngineOptions {
  rootSecret: string;
  /**
   * Whether a database that does not say (`typechecked` unset, and the root database) is
   * typechecked. Fauna's default is true.
   */
  typecheckedByDefault?: boolean;
  /** The transaction clock shared with the other workers on this database (else a private one). */
  clock?: SharedClock;
}

/** Fauna's answer when a write kept losing to others (409). */
const contended = () =>
  new ProtocolError(
    "contended_transaction",
    "Transaction was aborted due to detection of concurrent modification.",
    409,
  );

/** A commit landed while the query was picking its snapshot and time: start over. */
class SnapshotMoved extends Error {}

export class FaunaEngine extends SchemaApi implements Engine {
  private readonly clock: SharedClock;
  /** Per-database views of the store and their applied schemas (with their version), by namespace. */
  private readonly stores = new Map<string, Store>();
  private readonly schemas = new Map<string, { version: string | null; schema: CompiledSchema }>();

  constructor(
    readonly store: Store,
    readonly opts: EngineOptions,
  ) {
    super();
    this.clock =
      opts.clock ??
      new SharedClock(
        SharedClock.allocate(BigInt(store.getMeta("last_txn_ts") ?? "0"), BigInt(store.getMeta("last_id") ?? "0")),
        1,
      );
  }

  storeOf = (db: DbInfo): Store => {
    if (db.ns === "") return this.store;
    let s = this.stores.get(db.ns);
    if (!s) this.stores.set(db.ns, (s = new NamespacedStore(this.store, db.ns)));
    return s;
  };

  /** The database's compiled schema, reloaded when another worker changed it. */
  private schemaOf(db: DbInfo): { version: string | null; schema: CompiledSchema } {
    const store = this.storeOf(db);
    const version = store.getMeta("schema_version");
    const cached = this.schemas.get(db.ns);
    if (cached && cached.version === version) return cached;
    const entry = { version, schema: loadSchema(store) };
    this.schemas.set(db.ns, entry);
    return entry;
  }

  /** The schema version each query read inside its transaction (reading it again afterwards costs a statement). */
  private readonly schemaVersions = new WeakMap<QueryContext, bigint>();

  readonly hooks: EngineHooks = {
    applySchema: (ctx, files) => {
      ctx.schema = applySchemaFiles(ctx, files, this.typechecked(ctx));
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
   *
   * First optimistically, reading a snapshot beside the other workers; if another write got in
   * first, once more holding the write lock (counted in `contention_retries`), which cannot
   * conflict. A lock that stays busy past the deadline is Fauna's contended_transaction.
   */
  protected inTransaction<T>(
    secret: string,
    deadline: number,
    timeoutMs: number,
    fn: (ctx: QueryContext) => T,
    sources: () => Map<string, string> = () => new Map(),
    startLocked = false,
  ): { result: T; ctx: QueryContext; retries: number } {
    const locked = (retries: number) => {
      try {
        return { ...this.attempt(secret, deadline, timeoutMs, fn, sources, "locked"), retries };
      } catch (e) {
        if (e instanceof LockTimeout) throw contended();
        throw e;
      }
    };
    if (startLocked) return locked(0);
    // Snapshot restarts wait out the commit in the way; after many (a stream of commits), the
    // locked attempt below cannot be overtaken.
    for (let restarts = 0; restarts < 100; restarts++) {
      try {
        return { ...this.attempt(secret, deadline, timeoutMs, fn, sources, "optimistic"), retries: 0 };
      } catch (e) {
        if (e instanceof SnapshotMoved) {
          this.clock.awaitCommit(Math.min(50, deadline - Date.now()));
          continue;
        }
        if (!(e instanceof WriteConflict)) throw e;
        break;
      }
    }
    return locked(1);
  }

  private attempt<T>(
    secret: string,
    deadline: number,
    timeoutMs: number,
    fn: (ctx: QueryContext) => T,
    sources: () => Map<string, string>,
    mode: "optimistic" | "locked",
  ): { result: T; ctx: QueryContext } {
    const clock = this.clock;
    let ctx: QueryContext | undefined;
    let writer = mode === "locked";
    const seq = clock.commitSeq();
    try {
      const body = () => {
        let txnTs: bigint;
        if (mode === "locked") {
          txnTs = clock.lockedWriteTs();
        } else {
          // The time must not be later than a write this snapshot does not see.
          if (seq % 2n === 1n) throw new SnapshotMoved();
          txnTs = clock.snapshotTs();
          if (clock.commitSeq() !== seq) throw new SnapshotMoved();
        }
        const env = {
          rootSecret: this.opts.rootSecret,
          rootStore: this.store,
          storeOf: this.storeOf,
          nowNanos: txnTs * 1000n,
        };
        const caller = resolveSecret(env, secret);
        const applied = this.schemaOf(caller.db);
        const c = newQueryContext({
          txnTs,
          deadline,
          timeoutMs,
          newId: () => clock.nextId(txnTs).toString(),
          db: caller.db,
          store: this.storeOf(caller.db),
          schema: applied.schema,
          access: ANONYMOUS,
          hooks: this.hooks,
        });
        ctx = c;
        this.schemaVersions.set(c, BigInt(applied.version ?? "0"));
        c.actAs(accessFor(c, caller));
        const r = fn(c);
        if (c.writeOps > 0 || c.schemaChanged) {
          this.store.setMeta("last_txn_ts", txnTs.toString());
          this.store.setMeta("last_id", clock.lastId().toString());
          this.pruneHistory(txnTs, c.writeOps);
        }
        if (c.schemaChanged) {
          c.store.setMeta("schema_version", txnTs.toString());
          this.schemaVersions.set(c, txnTs);
        }
        if (writer) clock.beginCommit();
        return r;
      };
      const result =
        mode === "locked"
          ? this.store.transaction(body, { mode, waitMs: Math.max(0, deadline - Date.now()) })
          : this.store.transaction(body, {
              mode,
              // Commit at this snapshot's time only if no query took a later one meanwhile.
              onFirstWrite: () => {
                if (!clock.claimWrite(ctx!.txnTs)) throw new WriteConflict("a later snapshot exists");
                writer = true;
              },
            });
      const done = ctx!;
      if (done.schemaChanged) this.schemas.set(done.db.ns, { version: done.txnTs.toString(), schema: done.schema });
      return { result, ctx: done };
    } catch (caught) {
      // A rolled-back schema change must not linger in the cache.
      if (ctx?.schemaChanged) this.schemas.delete(ctx.db.ns);
      if (caught instanceof WriteConflict || caught instanceof SnapshotMoved || caught instanceof LockTimeout)
        throw caught;
      // Deep recursion may exhaust the JS stack before Fauna's frame limit: same error.
      const e =
        caught instanceof RangeError
          ? new QueryError("stack_overflow", "number of stack frames exceeded limit of 2048")
          : caught;
      if (e instanceof QueryError && ctx) {
        (e as QueryError & { [FAILURE_INFO]?: QueryFailureInfo })[FAILURE_INFO] = this.failureInfo(
          ctx,
          e,
          sources(),
          mode === "locked" ? 1 : 0,
        );
      }
      throw e;
    } finally {
      if (writer) clock.endWrite();
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

  /** Recently parsed query texts; trees are never mutated. */
  private readonly parsed = new Lru<string, Block>(PARSED_KEPT);

  private parse(source: string): Block {
    const hit = this.parsed.get(source);
    if (hit) return hit;
    const block = parseQuery(source, "*query*");
    if (source.length <= PARSED_MAX_CHARS) this.parsed.set(source, block);
    return block;
  }

  /**
   * Bulk loading, an operator's tool beside Fauna's API (the load bench fills a million
   * documents with it): one document per row in `collection`, created exactly as
   * `collection.create(row)` queries with `secret` would create them, `batch` rows per
   * transaction. Each transaction is like one query — one transaction time, all or nothing —
   * so a row that fails (a unique or check constraint, a field type, a permission) throws its
   * query error, and the batches before it stay committed.
   */
  bulkCreate(
    secret: string,
    collection: string,
    rows: Iterable<ObjectValue>,
    opts: { batch?: number; timeoutMs?: number } = {},
  ): { documents: number; transactions: number } {
    const batch = Math.max(1, opts.batch ?? 10_000);
    const timeoutMs = opts.timeoutMs ?? 600_000;
    let documents = 0;
    let transactions = 0;
    const flush = (chunk: ObjectValue[]) => {
      // An array, not the iterator: a transaction that lost a race runs again with the same rows.
      const { result } = this.inTransaction(secret, Date.now() + timeoutMs, timeoutMs, (ctx) =>
        createDocuments(ctx, collection, chunk),
      );
      documents += result;
      transactions++;
    };
    let chunk: ObjectValue[] = [];
    for (const row of rows) {
      chunk.push(row);
      if (chunk.length >= batch) {
        flush(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) flush(chunk);
    return { documents, transactions };
  }

  /**
   * Query texts (arguments apart) by whether their last run here wrote. One that wrote starts
   * holding the write lock: an optimistic writer commits at its start time only if no query took
   * a later time meanwhile, which under steady reads almost never holds, so a slow writer (a
   * log-in's bcrypt) would run twice — once to find it conflicts, once holding the lock.
   */
  private readonly wroteLastTime = new Lru<string, boolean>(PARSED_KEPT);

  query(req: QueryRequest): QuerySuccess {
    const started = Date.now();
    // The sources as the query found them: errors in its own text, UDFs and schema files are quoted.
    let sources = new Map<string, string>();
    let staticType: string | undefined;
    let warnings: string[] = [];
    const run = (ctx: QueryContext) => {
      sources = this.sourcesOf(ctx, req.source);
      const block = this.parse(req.source);
      const unbound = findUnboundNames(block, (n) => req.variables.has(n) || isGlobal(ctx, n));
      if (unbound.length) throw new InvalidQueryError(unbound);
      if (req.typecheck ?? this.typechecked(ctx)) {
        const checked = this.typecheck(ctx.schema, req.source, block, req.variables);
        if (!checked.ok) throw new InvalidQueryError(checked.diagnostics.map((d) => withNotes(d)));
        staticType = checked.staticType;
        warnings = warningSummary(
          checked.warnings.map((w) => withNotes(w)),
          sources,
        );
      }
      const scope = new Scope();
      for (const [k, v] of req.variables) scope.define(k, v);
      const value: Value = evalBlock(ctx, block, scope, "*query*", req.source);
      const encoded = req.encode(render(ctx, value));
      // A query that finished past its deadline still fails (and writes nothing), as in Fauna.
      if (Date.now() >= req.deadline) throw deadlineExceeded(req.timeoutMs);
      return encoded;
    };
    // Texts over the parse cache's size are neither looked up nor kept (a 6 MB text is no key).
    const remembered = req.source.length <= PARSED_MAX_CHARS;
    const { result, ctx, retries } = this.inTransaction(
      req.secret,
      req.deadline,
      req.timeoutMs,
      run,
      () => sources,
      remembered && this.wroteLastTime.get(req.source) === true,
    );
    if (remembered) this.wroteLastTime.set(req.source, ctx.writeOps > 0 || ctx.schemaChanged);
    return {
      data: result,
      ...(staticType !== undefined ? { staticType } : {}),
      txnTs: ctx.txnTs,
      schemaVersion: this.schemaVersion(ctx),
      // Check-time diagnostics come before what the query logged while it ran (faunadb logs.check, logs.runtime).
      summary: [...warnings, ...ctx.logs.map((l) => `info: ${l}`)].join("\n\n"),
      stats: this.stats(ctx, started, retries),
    };
  }

  /** Typecheck verdicts per schema, by query text. */
  private readonly verdicts = new WeakMap<CompiledSchema, Lru<string, ReturnType<typeof typecheckQuery>>>();

  /**
   * Typechecks a query. Verdicts of queries without arguments are remembered per schema (an
   * app sends the same few texts). Queries with arguments are always checked afresh: their
   * literal types take part, and a verdict remembered for values seen before would answer
   * faster for them — a timing tell (e.g. whether an email was tried before).
   */
  private typecheck(
    schema: CompiledSchema,
    source: string,
    block: Block,
    variables: Map<string, Value>,
  ): ReturnType<typeof typecheckQuery> {
    const key = variables.size === 0 && source.length <= PARSED_MAX_CHARS ? source : null;
    let kept = this.verdicts.get(schema);
    const hit = key === null ? undefined : kept?.get(key);
    if (hit) return hit;
    const verdict = typecheckQuery(block, schemaTypes(schema).env, {
      source: "*query*",
      args: Object.fromEntries(variables),
    });
    if (key !== null) {
      if (!kept) this.verdicts.set(schema, (kept = new Lru(PARSED_KEPT)));
      kept.set(key, verdict);
    }
    return verdict;
  }

  /** The database's `typechecked` setting (its record in the parent's registry), or the default. */
  typechecked(ctx: QueryContext): boolean {
    const fallback = this.opts.typecheckedByDefault ?? true;
    const parent = parentOf(ctx.db);
    if (parent === null) return fallback;
    return childDatabases(this.storeOf(parent))[ctx.db.path[ctx.db.path.length - 1]!]?.typechecked ?? fallback;
  }

  private sourcesOf(ctx: QueryContext, query: string): Map<string, string> {
    const m = new Map([["*query*", query]]);
    for (const f of ctx.schema.schema.functions) m.set(`*udf:${f.name}*`, f.body.text);
    for (const [name, text] of ctx.schema.files) m.set(name, text);
    return m;
  }

  private schemaVersion(ctx: QueryContext): bigint {
    return this.schemaVersions.get(ctx) ?? BigInt(ctx.store.getMeta("schema_version") ?? "0");
  }

  private stats(ctx: QueryContext, started: number, retries: number): QueryStats {
    return {
      compute_ops: Math.max(1, Math.ceil(ctx.computeOps / 50)),
      read_ops: ctx.readOps,
      write_ops: ctx.writeOps,
      query_time_ms: Date.now() - started,
      contention_retries: retries,
      storage_bytes_read: ctx.bytesRead,
      storage_bytes_write: ctx.bytesWritten,
      rate_limits_hit: [],
    };
  }

  private failureInfo(
    ctx: QueryContext,
    e: QueryError,
    sources: Map<string, string>,
    retries: number,
  ): QueryFailureInfo {
    const diags =
      e instanceof InvalidQueryError ? e.diagnostics : [{ message: e.message, span: e.span, callSites: e.callSites }];
    return {
      txnTs: ctx.txnTs,
      schemaVersion: this.schemaVersion(ctx),
      summary: errorSummary(diags, sources, e.constraintFailures),
      stats: this.stats(ctx, Date.now(), retries),
    };
  }
}
