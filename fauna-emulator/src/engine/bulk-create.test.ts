// Bulk loading (`FaunaEngine.bulkCreate`) must leave exactly what `Coll.create(row)` queries
// leave: the same rows (documents, index entries of every index, unique constraints, computed
// and mva values, defaults, ttl), ids and times with the same meaning, and the same answers and
// errors to every query afterwards. Two fresh stores get the same rows, one each way.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import Database from "libsql";
import { QueryError, doc, double, int, obj, time, type ObjectValue, type Value } from "../core/index.js";
import { DB_FILE, openStore, type Store } from "../store/index.js";
import { FaunaEngine } from "./engine.js";
import { queryEngine } from "../../test/support/engine.js";

const ROOT = "secret";
const SCHEMA = `
collection Store {
  name: String
}

collection Product {
  name: String
  price: Double
  quantity: Int = 0
  tags: Array<String> = []
  store: Ref<Store>
  details: { color: String?, size: Int? }?

  compute label: String = (p => p.name + "/" + p.quantity.toString())

  unique [.name, .store]

  index byStore {
    terms [.store]
    values [.name]
  }
  index sortedByPrice {
    values [desc(.price), .name]
  }
  index byTag {
    terms [mva(.tags)]
    values [.label]
  }
  index byLabel {
    terms [.label]
  }

  check nonNegativePrice ((doc) => doc.price >= 0)
}

collection Customer {
  email: String
  name: String?

  unique [.email]

  index byEmail {
    terms [.email]
  }
}
`;

const STORE_ID = "1000";
const PRODUCTS = 230;
const CUSTOMERS = 170;
const BATCH = 50;
const TTL = time(4_102_444_800_000_000_000n); // 2100-01-01

/** Varied rows: repeated prices, empty and repeating tag arrays, nulls to drop, omitted defaults. */
function productRow(i: number): ObjectValue {
  const row = obj([
    ["name", `p${(i * 37) % 1000}`],
    ["price", double((i * 7) % 23)],
    ["store", doc("Store", STORE_ID)],
  ]);
  if (i % 3 === 0) row.set("quantity", int(i));
  if (i % 4 !== 0) row.set("tags", i % 5 === 0 ? [] : [`t${i % 6}`, `t${i % 4}`, `t${i % 6}`]);
  if (i % 7 === 0)
    row.set(
      "details",
      obj([
        ["color", i % 2 ? "red" : null],
        ["size", int(i % 3)],
      ]),
    );
  return row;
}

