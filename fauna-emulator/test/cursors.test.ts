// Cursors carry their own state: they keep working across a restart, capture the lambdas and
// variables of the set they page, and cannot be forged.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fql } from "fauna";
import { fails, run, startDb } from "./support/emulator.js";

const tmp = mkdtempSync(join(tmpdir(), "fauna-cursors-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

type Page = { data: { name: string; price: number }[]; after?: string };

async function seed(db: Awaited<ReturnType<typeof startDb>>) {
  const storeId = await run<string>(db.admin, fql`Store.create({ name: "S" }).id`);
  await run(
    db.admin,
    fql`Set.sequence(0, 40).forEach(i => Product.create({ name: "p" + i.toString(), description: "d", price: i * 1.0, store: Store.byId(${storeId})! }))`,
  );
}

test("a cursor keeps working after the server restarts", async () => {
  const dir = join(tmp, "restart");
  const a = await startDb({ dataDir: dir });
  await seed(a);
  const min = 10.0;
  const first = await run<Page>(
    a.admin,
    fql`Product.sortedByPrice().where(p => p.price >= ${min}).map(p => p { name, price }).pageSize(10).paginate()`,
  );
  assert.equal(first.data.length, 10);
  await a.close();

  const b = await startDb({ dataDir: dir, schemaDir: null });
  const seen = [...first.data];
  let cursor = first.after;
  while (cursor) {
    const page = await run<Page>(b.admin, fql`Set.paginate(${cursor})`);
    seen.push(...page.data);
    cursor = page.after;
  }
  assert.equal(seen.length, 30, "every product with price >= 10, once");
  assert.deepEqual(
    seen.map((p) => p.price),
    [...seen.map((p) => p.price)].sort((x, y) => y - x),
    "index order (desc price) kept",
  );
  assert.ok(
    seen.every((p) => p.price >= 10),
    "the captured variable `min` still filters",
  );
  await b.close();
});

test("a tampered cursor is invalid_cursor", async () => {
  const db = await startDb();
  await seed(db);
  const first = await run<Page>(db.admin, fql`Product.all().pageSize(5).paginate()`);
  const cursor = first.after!;
  const tampered = cursor.slice(0, -3) + (cursor.endsWith("AAA") ? "BBB" : "AAA");
  assert.equal((await fails(db.admin, fql`Set.paginate(${tampered})`)).code, "invalid_cursor");
  assert.equal((await fails(db.admin, fql`Set.paginate("c1.bm9wZQ.bogus")`)).code, "invalid_cursor");
  await db.close();
});

test("cursors are re-checked with the current caller's permissions", async () => {
  const db = await startDb();
  await seed(db);
  const key = await run<{ secret: string }>(db.admin, fql`Key.create({ role: "unauthenticated" })`);
  const page = await run<Page>(db.admin, fql`Product.all().pageSize(5).paginate()`);
  const anonPage = await run<Page>(db.client(key.secret), fql`Set.paginate(${page.after!})`);
  assert.deepEqual(anonPage.data, [], "documents the caller cannot read are filtered");
  await db.close();
});

test("later pages read at the first page's snapshot: changes and deletions made since are not seen", async () => {
  const db = await startDb();
  await seed(db);
  const first = await run<Page>(db.admin, fql`Product.all().map(p => p { name, price }).pageSize(20).paginate()`);
  const docs = await run<Page>(db.admin, fql`Product.all().pageSize(20).paginate()`);
  assert.equal(first.data.length, 20);
  await run(db.admin, fql`Product.firstWhere(.name == "p25")!.update({ price: 999.0 })`);
  await run(db.admin, fql`Product.firstWhere(.name == "p30")!.delete()`);
  await run(db.admin, fql`Product.create({ name: "late", description: "d", price: 1.0, store: Store.all().first()! })`);
  const rest = await run<Page>(db.admin, fql`Set.paginate(${first.after!})`);
  assert.equal(rest.data.length, 20, "the deleted product is still listed; the new one is not");
  assert.equal(rest.data.find((p) => p.name === "p25")?.price, 25, "the updated product as it was");
  assert.ok(rest.data.some((p) => p.name === "p30"));
  assert.ok(!rest.data.some((p) => p.name === "late"));
  const tail = await run<{ data: { name: string }[] }>(db.admin, fql`Set.paginate(${docs.after!})`);
  assert.ok(
    tail.data.some((p) => p.name === "p30"),
    "documents on a later page render as of the snapshot",
  );
  await db.close();
});
