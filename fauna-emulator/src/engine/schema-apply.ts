// Applying FSL to the database, and the schema HTTP API on top of it (reference §7.5, §8).
// A push replaces the whole schema: items absent from the files are deleted (with their
// documents), changed indexes are rebuilt from the documents, new unique constraints are
// checked against existing data. Everything happens in one transaction.
import { InvalidQueryError, ProtocolError, QueryError, SchemaApiError, doc } from "../core/index.js";
import {
  BUILTIN_ROLES,
  CompiledSchema,
  NATIVE_DOC_COLLECTIONS,
  indexEntries,
  isAdmin,
  readsAllData,
  schemaTypes,
  storageIndexName,
  type QueryContext,
} from "../db/index.js";
import { errorSummary, withNotes } from "./summary.js";
import { parseExpression, parseFunctionBody } from "../fql/index.js";
import { diffSchemas, FslError, parseSchemaFiles, type Schema } from "../fsl/index.js";
import type { Store } from "../store/index.js";
import type { SchemaFile } from "./types.js";

const BUILT_INDEXES = "built_indexes";
const BACKFILL_BATCH = 256;

/** Reads the applied schema back from storage at start-up. */
export function loadSchema(store: Store): CompiledSchema {
  const files = store.getSchemaFiles();
  const version = BigInt(store.getMeta("schema_version") ?? "0");
  if (files.size === 0)
    return new CompiledSchema({ collections: [], functions: [], roles: [], accessProviders: [] }, files, version);
  return new CompiledSchema(parseSchemaFiles(files), files, version);
}

/** Parses files and every FQL snippet inside them; FSL/FQL errors become FslError-like messages. */
export function compileFiles(files: Map<string, string>, version: bigint): CompiledSchema {
  const nonEmpty = new Map([...files].filter(([, text]) => text.trim() !== ""));
  const schema = parseSchemaFiles(nonEmpty);
  const problems: string[] = [];
  const tryParse = (what: string, fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof InvalidQueryError)
        problems.push(`error: ${what}: ${e.diagnostics.map((d) => d.message).join("; ")}`);
      else throw e;
    }
  };
  for (const c of schema.collections) {
    for (const f of c.fields)
      if (f.default) tryParse(`default of \`${c.name}.${f.name}\``, () => parseExpression(f.default!.text));
    for (const cf of c.computed)
      tryParse(`computed field \`${c.name}.${cf.name}\``, () => parseExpression(cf.body.text));
    for (const ck of c.checks) tryParse(`check \`${ck.name}\` of \`${c.name}\``, () => parseExpression(ck.body.text));
  }
  for (const f of schema.functions) {
    tryParse(`body of function \`${f.name}\``, () => parseFunctionBody(f.body.text));
    if (f.role && !BUILTIN_ROLES.has(f.role) && !schema.roles.some((r) => r.name === f.role)) {
      problems.push(
        `Failed to create Function.\nconstraint failures:\n  role: Field refers to an unknown role name \`${f.role}\`.`,
      );
    }
  }
  for (const r of schema.roles) {
    for (const m of r.membership)
      if (m.predicate) tryParse(`membership predicate of role \`${r.name}\``, () => parseExpression(m.predicate!.text));
    for (const p of r.privileges)
      for (const a of p.actions)
        if (a.predicate) tryParse(`predicate of role \`${r.name}\``, () => parseExpression(a.predicate!.text));
  }
  if (problems.length) throw new SchemaApiError(problems.join("\n"), 400);
  return new CompiledSchema(schema, nonEmpty, version);
}

/**
 * Refuses a schema a typechecked Fauna refuses: function bodies, computed fields, checks and
 * role predicates that do not typecheck, with each error's excerpt, as Fauna words it.
 */
export function typecheckSchema(schema: CompiledSchema): void {
  const { diagnostics } = schemaTypes(schema);
  if (diagnostics.length === 0) return;
  const rendered = errorSummary(
    diagnostics.map((d) => withNotes(d, d.file)),
    schema.files,
  );
  const indented = rendered
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => `    ${l}`)
    .join("\n");
  // invalid_schema inside a query (Function.create...); the schema API answers with its message.
  throw new QueryError("invalid_schema", `Invalid database schema update.\n${indented}`);
}

function builtIndexes(store: Store): Record<string, string[]> {
  return JSON.parse(store.getMeta(BUILT_INDEXES) ?? "{}") as Record<string, string[]>;
}

/**
 * Makes storage match `files` inside the caller's transaction and returns the new schema.
 * `ctx` must run with admin rights (index backfill reads every document).
 */
