// A query is committed only once its whole response exists: rendering and encoding run inside
// the transaction, so a failure there rolls every write back (never a 500 after a commit).
// Computed fields holding a Set render as a set cursor, as in Fauna's own sample schema
// (`compute orders: Set<Order> = ...`, fauna/js-sample-app schema/collections.fsl).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { EmbeddedSet, Page, fql, type Document } from "fauna";
import { FaunaEngine } from "../src/engine/engine.js";
import { openStore } from "../src/store/index.js";
import { queryEngine } from "./support/engine.js";
import { run, startDb, type TestDb } from "./support/emulator.js";

const SCHEMA = `
collection A {
  name: String?
  compute siblings: Set<A> = (a => A.all())
}
`;

let db: TestDb;
before(async () => {
  db = await startDb({ files: { "main.fsl": SCHEMA } });
});
after(() => db.close());

test("a document with a Set-typed computed field renders it as a set cursor, and the write commits once", async () => {
  const created = await run<Document & { siblings: EmbeddedSet }>(db.admin, fql`A.create({ name: "first" })`);
  assert.ok(created.siblings instanceof EmbeddedSet, `siblings rendered as ${JSON.stringify(created.siblings)}`);
  // The cursor pages through the set like any other.
  const page = await run<Page<Document & { name: string }>>(db.admin, fql`Set.paginate(${created.siblings.after})`);
  assert.deepEqual(
    page.data.map((d) => d.name),
    ["first"],
  );
  assert.equal(await run(db.admin, fql`A.all().count()`), 1);
});

test("an error while encoding the result rolls the transaction back", () => {
  const store = openStore({ dir: null });
  const engine = new FaunaEngine(store, { rootSecret: "secret" });
  const request = (source: string, encode: (data: unknown) => unknown) => queryEngine(engine, source, { encode });
  try {
    request(`Collection.create({ name: "B" })`, (d) => d);
    assert.throws(
      () =>
        request(`B.create({ n: 1 })`, () => {
          throw new Error("encoder failed");
        }),
      /encoder failed/,
    );
    assert.deepEqual(
      request(`B.all().count()`, (d) => d).data,
      { kind: "int", value: 0 },
      "the failed query's document was not committed",
    );
  } finally {
    store.close();
  }
});
