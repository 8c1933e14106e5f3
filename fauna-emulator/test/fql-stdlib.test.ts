// FQL conformance: standard library (Object, Time, Date, String, abort, newId) and tagged values
// passed as query arguments. Sources: Fauna reference §2.1, §3.2–3.3, §9.10; core specs
// FQL2ObjectSpec, FQL2TimeSpec, FQL2DateSpec, FQL2StringSpec.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { AbortError, Client, DateStub, Document, TimeStub, fql } from "fauna";
import { UNTYPED, fails, run, startDb, type TestDb } from "./support/emulator.js";

let db: TestDb;
// Decodes @long as bigint so Long round trips are observable.
let big: Client;
before(async () => {
  db = await startDb({ schemaDir: null });
  big = new Client({ endpoint: new URL(db.url), secret: "secret", long_type: "bigint", http2_session_idle_ms: 500 });
  await run(db.admin, fql`Collection.create({ name: "Note" })`);
});
after(async () => {
  big.close();
  await db.close();
});

// ---- Object ---------------------------------------------------------------------

test("Object.keys/values/entries keep insertion order (core FQL2ObjectSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[Object.keys({ b: 0, a: 0 }), Object.values({ b: 1, a: 0 }), Object.entries({ b: 1, a: 0 }), Object.keys({})]`,
    ),
    [
      ["b", "a"],
      [1, 0],
      [
        ["b", 1],
        ["a", 0],
      ],
      [],
    ],
  );
});

test("Object.fromEntries builds an object; later duplicate keys win", async () => {
  assert.deepEqual(await run(db.admin, fql`[Object.fromEntries([]), Object.fromEntries([['a', 0], ['b', 'x']])]`), [
    {},
    { a: 0, b: "x" },
  ]);
  const v = await run<Record<string, unknown>>(
    db.admin,
    fql`Object.fromEntries([['a', 0], ['b', 'x'], ['a', 2], ['b', 'y'], ['a', 3]])`,
  );
  assert.equal(v.a, 3);
  assert.equal(v.b, "y");
});

test("Object.assign returns a new object with the source's keys overriding (shallow)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let dst = { a: 0, n: { x: 1 } }
let res = Object.assign(dst, { b: "x", n: { y: 2 } })
[res, dst]`,
    ),
    [
      { a: 0, n: { y: 2 }, b: "x" },
      { a: 0, n: { x: 1 } },
    ],
  );
});

test("Object.assign and Object.keys see a document as an object of its fields", async () => {
  const v = await run<Record<string, unknown>>(
    db.admin,
    fql`let d = Note.create({ title: "t" })
Object.assign({}, d)`,
  );
  assert.equal(v.title, "t");
  assert.equal(typeof v.id, "string");
  assert.ok(Object.keys(v).includes("coll"));
  assert.equal(await run(db.admin, fql`Object.keys(Note.create({ title: "u" })).includes("title")`), true);
});

// ---- Time and Date -----------------------------------------------------------------

test("Time.now() is the same value everywhere in one query", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let a = Time.now()
let xs = Set.sequence(0, 200).toArray().map(i => i * 2)
let b = Time.now()
a == b && xs.length == 200`,
    ),
    true,
  );
});

test("Time.now() advances between queries and is a Time", async () => {
  const a = await run<TimeStub>(db.admin, fql`Time.now()`);
  await new Promise((r) => setTimeout(r, 5));
  const b = await run<TimeStub>(db.admin, fql`Time.now()`);
  assert.ok(a instanceof TimeStub);
  assert.ok(b.toDate().getTime() >= a.toDate().getTime());
  assert.notEqual(a.isoString, b.isoString);
});

test("Time(iso) parses and renders like Java Instant.toString (zero fraction omitted)", async () => {
  const t = await run<TimeStub>(db.admin, fql`Time("2023-02-10T12:01:19.000Z")`);
  assert.ok(t instanceof TimeStub);
  assert.equal(t.isoString, "2023-02-10T12:01:19Z");
  assert.equal(await run(db.admin, fql`Time('2023-02-10T12:01:19.000Z').toString()`), "2023-02-10T12:01:19Z");
});