export function applySchemaFiles(ctx: QueryContext, files: Map<string, string>, typechecked: boolean): CompiledSchema {
  const next = compileFiles(files, ctx.txnTs);
  if (typechecked) typecheckSchema(next);
  const store = ctx.store;
  const built = builtIndexes(store);
  const previous = ctx.schema;
  ctx.schema = next;
  try {
    for (const c of previous.schema.collections) {
      if (!next.collections.has(c.name)) {
        store.dropCollection(c.name);
        for (const name of built[c.name] ?? []) store.dropIndex(c.name, name);
        delete built[c.name];
      }
    }
    const colls = [...next.schema.collections.map((c) => c.name), ...NATIVE_DOC_COLLECTIONS];
    for (const coll of colls) {
      const wanted = next.storedIndexes(coll);
      const have = new Set(built[coll] ?? []);
      for (const ix of wanted) {
        const name = storageIndexName(ix);
        if (have.has(name)) continue;
        store.defineIndex(coll, name, { desc: ix.values.map((v) => v.desc) });
        backfill(ctx, coll, ix);
      }
      const wantedNames = new Set(wanted.map(storageIndexName));
      for (const name of have) if (!wantedNames.has(name)) store.dropIndex(coll, name);
      built[coll] = [...wantedNames];
    }
    store.setMeta(BUILT_INDEXES, JSON.stringify(built));
    store.setSchemaFiles(next.files);
    return next;
  } catch (e) {
    ctx.schema = previous;
    throw e;
  }
}

/**
 * Builds a new index from the existing documents. Like Fauna, a new unique constraint is not
 * applied retroactively: existing duplicates stay, new writes are checked.
 */
function backfill(ctx: QueryContext, coll: string, ix: ReturnType<CompiledSchema["storedIndexes"]>[number]): void {
  const name = storageIndexName(ix);
  let afterId: string | undefined;
  for (;;) {
    const batch = ctx.store.scanDocs(coll, { afterId, limit: BACKFILL_BATCH });
    for (const stored of batch) {
      afterId = stored.id;
      ctx.docCache.set(`${coll}/${stored.id}`, stored);
      ctx.store.setIndexEntries(coll, name, stored.id, indexEntries(ctx, doc(coll, stored.id), ix));
    }
    if (batch.length < BACKFILL_BATCH) return;
  }
}

const STAGED = "staged_schema_files";

/**
 * The `/schema/1/...` operations (reference §8), in the database the secret resolves to.
 * Child databases can stage a schema (`staged=true`, then commit or abandon); the root cannot,
 * as in Fauna, though reading its (always `none`) status is allowed so the CLI works there.
 */
export abstract class SchemaApi {
  abstract readonly store: Store;
  /** Whether the database `ctx` runs in is typechecked (then its schema must typecheck). */
  abstract typechecked(ctx: QueryContext): boolean;
  protected abstract inTransaction<T>(
    secret: string,
    deadline: number,
    timeoutMs: number,
    fn: (ctx: QueryContext) => T,
  ): { result: T; ctx: QueryContext };

  private withAccess<T>(secret: string, need: "read" | "write", fn: (ctx: QueryContext) => T): T {
    try {
      return this.inTransaction(secret, Date.now() + 120_000, 120_000, (ctx) => {
        if (!readsAllData(ctx.access) || (need === "write" && !isAdmin(ctx.access)))
          throw new SchemaApiError("Access denied", 403);
        return fn(ctx);
      }).result;
    } catch (e) {
      if (e instanceof ProtocolError) throw new SchemaApiError(e.message, e.httpStatus);
      if (e instanceof FslError) throw new SchemaApiError(e.message, 400);
      if (e instanceof QueryError && e.code === "invalid_schema") throw new SchemaApiError(e.message, 400);
      if (e instanceof QueryError) throw new SchemaApiError(`error: ${e.message}`, 400);
      throw e;
    }
  }

  private version(ctx: QueryContext): bigint {
    return BigInt(ctx.store.getMeta("schema_version") ?? "0");
  }

  private checkVersion(ctx: QueryContext, version: bigint | undefined): void {
    if (version !== undefined && version !== this.version(ctx))
      throw new SchemaApiError("Stale schema version provided", 409);
  }

  private staged(ctx: QueryContext): Map<string, string> | null {
    const json = ctx.store.getMeta(STAGED);
    return json ? new Map(JSON.parse(json) as [string, string][]) : null;
  }

