// FQL conformance: Set methods and pagination, through the driver.
// Sources: Fauna reference §4 and §9.8; core specs FQL2SetSpec and FQL2IterableSpec.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Page, fql, type Document } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

// Documents carry their user fields as extra properties.
type Doc = Document & Record<string, unknown>;

let db: TestDb;
before(async () => {
  db = await startDb({ schemaDir: null });
  await run(db.admin, fql`Collection.create({ name: "Item" })`);
  await run(db.admin, fql`Collection.create({ name: "Effect" })`);
  await run(db.admin, fql`Set.sequence(1, 21).forEach(i => Item.create({ n: i, even: i % 2 == 0 }))`);
});
after(async () => {
  await db.close();
});

// ---- materialization and pagination ------------------------------------------------

test("a Set in the result is materialized as a Page of 16 with an after cursor", async () => {
  const p = await run<Page<Doc>>(db.admin, fql`Item.all()`);
  assert.ok(p instanceof Page);
  assert.equal(p.data.length, 16);
  assert.equal(typeof p.after, "string");
});

test("a Set that fits in one page has no after cursor", async () => {
  const p = await run<Page<number>>(db.admin, fql`Set.sequence(0, 4)`);
  assert.ok(p instanceof Page);
  assert.deepEqual(p.data, [0, 1, 2, 3]);
  assert.equal(p.after, undefined);
});

test("the driver's client.paginate() walks 20 documents as pages of 16 then 4", async () => {
  const sizes: number[] = [];
  const ns: number[] = [];
  for await (const page of db.admin.paginate<Doc>(fql`Item.all()`)) {
    sizes.push(page.length);
    for (const d of page) ns.push(d.n as number);
  }
  assert.deepEqual(sizes, [16, 4]);
  assert.deepEqual(
    [...ns].sort((a, b) => a - b),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
});

test("pageSize(n) makes the result Page hold n items", async () => {
  const p = await run<Page<number>>(db.admin, fql`Item.all().map(.n).pageSize(5)`);
  assert.ok(p instanceof Page);
  assert.equal(p.data.length, 5);
  assert.equal(typeof p.after, "string");
});

test("paginate(n) returns a plain {data, after} object, not a Set", async () => {
  const p = await run<{ data: number[]; after?: string }>(db.admin, fql`Item.all().order(.n).map(.n).paginate(3)`);
  assert.ok(!(p instanceof Page));
  assert.deepEqual(p.data, [1, 2, 3]);
  assert.equal(typeof p.after, "string");
});

test("paginate() on an empty set is { data: [] } without after (core FQL2SetSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`[].toSet().paginate()`), { data: [] });
});

test("Set.paginate(cursor) walks every remaining page exactly once, keeping the page size", async () => {
  let page = await run<{ data: number[]; after?: string }>(db.admin, fql`Item.all().order(.n).map(.n).paginate(7)`);
  const seen = [...page.data];
  const sizes = [page.data.length];
  while (page.after) {
    page = await run<{ data: number[]; after?: string }>(db.admin, fql`Set.paginate(${page.after})`);
    sizes.push(page.data.length);
    seen.push(...page.data);
  }
  assert.deepEqual(sizes, [7, 7, 6]);
  assert.deepEqual(
    seen,
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
});

test("Set.paginate(cursor, n) overrides the page size for that page", async () => {
  const first = await run<{ data: number[]; after?: string }>(db.admin, fql`Item.all().order(.n).map(.n).paginate(2)`);
  const next = await run<{ data: number[]; after?: string }>(db.admin, fql`Set.paginate(${first.after!}, 5)`);
  assert.deepEqual(next.data, [3, 4, 5, 6, 7]);
});

test("cursors can be paginated within the same query (core FQL2SetSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let s = [1, 2, 3].toSet()
let p1 = s.paginate(1)
let p2 = Set.paginate(p1.after!)
let p3 = Set.paginate(p2.after!)
[p1.data, p2.data, p3.data].flatten()`,
    ),
    [1, 2, 3],
  );
});

test("a page size outside 1..16000 is invalid_bounds", async () => {
  for (const q of [fql`Item.all().paginate(0)`, fql`Item.all().pageSize(16001)`]) {
    const e = await fails(db.admin, q);
    assert.equal(e.code, "invalid_bounds");
  }
});

test("Set.paginate with a garbage cursor is invalid_cursor", async () => {
  const e = await fails(db.admin, fql`Set.paginate("not-a-cursor")`);
  assert.equal(e.code, "invalid_cursor");
});

// ---- element access ------------------------------------------------------------------

test("first() and last() return the ends of the set, or null when empty", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let s = Item.all().order(.n)
[s.first()!.n, s.last()!.n, s.where(.n > 100).first(), s.where(.n > 100).last()]`,
    ),
    [1, 20, null, null],
  );
});