test("Time accessors and toMillis (core FQL2TimeSpec)", async () => {
  assert.deepEqual(
    await run(
      big,
      fql`let t = Time('2023-02-10T12:01:19.000Z')
[t.year, t.month, t.dayOfMonth, t.hour, t.minute, t.second, t.dayOfWeek, t.dayOfYear]`,
    ),
    [2023, 2, 10, 12, 1, 19, 5, 41],
  );
  assert.equal(Number(await run(big, fql`Time('2023-02-10T12:01:19.000Z').toMillis()`)), 1676030479000);
});

test("Time add/subtract with units, including fractional amounts (core FQL2TimeSpec)", async () => {
  const v = await run<TimeStub[]>(
    db.admin,
    fql`let ts = Time("2023-02-10T12:00:00.000Z")
[ts.add(19, 'minutes'), ts.add(0.5, 'seconds'), ts.add(0.5, 'minutes'), ts.add(-0.5, 'seconds'), ts.subtract(1.5, 'hours'), ts.add(1, 'day')]`,
  );
  assert.deepEqual(
    v.map((t) => t.toDate().toISOString()),
    [
      "2023-02-10T12:19:00.000Z",
      "2023-02-10T12:00:00.500Z",
      "2023-02-10T12:00:30.000Z",
      "2023-02-10T11:59:59.500Z",
      "2023-02-10T10:30:00.000Z",
      "2023-02-11T12:00:00.000Z",
    ],
  );
});

test("Time difference is receiver minus argument in the unit (core FQL2TimeSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[
  Time('2023-02-10T12:00:00.000Z').difference(Time('2023-02-01T12:00:00.000Z'), 'days'),
  Time('2023-02-10T12:00:00.000Z').difference(Time('2023-02-10T12:00:19.000Z'), 'seconds')
]`,
    ),
    [9, -19],
  );
});

test("an unknown time unit is invalid_unit", async () => {
  const e = await fails(db.admin, fql`Time('2023-02-10T12:00:00.000Z').add(1, 'fortnight')`);
  assert.equal(e.code, "invalid_unit");
  assert.equal(e.message, "`fortnight` is not a valid time unit.");
});

test("Time() of an unparseable string is invalid_time", async () => {
  const e = await fails(db.admin, fql`Time("not a time")`);
  assert.equal(e.code, "invalid_time");
});

test("Date(...) renders as a Date and difference counts days (core FQL2DateSpec)", async () => {
  const d = await run<DateStub>(db.admin, fql`Date("2024-02-29")`);
  assert.ok(d instanceof DateStub);
  assert.equal(d.dateString, "2024-02-29");
  assert.deepEqual(
    await run(
      db.admin,
      fql`[Date('2023-02-10').difference(Date('2023-01-01')), Date('2023-02-10').difference(Date('2023-12-31'))]`,
    ),
    [40, -324],
  );
});

// ---- String ---------------------------------------------------------------------

test("string length counts code points; at()/[i] index by code point (core FQL2StringSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`['foo'.length, 'fo😍o'.length, 'fo😍o'[2], 'foo'.at(0)]`), [
    3,
    4,
    "😍",
    "f",
  ]);
});

test("includes/startsWith/endsWith/indexOf/lastIndexOf (core FQL2StringSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`['foo'.includes('o'), 'foo'.includes('bar'), 'foo'.startsWith('f'), 'foo'.endsWith('b'), 'foo'.indexOf('o'), 'foo'.indexOf('bar'), 'foo'.indexOf('o', 2), 'foo'.lastIndexOf('o')]`,
    ),
    [true, false, true, false, 1, null, 2, 2],
  );
});

test("toUpperCase/toLowerCase/casefold/concat/insert (core FQL2StringSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`['foobar'.toUpperCase(), 'FQL-X'.toLowerCase(), 'FQL-X'.casefold(), 'foo'.concat('bar'), 'foo'.insert(1, 'bar')]`,
    ),
    ["FOOBAR", "fql-x", "fql-x", "foobar", "fbaroo"],
  );
});

test("replace replaces the first occurrence (or the given amount); replaceAll replaces all (core FQL2StringSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`['foobar'.replace('o', 'oo'), 'foobar'.replace('o', 'oo', 2), 'foobar'.replaceAll('o', 'oo')]`,
    ),
    ["fooobar", "foooobar", "foooobar"],
  );
});

test("slice(start, end?) clamps its bounds (core FQL2StringSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`['foo'.slice(1), 'foo'.slice(0, 2), 'foo'.slice(1, 0), 'foo'.slice(-1, 10), 'foo'.slice(4)]`,
    ),
    ["oo", "fo", "", "foo", ""],
  );
});

test("split splits on a separator (core FQL2StringSpec)", async () => {
  assert.deepEqual(await run(db.admin, fql`['foo,bar,baz'.split(','), 'foo,,bar'.split(','), '12'.split('')]`), [
    ["foo", "bar", "baz"],
    ["foo", "", "bar"],
    ["1", "2"],
  ]);
});

test("parseInt/parseNumber return numbers or null (core FQL2StringSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`['3'.parseInt(), '5a'.parseInt(), '50.0'.parseInt(), '50.123'.parseNumber(), '5a'.parseNumber()]`,
    ),
    [3, null, null, 50.123, null],
  );
});

// ---- abort and newId ----------------------------------------------------------------

test("abort(value) fails with code abort, message 'Query aborted.' and the value as error.abort", async () => {
  const e = await fails(db.admin, fql`abort({ code: 1, tags: ["a"], at: Time("2024-01-01T00:00:00Z") })`);
  assert.ok(e instanceof AbortError, `got ${e.constructor.name}`);
  assert.equal(e.code, "abort");
  assert.equal(e.httpStatus, 400);
  assert.equal(e.message, "Query aborted.");
  const v = e.abort as { code: number; tags: string[]; at: TimeStub };
  assert.equal(v.code, 1);
  assert.deepEqual(v.tags, ["a"]);
  assert.ok(v.at instanceof TimeStub);
  assert.equal(v.at.isoString, "2024-01-01T00:00:00Z");
  assert.match(e.queryInfo?.summary ?? "", /^error: Query aborted\.\nat \*query\*:1:\d+/);
});

test("abort with a scalar value carries it (e.g. abort(0))", async () => {
  const e = await fails(db.admin, fql`if (1 != 2) abort(0)`);
  assert.ok(e instanceof AbortError);
  assert.equal(e.abort, 0);
});

test("newId() returns a fresh numeric ID each call", async () => {
  const [a, b] = await run<string[]>(db.admin, fql`[newId(), newId()]`);
  assert.match(String(a), /^\d+$/);
  assert.match(String(b), /^\d+$/);
  assert.notEqual(String(a), String(b));
});

test("newId() can be used as a document id", async () => {
  const v = await run<[string, string]>(
    db.admin,
    fql`let id = newId()
