// A child database's view of the one SQLite store: collections, indexes, meta keys and schema
// files are prefixed with the database's namespace, so the engine code is the same for every
// database and a transaction can still span a parent and its children.
import type { Value } from "../core/index.js";
import type {
  DocScan,
  IndexDef,
  IndexEntry,
  IndexHit,
  IndexScan,
  Store,
  StoredDoc,
  TransactionOptions,
} from "./types.js";

export class NamespacedStore implements Store {
  constructor(
    private readonly base: Store,
    /** e.g. `db:459719…/`; never empty (the root database uses the base store itself). */
    readonly ns: string,
  ) {}

  private c(coll: string): string {
    return this.ns + coll;
  }

  private out(doc: StoredDoc): StoredDoc {
    return { ...doc, coll: doc.coll.slice(this.ns.length) };
  }

  transaction<T>(fn: () => T, opts?: TransactionOptions): T {
    return this.base.transaction(fn, opts);
  }
  close(): void {}

  getMeta(key: string): string | null {
    return this.base.getMeta(this.ns + key);
  }
  setMeta(key: string, value: string): void {
    this.base.setMeta(this.ns + key, value);
  }
  deleteMetaPrefix(prefix: string): void {
    this.base.deleteMetaPrefix(this.ns + prefix);
  }
  dropPrefix(prefix: string): void {
    this.base.dropPrefix(this.ns + prefix);
  }

  getDoc(coll: string, id: string): StoredDoc | null {
    const d = this.base.getDoc(this.c(coll), id);
    return d && this.out(d);
  }
  putDoc(doc: StoredDoc): void {
    this.base.putDoc({ ...doc, coll: this.c(doc.coll) });
  }
  deleteDoc(coll: string, id: string, ts?: bigint): void {
    this.base.deleteDoc(this.c(coll), id, ts);
  }
  getDocAt(coll: string, id: string, ts: bigint): StoredDoc | null {
    const d = this.base.getDocAt(this.c(coll), id, ts);
    return d && this.out(d);
  }
  purgeExpired(beforeNanos: bigint, limit: number): { coll: string; id: string }[] {
    return this.base.purgeExpired(beforeNanos, limit); // global: expiry is the same for every database
  }
  pruneVersions(before: bigint): number {
    return this.base.pruneVersions(before);
  }
  scanDocs(coll: string, scan: DocScan): StoredDoc[] {
    return this.base.scanDocs(this.c(coll), scan).map((d) => this.out(d));
  }
  scanDocsAt(coll: string, scan: DocScan, ts: bigint): StoredDoc[] {
    return this.base.scanDocsAt(this.c(coll), scan, ts).map((d) => this.out(d));
  }
  countDocs(coll: string): number {
    return this.base.countDocs(this.c(coll));
  }
  dropCollection(coll: string): void {
    this.base.dropCollection(this.c(coll));
  }

  defineIndex(coll: string, index: string, def: IndexDef): void {
    this.base.defineIndex(this.c(coll), index, def);
  }
  setIndexEntries(coll: string, index: string, id: string, entries: IndexEntry[]): void {
    this.base.setIndexEntries(this.c(coll), index, id, entries);
  }
  setDocumentEntries(coll: string, id: string, byIndex: ReadonlyMap<string, IndexEntry[]>): void {
    this.base.setDocumentEntries(this.c(coll), id, byIndex);
  }
  scanIndex(coll: string, index: string, terms: Value[], scan: IndexScan): IndexHit[] {
    return this.base.scanIndex(this.c(coll), index, terms, scan);
  }
  dropIndex(coll: string, index: string): void {
    this.base.dropIndex(this.c(coll), index);
  }
  listIndexes(coll: string): string[] {
    return this.base.listIndexes(this.c(coll));
  }

  getSchemaFiles(): Map<string, string> {
    const json = this.getMeta("schema_files");
    return new Map(json ? (JSON.parse(json) as [string, string][]) : []);
  }
  setSchemaFiles(files: Map<string, string>): void {
    this.setMeta("schema_files", JSON.stringify([...files]));
  }
}