test("take(n) and drop(n) slice the set; take(0) is empty and over-large counts are clamped", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let s = Item.all().order(.n).map(.n)
[s.take(3).toArray(), s.drop(17).toArray(), s.take(0).toArray(), s.drop(100).toArray(), s.take(100).count()]`,
    ),
    [[1, 2, 3], [18, 19, 20], [], [], 20],
  );
});

test("firstWhere/lastWhere find matches or return null", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let s = Item.all().order(.n)
[s.firstWhere(.n > 5)!.n, s.lastWhere(.n < 5)!.n, s.firstWhere(.n > 50)]`,
    ),
    [6, 4, null],
  );
});

// ---- transforms -------------------------------------------------------------------

test("map and where transform and filter documents", async () => {
  assert.deepEqual(await run(db.admin, fql`Item.where(.n > 17).map(d => d.n * 10).toArray().order()`), [180, 190, 200]);
});

test("null returned by a where predicate acts like false (core FQL2IterableSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`[[1, 2].toSet().where(v => null).toArray(), [1, 2].where(v => null)]`), [
    [],
    [],
  ]);
});

test("order(asc(...)) and order(desc(...)) sort; a bare accessor means ascending", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let s = Item.all()
[s.order(desc(.n)).take(3).map(.n).toArray(), s.order(asc(.n)).take(2).map(.n).toArray(), s.order(.n).take(2).map(.n).toArray()]`,
    ),
    [
      [20, 19, 18],
      [1, 2],
      [1, 2],
    ],
  );
});

test("order() without arguments sorts values naturally (core FQL2IterableSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`[3, 2, 4, 1].toSet().order().toArray()`), [1, 2, 3, 4]);
});

test("order with several orderings sorts by the first then the next (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[{ name: "Bob", age: 30 }, { name: "Dave", age: 20 }, { name: "Alice", age: 20 }, { name: "Carol", age: 30 }]
  .toSet().order(.age, .name).map(.name).toArray()`,
    ),
    ["Alice", "Dave", "Bob", "Carol"],
  );
  assert.deepEqual(await run(db.admin, fql`Item.all().order(desc(.even), .n).take(3).map(.n).toArray()`), [2, 4, 6]);
});

test("reverse() reverses and reverse().reverse() restores (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(db.admin, fql`[[1, 2, 3].toSet().reverse().toArray(), [1, 2, 3].toSet().reverse().reverse().toArray()]`),
    [
      [3, 2, 1],
      [1, 2, 3],
    ],
  );
  assert.deepEqual(await run(db.admin, fql`Item.all().order(.n).reverse().take(2).map(.n).toArray()`), [20, 19]);
});

test("distinct() removes duplicates (core FQL2IterableSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`[1, 1, 2, 3, 3].toSet().distinct().toArray()`), [1, 2, 3]);
  assert.deepEqual(await run(db.admin, fql`Item.all().map(.even).distinct().toArray().order()`), [false, true]);
});

test("concat() appends one Set to another, including empty ones (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[
  [1, 2].toSet().concat([3, 4].toSet()).toArray(),
  [].toSet().concat([3, 4].toSet()).toArray(),
  [1, 2].toSet().concat([].toSet()).toArray()
]`,
    ),
    [
      [1, 2, 3, 4],
      [3, 4],
      [1, 2],
    ],
  );
});

test("flatMap flattens the Sets returned by its callback in order (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(db.admin, fql`[1, 2, 3, 4].toSet().flatMap(v => [v, v + 10].toSet()).toArray()`),
    [1, 11, 2, 12, 3, 13, 4, 14],
  );
});

test("projection on a set of documents is a Set of objects", async () => {
  const p = await run<Page<{ n: number }>>(db.admin, fql`Item.all().order(.n).take(2) { n }`);
  assert.ok(p instanceof Page);
  assert.deepEqual(p.data, [{ n: 1 }, { n: 2 }]);
});

// ---- eager reductions --------------------------------------------------------------

test("toArray() and count() are eager", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[Item.all().count(), Item.where(.even).count(), Item.all().toArray().length, [].toSet().count()]`,
    ),
    [20, 10, 20, 0],
  );
});

test("isEmpty() and nonEmpty() (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[Item.all().isEmpty(), Item.all().nonEmpty(), Item.all().take(0).isEmpty(), Item.where(.n > 99).nonEmpty()]`,
    ),
    [false, true, true, false],
  );
});

test("includes(v) tests membership", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let s = Item.all().map(.n)
[s.includes(7), s.includes(100)]`,
    ),
    [true, false],
  );
});

test("includes(doc) finds a document in a document set", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let d = Item.all().first()!
Item.all().includes(d)`,
    ),
    true,
  );
});