let d = Note.create({ id: id, title: "with id" })
[id.toString(), d.id]`,
  );
  assert.equal(v[0], v[1]);
});

// ---- the FQL module (core GlobalResolvers.FQL) ------------------------------------------

test("FQL holds the static globals: modules, native collections and global functions (core FQL2InterpreterSpec, FQL2NameValidationSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[
  FQL.Math.abs(-1),
  FQL.Time.now() == Time.now(),
  FQL.Time("2024-01-01T00:00:00Z") == Time("2024-01-01T00:00:00Z"),
  [2, 3, 1].order(FQL.desc(x => x)),
  [2, 3, 1].order(FQL.asc(x => x)),
  FQL.Collection.byName("Note")!.name,
  FQL.Object.keys({ a: 1 }),
  FQL.dbg(7)
]`,
    ),
    [1, true, true, [3, 2, 1], [1, 2, 3], "Note", ["a"], 7],
  );
  assert.match(String(await run(db.admin, fql`FQL.newId()`)), /^\d+$/);
});

test("FQL does not hold user collections or functions: refused when typechecked, null otherwise (core FQL2InterpreterSpec)", async () => {
  await run(
    db.admin,
    fql`if (!Function.byName("FqlGoblin").exists()) Function.create({ name: "FqlGoblin", body: "() => 1" })`,
  );
  assert.equal(await run(db.admin, fql`Note.all().count() >= 0`), true);
  for (const [q, member] of [
    [fql`FQL.Note!`, "Note"],
    [fql`FQL.FqlGoblin()`, "FqlGoblin"],
  ] as const) {
    const e = await fails(db.admin, q);
    assert.equal(e.code, "invalid_query");
    assert.match(e.queryInfo?.summary ?? "", new RegExp(`Type \`FQLModule\` does not have field \`${member}\``));
  }
  assert.equal(await run(db.admin, fql`FQL.Note`, UNTYPED), null);
  assert.equal((await fails(db.admin, fql`FQL.Note!`, UNTYPED)).code, "null_value");
  const call = await fails(db.admin, fql`FQL.FqlGoblin()`, UNTYPED);
  assert.equal(call.code, "invalid_function_invocation");
  assert.match(call.message, /The function `FqlGoblin` does not exist on `FQL`/);
});

