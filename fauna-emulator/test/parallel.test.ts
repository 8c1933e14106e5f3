// The local Fauna with queries on a pool of worker threads (the server's default): reads run
// side by side, writes stay strictly serializable, and a runaway query is cut off at its
// deadline without holding up anything else. Through the official driver, as an app would.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, ServiceError, type Client, type Query, type QuerySuccess, type QueryValue } from "fauna";
import { fails, pushFiles, run, startDb, type TestDb } from "./support/emulator.js";

const SCHEMA = `
collection Item {
  name: String
  stock: Int = 0
  unique [.name]
}
collection Account {
  email: String
  unique [.email]
}
collection Pair {
  tag: String
  index byTag { terms [.tag] }
}
@role(server)
function Buy(id) {
  let item = Item.byId(id)!
  if (item.stock <= 0) abort("sold out")
  item.update({ stock: item.stock - 1 })
  item.stock
}
`;

let db: TestDb;
before(async () => {
  db = await startDb({ workers: 2, files: { "main.fsl": SCHEMA } });
});
after(() => db?.close());

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
// Generous: on a loaded 2-core machine 50 queued writes may take seconds; only the outcome counts.
const PATIENT = { query_timeout_ms: 60_000 };

test("a long read does not hold up other queries: they run on another worker", async () => {
  let slowDone = 0;
  const slow = db.admin
    .query(fql`Set.sequence(0, 1500000).where(x => x % 7 == 0).count()`, { query_timeout_ms: 60_000 })
    .then((r) => ((slowDone = performance.now()), r));
  await new Promise((r) => setTimeout(r, 50)); // the long one has started
  assert.equal(await run(db.admin, fql`1 + 1`), 2);
  const quickDone = performance.now();
  assert.equal((await slow).data, 214286);
  // On one thread, 1 + 1 would have waited for the long query to finish.
  assert.ok(quickDone < slowDone, "1 + 1 answered while the long read was still running");
});

/** 50 concurrent buys of a fresh item with stock 10; `text` makes each buy's query text. */
async function fiftyBuys(name: string, text: (id: string, i: number) => Query<number>) {
  const id = await run<string>(db.admin, fql`Item.create({ name: ${name}, stock: 10 }).id`);
  const results = await settle(Array.from({ length: 50 }, (_, i) => db.admin.query<number>(text(id, i), PATIENT)));
  const ok = results.filter((r): r is PromiseFulfilledResult<QuerySuccess<number>> => r.status === "fulfilled");
  assert.equal(ok.length, 10);
  for (const r of results) if (r.status === "rejected") assert.equal((r.reason as ServiceError).code, "abort");
  // Each buy saw its own stock level: the documents read are the ones written just after.
  assert.deepEqual(
    ok.map((r) => r.value.data).sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.equal(await run(db.admin, fql`Item.byId(${id})!.stock`), 0);
  return ok;
}

test("50 concurrent buys of an item with stock 10: exactly 10 succeed and stock ends at 0", async () => {
  // One query text: after its first write on a worker, each buy there starts holding the write lock.
  await fiftyBuys("last ten", (id) => fql`Buy(${id})`);
});

test("50 concurrent optimistic buys: exactly 10 succeed", async () => {
  // Fifty texts, so none is known to write and each starts on a snapshot beside the other worker's.
  await fiftyBuys("last ten, optimistic", (id, i) => fql(["Buy(", `) // buyer ${i}`], id));
});

test("a writer overtaken by another write runs again holding the lock, and says so as Fauna does", async () => {
  const id = await run<string>(db.admin, fql`Item.create({ name: "overtaken", stock: 5 }).id`);
  // Reads the stock, works a while, then writes: a snapshot that the quick buy below moves past.
  const slow = db.admin.query<number>(
    fql`let item = Item.byId(${id})!
        let busy = Set.sequence(0, 1000000).where(x => x % 7 == 0).count()
        item.update({ stock: item.stock - 1 }).stock`,
    PATIENT,
  );
  await new Promise((r) => setTimeout(r, 200)); // the slow one has read the stock
  // A text of its own: the pool holds back kinds of job that were slow lately (the buys above,
  // on a loaded machine) from the last idle worker.
  const quick = await db.admin.query<number>(fql`Buy(${id}) // quick`, PATIENT);
  assert.equal(quick.data, 4);
  const overtaken = await slow;
  assert.equal(overtaken.data, 3, "the second run read the stock the quick buy left");
  assert.equal(overtaken.stats?.contention_retries, 1);
  assert.equal(quick.stats?.contention_retries ?? 0, 0);
});

test("20 concurrent sign-ups with one email: exactly one account", async () => {
  const results = await settle(
    Array.from({ length: 20 }, () => db.admin.query(fql`Account.create({ email: "same@example.com" })`, PATIENT)),
  );
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  for (const r of results)
    if (r.status === "rejected") assert.equal((r.reason as ServiceError).code, "constraint_failure");
  assert.equal(await run(db.admin, fql`Account.all().count()`), 1);
});

test("transaction times and document ids stay strictly increasing across workers", async () => {
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      db.admin.query<{ id: string; ts: string }>(
        fql`let p = Pair.create({ tag: ${`t${i}`} }); { id: p.id, ts: p.ts.toString() }`,
      ),
    ),
  );
  const txnTimes = results.map((r) => r.txn_ts!);
  assert.equal(new Set(txnTimes).size, 40, "every write has its own time");
  const byTime = [...results].sort((a, b) => a.txn_ts! - b.txn_ts!);
  const ids = byTime.map((r) => BigInt(r.data.id));
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i]! > ids[i - 1]!, "ids grow with transaction time");
  // A later read sees every one of them.
  assert.equal(await run(db.admin, fql`Pair.all().count()`), 40);
});