function customerRow(i: number): ObjectValue {
  const row = obj([["email", `c${i}@example.com`]]);
  if (i % 2 === 0) row.set("name", i % 4 === 0 ? `Name ${i}` : null);
  if (i % 9 === 0) row.set("ttl", TTL);
  if (i % 40 === 7) row.set("id", String(500 + i)); // explicit ids
  return row;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const products = range(PRODUCTS).map(productRow);
const customers = range(CUSTOMERS).map(customerRow);
const EXPLICIT_IDS = new Set([STORE_ID, ...customers.flatMap((c) => (c.has("id") ? [c.get("id") as string] : []))]);
const batches = <T>(rows: T[]) =>
  range(Math.ceil(rows.length / BATCH)).map((b) => rows.slice(b * BATCH, (b + 1) * BATCH));

interface Side {
  dir: string;
  store: Store;
  engine: FaunaEngine;
  q(source: string, variables?: Record<string, Value>, secret?: string): unknown;
}

function openSide(): Side {
  const dir = mkdtempSync(join(tmpdir(), "fauna-bulk-"));
  const store = openStore({ dir });
  const engine = new FaunaEngine(store, { rootSecret: ROOT });
  engine.schemaUpdate(ROOT, [{ filename: "main.fsl", content: SCHEMA }], { staged: false, override: true });
  const q = (source: string, variables: Record<string, Value> = {}, secret = ROOT) =>
    // Untyped, like the loader: rows are checked when written (a bad row's run-time error
    // is what both sides must agree on), not statically.
    queryEngine(engine, source, { secret, variables, timeoutMs: 60_000, typecheck: false }).data;
  q(`Store.create({ id: "${STORE_ID}", name: "S" })`);
  return { dir, store, engine, q };
}

let viaFql: Side;
let viaBulk: Side;

before(() => {
  viaFql = openSide();
  viaBulk = openSide();
  // The same row values, as query arguments to Coll.create, one query per batch…
  for (const rows of batches(products)) viaFql.q("rows.forEach(r => Product.create(r))", { rows });
  for (const rows of batches(customers)) viaFql.q("rows.forEach(r => Customer.create(r))", { rows });
  // …and through the bulk loader, one transaction per batch.
  assert.deepEqual(viaBulk.engine.bulkCreate(ROOT, "Product", products, { batch: BATCH }), {
    documents: PRODUCTS,
    transactions: Math.ceil(PRODUCTS / BATCH),
  });
  viaBulk.engine.bulkCreate(ROOT, "Customer", customers.values(), { batch: BATCH });
});

after(() => {
  for (const side of [viaFql, viaBulk]) {
    side?.store.close();
    if (side) rmSync(side.dir, { recursive: true, force: true });
  }
});

type Row = Record<string, unknown>;

/**
 * Every row of the data tables, with document ids and transaction times replaced by their rank
 * (they are clock readings: equal in meaning, not in value). Ranks keep order, so rows sorted
 * by id stay comparable.
 */
function normalizedRows(side: Side): Record<string, Row[]> {
  const db = new Database(join(side.dir, DB_FILE), { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    const all = (sql: string) => db.prepare(sql).all() as Row[];
    const docs = all("SELECT coll, id, ts, ttl, data, expires_s FROM docs ORDER BY coll, id");
    const ids = new Map(
      [...new Set(docs.map((d) => d.id as bigint))].sort((a, b) => (a < b ? -1 : 1)).map((id, i) => [id, i]),
    );
    const times = new Map(
      [...new Set(docs.map((d) => d.ts as bigint))].sort((a, b) => (a < b ? -1 : 1)).map((t, i) => [t, i]),
    );
    for (const d of docs) {
      // A generated id is Fauna-like: taken from its transaction's time, so never below ts << 8.
      if (EXPLICIT_IDS.has(String(d.id))) continue;
      assert.ok((d.id as bigint) >= (d.ts as bigint) << 8n, `id ${d.id} predates its transaction ${d.ts}`);
    }
    const rank = (r: Row) => ({
      ...r,
      id: ids.get(r.id as bigint),
      ...("ts" in r ? { ts: times.get(r.ts as bigint) } : {}),
    });
    return {
      docs: docs.map(rank),
      entries: all(
        "SELECT coll, idx, hex(terms) AS terms, hex(vals) AS vals, id, vals_json FROM index_entries ORDER BY coll, idx, terms, vals, id",
      ).map(rank),
      versions: all("SELECT * FROM doc_versions"),
      defs: all("SELECT * FROM index_defs ORDER BY coll, idx"),
      meta: all("SELECT key FROM meta ORDER BY key"),
    };
  } finally {
    db.close();
  }
}

test("the bulk loader writes the same documents and index entries as Coll.create queries", () => {
  const fqlRows = normalizedRows(viaFql);
  const bulkRows = normalizedRows(viaBulk);
  assert.equal(fqlRows.docs!.length, 1 + PRODUCTS + CUSTOMERS);
  // Six indexes of Product (mva expands tags) and two of Customer: many more entries than documents.
  assert.ok(fqlRows.entries!.length > 2 * PRODUCTS + 2 * CUSTOMERS + 100);
  assert.deepEqual(bulkRows.docs, fqlRows.docs);
  assert.deepEqual(bulkRows.entries, fqlRows.entries);
  assert.deepEqual(bulkRows.versions, fqlRows.versions);
  assert.deepEqual(bulkRows.defs, fqlRows.defs);
  assert.deepEqual(bulkRows.meta, fqlRows.meta);
  // One transaction time per batch, as one query per batch has.
  const times = new Set(bulkRows.docs!.filter((d) => d.coll === "Product").map((d) => d.ts));
  assert.equal(times.size, Math.ceil(PRODUCTS / BATCH));
});

test("queries see the same documents, index lookups and cursor pages either way", () => {
  const readers = [
    "Product.all().count()",
    "Customer.all().count()",
    "Product.sortedByPrice().take(40).map(p => [p.name, p.price, p.label]).toArray()",
    'Product.byTag("t3").map(p => p.name).toArray()',
    'Product.byLabel("p111/3").map(p => p.name).toArray()',
    `Product.byStore(Store.byId("${STORE_ID}")!).count()`,
    'Customer.byEmail("c17@example.com").map(c => [c.email, c.name, c.ttl]).toArray()',
    'Customer.byEmail("c18@example.com").map(c => [c.email, c.name, c.ttl]).toArray()',
    'Customer.byId("547")?.email',
    "Product.where(p => p.details?.color == null && p.details != null).map(p => p.details).toArray()",
  ];
  for (const source of readers) assert.deepEqual(viaBulk.q(source), viaFql.q(source), source);

  // Walk a sorted index page by page with cursors, as the shop does.
  const walk = (side: Side) => {
    const names: unknown[] = [];
    let page = side.q("Product.sortedByPrice().map(p => p.name).paginate(16)") as Map<string, unknown>;
    for (;;) {
      names.push(...(page.get("data") as unknown[]));
      const cursor = page.get("after");
      if (!cursor) return names;
      page = side.q("Set.paginate(after)", { after: cursor as string }) as Map<string, unknown>;
    }
  };
  const names = walk(viaBulk);
  assert.equal(names.length, PRODUCTS);
  assert.deepEqual(names, walk(viaFql));
});

/** The error a query or bulk load fails with: code, message, constraint failures. */
function failure(run: () => unknown): { code: string; message: string; failures: unknown } {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof QueryError, String(e));
    return { code: e.code, message: e.message, failures: e.constraintFailures };
  }
  assert.fail("expected a query error");
}