test("FQL.evalV4 typechecks but fails as Fauna does without its account flag (core FQL2InterpreterSpec)", async () => {
  const e = await fails(db.admin, fql`FQL.evalV4({ equals: [{ add: [1, 1] }, 2] })`);
  assert.equal(e.code, "invalid_function_invocation");
  assert.equal(e.message, "The function `evalV4` does not exist on `FQL`");
});

// ---- tagged arguments round trip ---------------------------------------------------------

test("Int arguments arrive as Int", async () => {
  assert.deepEqual(await run(db.admin, fql`[${5}, ${5} isa Int, ${-7} + 1]`), [5, true, -6]);
});

test("Long (bigint and unsafe-int) arguments arrive as Long and come back as Long", async () => {
  assert.equal(await run(big, fql`${3000000000n}`), 3000000000n);
  assert.equal(await run(big, fql`${9007199254740993n} + 0`), 9007199254740993n);
  assert.equal(await run(big, fql`${3000000000} + 1`), 3000000001n);
});

test("Double arguments arrive as Double", async () => {
  assert.deepEqual(await run(db.admin, fql`[${1.5}, ${1.5} isa Double, ${2.25} * 2]`), [1.5, true, 4.5]);
});

test("a JS Date argument arrives as a Time", async () => {
  const t = await run<TimeStub>(db.admin, fql`${new Date("2024-01-01T00:00:00.000Z")}.add(1, "hour")`);
  assert.ok(t instanceof TimeStub);
  assert.equal(t.isoString, "2024-01-01T01:00:00Z");
});

test("TimeStub arguments round-trip with microsecond precision", async () => {
  const t = await run<TimeStub>(db.admin, fql`${TimeStub.from("2024-05-01T12:00:00.123456Z")}`);
  assert.ok(t instanceof TimeStub);
  assert.equal(t.isoString, "2024-05-01T12:00:00.123456Z");
});

test("DateStub arguments arrive as Date", async () => {
  const d = await run<DateStub>(db.admin, fql`${DateStub.from("2024-02-29")}`);
  assert.ok(d instanceof DateStub);
  assert.equal(d.dateString, "2024-02-29");
  assert.equal(await run(db.admin, fql`${DateStub.from("2024-03-01")}.difference(${DateStub.from("2024-02-28")})`), 2);
});

test("Uint8Array arguments arrive as Bytes and come back as Uint8Array", async () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 255]);
  const v = await run(db.admin, fql`${bytes}`);
  assert.ok(v instanceof Uint8Array, `got ${String(v)}`);
  assert.deepEqual(Array.from(v), [0, 1, 2, 250, 255]);
});

test("nested objects and arrays round-trip with their scalar types", async () => {
  const input = { a: { b: [1, "x", null, true, 2.5] }, empty: {}, list: [] };
  assert.deepEqual(await run(db.admin, fql`${input}`), input);
  assert.equal(await run(db.admin, fql`${input}.a.b[4] isa Double`), true);
});

test("object keys starting with @ survive the trip in both directions", async () => {
  const input = { "@weird": 1, n: { "@x": "y" } };
  assert.deepEqual(await run(db.admin, fql`${input}`), input);
  assert.deepEqual(await run(db.admin, fql`Object.keys(${input})`), ["@weird", "n"]);
  assert.deepEqual(await run(db.admin, fql`{ "@made": "here" }`), { "@made": "here" });
});

test("a Document argument is decoded as a reference to that document", async () => {
  const d = await run<Document>(db.admin, fql`Note.create({ title: "by ref" })`);
  assert.equal(await run(db.admin, fql`${d}.title`), "by ref");
});

test("string arguments are not parsed as FQL", async () => {
  assert.equal(await run(db.admin, fql`${'"); abort(1) ("'}`), '"); abort(1) ("');
});