test("a schema change is seen by every worker at its next query", async () => {
  await pushFiles(db.url, { "main.fsl": SCHEMA + "\ncollection Fresh {}\n" });
  const counts = await Promise.all(Array.from({ length: 8 }, () => run<number>(db.admin, fql`Fresh.all().count()`)));
  assert.deepEqual(counts, Array(8).fill(0));
});

test("cursors work whichever worker serves the next page", async () => {
  await run(db.admin, fql`Set.sequence(0, 30).forEach(i => Item.create({ name: "page" + i.toString() }))`);
  const seen: string[] = [];
  for await (const page of db.admin.paginate<{ name: string }>(fql`Item.where(.name.startsWith("page")).pageSize(4)`)) {
    seen.push(...page.map((item) => item.name));
    await Promise.all([run(db.admin, fql`1`), run(db.admin, fql`2`)]); // keep both workers busy
  }
  assert.equal(seen.length, 30);
  assert.equal(new Set(seen).size, 30);
});

test("a runaway regex is cut off at its deadline with 440, and /ping and other queries carry on", async () => {
  const hasty: Client = db.client("secret");
  const pings: number[] = [];
  let pinging = true;
  const pinger = (async () => {
    while (pinging) {
      const t = performance.now();
      await fetch(`${db.url}/ping`);
      pings.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const started = performance.now();
  // A backreference makes RE2 decline it: the backtracking fallback would run for ages.
  const err = await fails(hasty, fql`${"a".repeat(40) + "!"}.includesRegex("^(a|a)+\\\\1$")`, {
    query_timeout_ms: 200,
  });
  const elapsed = performance.now() - started;
  pinging = false;
  await pinger;
  assert.equal(err.code, "time_out");
  assert.equal(err.httpStatus, 440);
  assert.ok(elapsed < 3_000, `answered after ${elapsed.toFixed(0)} ms`);
  assert.ok(Math.max(...pings) < 1_000, `slowest /ping ${Math.max(...pings).toFixed(0)} ms`);
  assert.equal(await run(db.admin, fql`1 + 1`), 2);
});

test("a query that needs more memory than a worker has fails alone with value_too_large", async () => {
  const err = await fails(db.admin, fql`Array.sequence(0, 16000).map(x => Array.sequence(0, 16000)).length`, {
    query_timeout_ms: 60_000,
  });
  assert.equal(err.code, "value_too_large");
  assert.match(err.message, /memory/);
  assert.equal(await run<QueryValue>(db.admin, fql`Item.all().count() > 0`), true);
});