test("unique and check constraints hold afterwards, for queries and for further bulk loads alike", () => {
  const dupProduct = obj([
    ["name", "p37"],
    ["price", double(1)],
    ["store", doc("Store", STORE_ID)],
  ]);
  const dupCustomer = obj([["email", "c5@example.com"]]);
  const negative = obj([
    ["name", "fresh"],
    ["price", double(-1)],
    ["store", doc("Store", STORE_ID)],
  ]);
  for (const [coll, row, code] of [
    ["Product", dupProduct, "constraint_failure"],
    ["Customer", dupCustomer, "constraint_failure"],
    ["Product", negative, "constraint_failure"],
  ] as const) {
    const byQuery = failure(() => viaBulk.q(`${coll}.create(r)`, { r: row }));
    assert.equal(byQuery.code, code);
    assert.deepEqual(
      failure(() => viaFql.q(`${coll}.create(r)`, { r: row })),
      byQuery,
    );
    // A bulk batch holding the offending row fails the same way and leaves nothing of its batch.
    const before = viaBulk.q(`${coll}.all().count()`);
    const fresh = obj([["email", "new@example.com"]]);
    const batch =
      coll === "Customer" ? [fresh, row] : [obj([...negative, ["name", "fresh-ok"], ["price", double(2)]]), row];
    assert.deepEqual(
      failure(() => viaBulk.engine.bulkCreate(ROOT, coll, batch)),
      byQuery,
    );
    assert.deepEqual(viaBulk.q(`${coll}.all().count()`), before);
  }
});

test("bulk-loaded documents update, delete and keep their index entries current like any other", () => {
  for (const side of [viaFql, viaBulk]) {
    side.q('Product.byLabel("p111/3").first()!.update({ tags: ["moved"], quantity: 4 })');
    side.q('Customer.byEmail("c20@example.com").first()!.delete()');
  }
  for (const source of [
    'Product.byTag("moved").map(p => p.label).toArray()',
    'Product.byLabel("p111/3").count()',
    'Customer.byEmail("c20@example.com").count()',
    "Customer.all().count()",
  ]) {
    assert.deepEqual(viaBulk.q(source), viaFql.q(source), source);
  }
  assert.deepEqual(viaBulk.q('Product.byTag("moved").map(p => p.label).toArray()'), ["p111/4"]);
});

test("the bulk loader asks the same permission a create query does, and refuses other collections", () => {
  const key = viaBulk.q('Key.create({ role: "server-readonly" }).secret') as string;
  const row = obj([["email", "readonly@example.com"]]);
  const byQuery = failure(() => viaBulk.q("Customer.create(r)", { r: row }, key));
  assert.equal(byQuery.code, "permission_denied");
  assert.deepEqual(
    failure(() => viaBulk.engine.bulkCreate(key, "Customer", [row])),
    byQuery,
  );
  assert.equal(
    failure(() => viaBulk.engine.bulkCreate(ROOT, "Key", [obj([["role", "admin"]])])).code,
    "invalid_argument",
  );
});

test("a child database's secret loads into that database only", () => {
  viaBulk.q('Database.create({ name: "child" })');
  const child = `${ROOT}:child:admin`;
  viaBulk.engine.schemaUpdate(child, [{ filename: "main.fsl", content: SCHEMA }], { staged: false, override: true });
  viaBulk.engine.bulkCreate(child, "Customer", [obj([["email", "only-here@example.com"]])]);
  assert.deepEqual(viaBulk.q('Customer.byEmail("only-here@example.com").count()', {}, child), int(1));
  assert.deepEqual(viaBulk.q('Customer.byEmail("only-here@example.com").count()'), int(0));
});
