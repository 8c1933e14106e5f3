// Conformance: FSL indexes become collection methods (reference §7.3; faunadb FQL2IndexSpec,
// FQL2ComputedFieldsSpec "works as terms and values"): terms select, values order (asc by
// default, desc()), ties broken by document, mva() indexes each array element, range queries.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import { fails, run, startDb, type TestDb } from "./support/emulator.js";

const SCHEMA = `
collection Book {
  title: String
  author: String
  year: Int
  tags: Array<String> = []

  index byAuthor {
    terms [.author]
  }
  index byAuthorNewestFirst {
    terms [.author]
    values [desc(.year), .title]
  }
  index byYear {
    values [.year, .title]
  }
  index byTag {
    terms [mva(.tags)]
  }
  index byAuthorAndYear {
    terms [.author, .year]
  }
}
`;

let db: TestDb;

before(async () => {
  db = await startDb({ files: { "main.fsl": SCHEMA } });
  await run(
    db.admin,
    fql`
    Book.create({ title: "B", author: "Le Guin", year: 1969, tags: ["sf", "classic"] })
    Book.create({ title: "A", author: "Le Guin", year: 1974, tags: ["sf"] })
    Book.create({ title: "C", author: "Le Guin", year: 1974, tags: ["utopia"] })
    Book.create({ title: "D", author: "Butler", year: 1979, tags: ["classic"] })
    Book.create({ title: "E", author: "Butler", year: 1993 })
  `,
  );
});

after(async () => {
  await db?.close();
});

const titles = (q: ReturnType<typeof fql>) => run(db.admin, q) as Promise<string[]>;

test("an index with terms returns exactly the documents whose field equals the argument", async () => {
  assert.deepEqual((await titles(fql`Book.byAuthor("Le Guin").map(.title).toArray()`)).sort(), ["A", "B", "C"]);
  assert.deepEqual((await titles(fql`Book.byAuthor("Butler").map(.title).toArray()`)).sort(), ["D", "E"]);
  assert.deepEqual(await titles(fql`Book.byAuthor("Nobody").map(.title).toArray()`), []);
});

test("an index method returns a Set (it supports count/first/paginate)", async () => {
  assert.equal(await run(db.admin, fql`Book.byAuthor("Le Guin").count()`), 3);
  const page = (await run(db.admin, fql`Book.byAuthor("Le Guin").paginate(2)`)) as { data: unknown[]; after?: string };
  assert.equal(page.data.length, 2);
  assert.equal(typeof page.after, "string");
});

test("values [desc(.year), .title] order the results newest first, ties by title ascending", async () => {
  assert.deepEqual(await titles(fql`Book.byAuthorNewestFirst("Le Guin").map(.title).toArray()`), ["A", "C", "B"]);
});

test("an index with only values orders the whole collection ascending by default", async () => {
  assert.deepEqual(await titles(fql`Book.byYear().map(.title).toArray()`), ["B", "A", "C", "D", "E"]);
});

test("an index method accepts a { from, to } range over its values (inclusive)", async () => {
  assert.deepEqual(await titles(fql`Book.byYear({ from: 1974, to: 1979 }).map(.title).toArray()`), ["A", "C", "D"]);
});

test("several terms are matched positionally", async () => {
  assert.deepEqual((await titles(fql`Book.byAuthorAndYear("Le Guin", 1974).map(.title).toArray()`)).sort(), ["A", "C"]);
  assert.deepEqual(await titles(fql`Book.byAuthorAndYear("Butler", 1974).map(.title).toArray()`), []);
});

test("mva(.tags) indexes each element of the array field", async () => {
  assert.deepEqual((await titles(fql`Book.byTag("classic").map(.title).toArray()`)).sort(), ["B", "D"]);
  assert.deepEqual((await titles(fql`Book.byTag("sf").map(.title).toArray()`)).sort(), ["A", "B"]);
  assert.deepEqual(await titles(fql`Book.byTag("none").map(.title).toArray()`), []);
});

test("index entries follow updates and deletes", async () => {
  const id = (await run(
    db.admin,
    fql`Book.create({ title: "F", author: "Temp", year: 2000, tags: ["x"] }).id`,
  )) as string;
  assert.equal(await run(db.admin, fql`Book.byAuthor("Temp").count()`), 1);
  await run(db.admin, fql`Book.byId(${id})!.update({ author: "Moved", tags: ["y"] })`);
  assert.equal(await run(db.admin, fql`Book.byAuthor("Temp").count()`), 0);
  assert.equal(await run(db.admin, fql`Book.byAuthor("Moved").count()`), 1);
  assert.equal(await run(db.admin, fql`Book.byTag("x").count()`), 0);
  assert.equal(await run(db.admin, fql`Book.byTag("y").count()`), 1);
  await run(db.admin, fql`Book.byId(${id})!.delete()`);
  assert.equal(await run(db.admin, fql`Book.byAuthor("Moved").count()`), 0);
});

test("a write made earlier in the same query is visible to an index read later in it", async () => {
  const r = await run(
    db.admin,
    fql`Book.create({ title: "G", author: "Same", year: 2001 }); Book.byAuthor("Same").count()`,
  );
  assert.equal(r, 1);
});

test("calling an index that does not exist fails (invalid_function_invocation, or invalid_query when typechecked)", async () => {
  const e = await fails(db.admin, fql`Book.byNothing("x")`);
  assert.ok(["invalid_function_invocation", "invalid_query"].includes(e.code ?? ""), `got ${e.code}`);
  assert.match(e.message + (e.queryInfo?.summary ?? ""), /byNothing/);
});