test("any() and every(); null results act like false (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let s = Item.all()
[s.any(.n == 20), s.any(.n == 21), s.every(.n > 0), s.every(.n > 1), [1].toSet().any(v => null), [1].toSet().every(v => null), [].toSet().every(v => false)]`,
    ),
    [true, false, true, false, false, false, true],
  );
});

test("fold(seed, fn) folds from the start; empty gives the seed (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[
  Item.all().fold(100, (acc, d) => acc + d.n),
  [1, 2, 3].toSet().fold([], (acc, e) => acc.concat([e])),
  [].toSet().fold(0, (a, b) => 100)
]`,
    ),
    [310, [1, 2, 3], 0],
  );
});

test("reduce(fn) uses the first element as seed; one element is returned as is; empty gives null (core FQL2IterableSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[
  Item.all().map(.n).reduce((acc, n) => acc + n),
  [7].toSet().reduce((acc, e) => 500),
  [].toSet().reduce((acc, e) => 100),
  Set.sequence(1, 10).map(i => [i]).reduce((a, b) => a.concat(b))[1]
]`,
      UNTYPED,
    ),
    [210, 7, null, 2],
  );
});

test("Set.sequence(from, until) is half-open and empty when out of order (core FQL2SetSpec)", async () => {
  assert.deepEqual(
    await run(db.admin, fql`[Set.sequence(0, 4).toArray(), Set.sequence(4, 0).toArray(), Set.sequence(1, 21).count()]`),
    [[0, 1, 2, 3], [], 20],
  );
});

test("Set.single(v) is a one-element Set (core FQL2SetSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`[Set.single(0).toArray(), Set.single(0).where(n => n > 0).toArray()]`), [
    [0],
    [],
  ]);
  const p = await run(db.admin, fql`Set.single("x")`);
  assert.ok(p instanceof Page);
  assert.deepEqual(p.data, ["x"]);
});

// ---- side effects -------------------------------------------------------------------

test("forEach over a Set performs writes for every element and returns null", async () => {
  assert.equal(
    await run(db.admin, fql`Item.where(.n <= 3).forEach(d => Effect.create({ from: d.n, kind: "forEach" }))`),
    null,
  );
  assert.deepEqual(await run(db.admin, fql`Effect.where(.kind == "forEach").map(.from).toArray().order()`), [1, 2, 3]);
});

test("set.map whose result is discarded performs no writes (lazy, core FQL2IterableSpec)", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`[1, 2, 3, 4].toSet().map(v => {
  Effect.create({ kind: "lazy-map", v: v })
})

"some result"`,
    ),
    "some result",
  );
  assert.equal(await run(db.admin, fql`Effect.where(.kind == "lazy-map").count()`), 0);
});

test("array.map runs its writes even if the result is ignored (eager, core FQL2IterableSpec)", async () => {
  await run(
    db.admin,
    fql`[1, 2].map(v => Effect.create({ kind: "array-map", v: v }))
"ignored"`,
  );
  assert.equal(await run(db.admin, fql`Effect.where(.kind == "array-map").count()`), 2);
});

// ---- cursor semantics (core FQL2PaginationSpec) -------------------------------------------

test("Set.paginate continues at the first page's snapshot: documents written later are not seen", async () => {
  await run(db.admin, fql`Collection.create({ name: "Snap" })`);
  await run(db.admin, fql`Set.sequence(0, 20).forEach(i => Snap.create({ i: i }))`);
  const first = await run<Page<Doc>>(db.admin, fql`Snap.all()`);
  assert.equal(first.data.length, 16);
  await run(db.admin, fql`Snap.create({ i: 99 })`);
  const rest = await run<{ data: Doc[]; after?: string }>(db.admin, fql`Set.paginate(${first.after!})`);
  assert.equal(rest.data.length, 4);
  assert.equal(rest.after, undefined);
  assert.ok(rest.data.every((d) => d.i !== 99));
});

test("a cursor carries the variables its set closed over", async () => {
  const first = await run<Page<number>>(
    db.admin,
    fql`let fuu = -1
Item.all().order(.n).map(.n * fuu)`,
  );
  assert.deepEqual(
    first.data,
    Array.from({ length: 16 }, (_, i) => -(i + 1)),
  );
  const rest = await run<{ data: number[]; after?: string }>(db.admin, fql`Set.paginate(${first.after!})`);
  assert.deepEqual(rest.data, [-17, -18, -19, -20]);
});

test("pageSize composes with where: every page is walked and all matches are seen once", async () => {
  const all: string[] = [];
  const sizes: number[] = [];
  for await (const page of db.admin.paginate<string>(fql`Set.sequence(1, 20)
  .map(.toString())
  .pageSize(2)
  .where(.startsWith("1"))`)) {
    sizes.push(page.length);
    all.push(...page);
  }
  assert.deepEqual(all, ["1", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"]);
  assert.ok(
    sizes.every((s) => s <= 2),
    `page sizes ${sizes.join(",")}`,
  );
});