  private canStage(ctx: QueryContext): void {
    if (ctx.db.path.length === 0) throw new SchemaApiError("Schema cannot be staged in the root database", 400);
  }

  private filesOf(ctx: QueryContext, staged: boolean): Map<string, string> {
    return (staged ? this.staged(ctx) : null) ?? ctx.schema.files;
  }

  schemaFiles(secret: string, opts: { staged: boolean; version?: bigint }): { version: bigint; files: SchemaFile[] } {
    return this.withAccess(secret, "read", (ctx) => {
      this.checkVersion(ctx, opts.version);
      const files = [...this.filesOf(ctx, opts.staged).keys()]
        .sort((a, b) => a.localeCompare(b))
        .map((filename) => ({ filename }));
      return { version: this.version(ctx), files: files as SchemaFile[] };
    });
  }

  schemaFile(
    secret: string,
    filename: string,
    opts: { staged: boolean; version?: bigint },
  ): { version: bigint; content: string } {
    return this.withAccess(secret, "read", (ctx) => {
      this.checkVersion(ctx, opts.version);
      const content = this.filesOf(ctx, opts.staged).get(filename);
      if (content === undefined) throw new SchemaApiError("Not found", 404);
      return { version: this.version(ctx), content };
    });
  }

  schemaDiff(
    secret: string,
    files: SchemaFile[],
    opts: { staged: boolean; version?: bigint; format: "semantic" | "summary" | "textual" },
  ): { version: bigint; diff: string } {
    return this.withAccess(secret, "read", (ctx) => {
      this.checkVersion(ctx, opts.version);
      const base = opts.staged ? this.staged(ctx) : null;
      const before = base ? compileFiles(base, 0n).schema : ctx.schema.schema;
      const next = compileFiles(new Map(files.map((f) => [f.filename, f.content])), this.version(ctx));
      if (this.typechecked(ctx)) typecheckSchema(next);
      return { version: this.version(ctx), diff: diffSchemas(before as Schema, next.schema) };
    });
  }

  schemaUpdate(
    secret: string,
    files: SchemaFile[],
    opts: { staged: boolean; version?: bigint; override: boolean },
  ): { version: bigint } {
    return this.withAccess(secret, "write", (ctx) => {
      if (opts.staged) this.canStage(ctx);
      this.checkVersion(ctx, opts.version);
      for (const f of files) {
        if (!f.filename.endsWith(".fsl") || f.filename.startsWith("*"))
          throw new SchemaApiError(`Invalid filename \`${f.filename}\``, 400);
      }
      const merged = opts.override ? new Map<string, string>() : new Map(ctx.schema.files);
      for (const f of files) merged.set(f.filename, f.content);
      if (opts.staged) {
        const next = compileFiles(merged, 0n); // refuse invalid FSL now, not at commit
        if (this.typechecked(ctx)) typecheckSchema(next);
        ctx.store.setMeta(STAGED, JSON.stringify([...merged]));
        return { version: this.version(ctx) };
      }
      ctx.hooks.applySchema(ctx, merged);
      ctx.store.deleteMetaPrefix(STAGED);
      return { version: ctx.txnTs };
    });
  }

  schemaStatus(secret: string, opts: { format?: string; version?: bigint }): Record<string, unknown> {
    return this.withAccess(secret, "read", (ctx) => {
      const version = this.version(ctx);
      const staged = this.staged(ctx);
      const status = staged ? "ready" : "none";
      if (opts.format === undefined) return { version, status };
      const diff = staged ? diffSchemas(ctx.schema.schema, compileFiles(staged, 0n).schema) : "";
      return { version, status, pending_summary: "", diff };
    });
  }

  schemaCommit(secret: string, opts: { version?: bigint }): { version: bigint } {
    return this.withAccess(secret, "write", (ctx) => {
      this.canStage(ctx);
      this.checkVersion(ctx, opts.version);
      const staged = this.staged(ctx);
      if (!staged) throw new SchemaApiError("There is no staged schema to commit", 400);
      ctx.hooks.applySchema(ctx, staged);
      ctx.store.deleteMetaPrefix(STAGED);
      return { version: ctx.txnTs };
    });
  }

  schemaAbandon(secret: string, opts: { version?: bigint }): { version: bigint } {
    return this.withAccess(secret, "write", (ctx) => {
      this.canStage(ctx);
      this.checkVersion(ctx, opts.version);
      if (!this.staged(ctx)) throw new SchemaApiError("There is no staged schema to abandon", 400);
      ctx.store.deleteMetaPrefix(STAGED);
      return { version: this.version(ctx) };
    });
  }
}
