// The applied schema, indexed for lookups, with the FQL inside it parsed lazily and cached.
import { parseExpression, parseFunctionBody, type Block, type Expr } from "../fql/index.js";
import type { CollectionDef, FqlSource, FunctionDef, IndexTerm, IndexValue, RoleDef, Schema } from "../fsl/index.js";

/** Native collections whose documents have numeric ids. */
export const NATIVE_DOC_COLLECTIONS = new Set(["Key", "Token", "Credential"]);
/** Native collections of named schema documents. */
export const NAMED_COLLECTIONS = new Set(["Collection", "Function", "Role", "AccessProvider", "Database"]);
export const BUILTIN_ROLES = new Set(["admin", "server", "server-readonly", "client"]);

/** An index as the store sees it: a name, term paths and value paths. */
export interface StoredIndex {
  name: string;
  terms: IndexTerm[];
  values: IndexValue[];
  /** Unique constraints are indexes whose terms must not repeat. */
  unique: boolean;
}

/** Indexes the engine maintains on native collections. */
const NATIVE_INDEXES: Record<string, StoredIndex[]> = {
  Credential: [{ name: "byDocument", terms: [{ path: ["document"], mva: false }], values: [], unique: true }],
  Token: [{ name: "byDocument", terms: [{ path: ["document"], mva: false }], values: [], unique: false }],
  Key: [],
};

export class CompiledSchema {
  readonly collections = new Map<string, CollectionDef>();
  readonly functions = new Map<string, FunctionDef>();
  readonly roles = new Map<string, RoleDef>();
  private readonly exprs = new Map<string, Expr>();
  private readonly bodies = new Map<string, Block>();
  private readonly stored = new Map<string, StoredIndex[]>();

  constructor(
    readonly schema: Schema,
    readonly files: Map<string, string>,
    /** Microsecond timestamp of the last schema change (0 if never). */
    readonly version: bigint,
  ) {
    for (const c of schema.collections) {
      this.collections.set(c.name, c);
      if (c.alias) this.collections.set(c.alias, c);
    }
    for (const f of schema.functions) {
      this.functions.set(f.name, f);
      if (f.alias) this.functions.set(f.alias, f);
    }
    for (const r of schema.roles) this.roles.set(r.name, r);
  }

  static empty(): CompiledSchema {
    return new CompiledSchema({ collections: [], functions: [], roles: [], accessProviders: [] }, new Map(), 0n);
  }

  isCollection(name: string): boolean {
    return this.collections.has(name) || NATIVE_DOC_COLLECTIONS.has(name);
  }

  /** Canonical name of a collection (resolving an alias). */
  canonical(name: string): string {
    return this.collections.get(name)?.name ?? (name === "Credentials" ? "Credential" : name);
  }

  /** Parsed FQL expression of an FSL snippet (default, compute, check, predicate). */
  expr(src: FqlSource): Expr {
    const key = `${src.file}\u0000${src.offset}\u0000${src.text}`;
    let e = this.exprs.get(key);
    if (!e) {
      e = parseExpression(src.text, `${src.file}`);
      this.exprs.set(key, e);
    }
    return e;
  }

  /** Parsed body of a UDF. */
  body(fn: FunctionDef): Block {
    let b = this.bodies.get(fn.name);
    if (!b) {
      b = parseFunctionBody(fn.body.text, `*udf:${fn.name}*`);
      this.bodies.set(fn.name, b);
    }
    return b;
  }

  /** Every index (declared, unique-constraint and native) kept in storage for `coll`. */
  storedIndexes(coll: string): readonly StoredIndex[] {
    const native = NATIVE_INDEXES[coll];
    if (native) return native;
    // The same objects every time (the schema never changes): every write asks, for each document.
    let out = this.stored.get(coll);
    if (out) return out;
    const def = this.collections.get(coll);
    if (!def) return [];
    out = def.indexes.map((ix) => ({ name: ix.name, terms: ix.terms, values: ix.values, unique: false }));
    def.uniques.forEach((u, i) => out!.push({ name: `$unique${i}`, terms: u.terms, values: [], unique: true }));
    this.stored.set(coll, out);
    return out;
  }
}
