// FQL conformance: operators, precedence, numeric promotion, literals and string interpolation.
// Sources: Fauna reference §9.2–9.3; core specs FQL2ArithmeticOperatorsSpec, FQL2IntSpec,
// FQL2InterpreterSpec (str-template) and FQL2StringSpec.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, fql } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

let db: TestDb;
// A client decoding @long as bigint lets tests tell Int (number) from Long (bigint).
let big: Client;
before(async () => {
  db = await startDb({ schemaDir: null });
  big = new Client({ endpoint: new URL(db.url), secret: "secret", long_type: "bigint", http2_session_idle_ms: 500 });
});
after(async () => {
  big.close();
  await db.close();
});

// ---- arithmetic ------------------------------------------------------------------

test("+ - * / % ** compute on Ints", async () => {
  assert.deepEqual(
    await run(db.admin, fql`[987 + -382, 10 - 3, 6 * 7, 7 / 2, 7 % 3, 2 ** 10]`),
    [605, 7, 42, 3, 1, 1024],
  );
});

test("integer division truncates toward zero", async () => {
  assert.deepEqual(await run(db.admin, fql`[-7 / 2, 7 / -2, -7 % 2]`), [-3, -3, -1]);
});

test("unary minus negates and prefix ! inverts Booleans", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let n = 5
[-n, - -n, !true, !false]`,
    ),
    [-5, 5, false, true],
  );
});

test("Int + Int stays an Int when it fits in 32 bits", async () => {
  const v = await run(big, fql`1 + 1`);
  assert.equal(typeof v, "number");
  assert.equal(v, 2);
});

test("Int + Int overflowing 32 bits promotes to Long (core: 1000000000 + 2000000000)", async () => {
  assert.equal(await run(big, fql`1000000000 + 2000000000`), 3000000000n);
  assert.equal(await run(big, fql`2147483647 + 1`), 2147483648n);
});

test("Int * Int overflowing 32 bits promotes to Long", async () => {
  assert.equal(await run(big, fql`100000 * 100000`), 10000000000n);
});

test("an integer literal beyond 32 bits is a Long", async () => {
  assert.equal(await run(big, fql`3000000000`), 3000000000n);
  assert.equal(await run(big, fql`3000000000 + 5`), 3000000005n);
});

test("Long + Long overflowing 64 bits falls back to Double (core: 9e18 + 9e18 = 1.8e19)", async () => {
  const v = await run(big, fql`9000000000000000000 + 9000000000000000000`);
  assert.equal(typeof v, "number");
  assert.equal(v, 18.0e18);
});

test("any Double operand makes the result a Double", async () => {
  assert.deepEqual(
    await run(db.admin, fql`[5 + 9.8, 5.8 + 9, 8000000000 + 12.345, 7 / 2.0, 1.5 * 2]`),
    [14.8, 14.8, 8000000012.345, 3.5, 3],
  );
  assert.equal(await run(db.admin, fql`(1 + 0.5) isa Double`), true);
  assert.equal(await run(db.admin, fql`(1 + 1) isa Int`), true);
});

test("integer division by zero is divide_by_zero 'Attempted integer division by zero.'", async () => {
  for (const q of [fql`1 / 0`, fql`1 % 0`, fql`3000000000 / 0`]) {
    const e = await fails(db.admin, q);
    assert.equal(e.code, "divide_by_zero");
    assert.equal(e.httpStatus, 400);
    assert.equal(e.message, "Attempted integer division by zero.");
  }
});

// ---- comparison and logic ----------------------------------------------------------

test("numbers compare across Int and Double (core FQL2IntSpec)", async () => {
  assert.deepEqual(
    await run(db.admin, fql`[1 == 1.0, 1 != 1.0, 1 < 1.5, 2 > 1.5, 1 <= 1.0, 1 >= 1.0, 3000000000 > 1]`),
    [true, false, true, true, true, true, true],
  );
});

test("comparing unrelated types is not an error: == is false and < is false", async () => {
  assert.deepEqual(await run(db.admin, fql`[1 == "hi", 1 == true, 1 != "hi", 2 < "hi", 2 > true, 1 <= "hi"]`), [
    false,
    false,
    true,
    false,
    false,
    false,
  ]);
});

test("== is structural for arrays and objects", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[[1, [2]] == [1, [2]], { a: 1, b: { c: 2 } } == { a: 1, b: { c: 2 } }, [1] == [2], { a: 1 } == { a: 2 }]`,
    ),
    [true, true, false, false],
  );
});

test("strings compare lexicographically", async () => {
  assert.deepEqual(await run(db.admin, fql`["a" < "b", "b" < "a", "abc" == "abc"]`), [true, false, true]);
});

test("&& and || short-circuit: the right side is not evaluated", async () => {
  assert.deepEqual(await run(db.admin, fql`[false && abort("x"), true || abort("y")]`), [false, true]);
});

test("&& with a non-Boolean operand is type_mismatch", async () => {
  const e = await fails(
    db.admin,
    fql`let one = 1
true && one`,
    UNTYPED,
  );
  assert.equal(e.code, "type_mismatch");
});

test("isa tests a value's type, with Int and Double under Number (core FQL2FieldTableSpec)", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`[1 isa Int, '1' isa Int, '1' isa String, 1.0 isa Double, 1 isa Double, 1.0 isa Number, [1] isa Array]`,
    ),
    [true, false, true, true, false, true, true],
  );
});

test("isa binds looser than + and tighter than == (core: 1.0 + 1 isa Number == true)", async () => {
  assert.equal(await run(db.admin, fql`1.0 + 1 isa Number == true`), true);
});

test("bitwise & | ^ operate on integers", async () => {
  assert.deepEqual(await run(db.admin, fql`[6 & 3, 6 | 3, 6 ^ 3]`), [2, 7, 5]);
});

// ---- precedence ------------------------------------------------------------------

test("* binds tighter than + and ** tighter than *", async () => {
  assert.deepEqual(await run(db.admin, fql`[1 + 2 * 3, 2 * 3 ** 2, (1 + 2) * 3]`), [7, 18, 9]);
});

test("** is right-associative", async () => {
  assert.equal(await run(db.admin, fql`2 ** 3 ** 2`), 512);
});

test("- / % are left-associative", async () => {
  assert.deepEqual(await run(db.admin, fql`[10 - 3 - 2, 100 / 10 / 5, 7 % 3 * 2]`), [5, 2, 2]);
});

test("+ binds tighter than &, & tighter than ^, ^ tighter than |", async () => {
  assert.deepEqual(await run(db.admin, fql`[1 & 1 + 2, 1 | 2 ^ 3 & 1]`), [1, 3]);
});

test("comparison binds tighter than equality, equality tighter than &&, && tighter than ||", async () => {
  assert.deepEqual(await run(db.admin, fql`[1 < 2 == true, true || true && false, 1 + 2 == 3 && 4 > 3]`), [
    true,
    true,
    true,
  ]);
});

test("?? has the lowest precedence", async () => {
  assert.deepEqual(await run(db.admin, fql`[1 ?? 2 == 2, null ?? 1 + 1]`), [1, 2]);
});

// ---- literals and strings -------------------------------------------------------------

test("object literals accept bare, double- and single-quoted keys and nest", async () => {
  assert.deepEqual(await run(db.admin, fql`{ a: 1, "b c": [true, null], 'd': { e: "x" } }`), {
    a: 1,
    "b c": [true, null],
    d: { e: "x" },
  });
});

test("array and object literals allow a trailing comma", async () => {
  assert.deepEqual(await run(db.admin, fql`[[1, 2,], { a: 1, }]`), [[1, 2], { a: 1 }]);
});

test("array indexing and bracket field access", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let a = [10, 20, 30]
[a[0], a[2], { foo: 3 }["foo"], { "3": 5 }["3"]]`,
    ),
    [10, 30, 3, 5],
  );
});

test("indexing past an array's end is index_out_of_bounds", async () => {
  const e = await fails(db.admin, fql`[1, 2, 3][5]`);
  assert.equal(e.code, "index_out_of_bounds");
});

test("double-quoted strings interpolate #{expr} (core str-template)", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`{
  let a = "world"
  let b = 42
  let c = 42.3
  "hello #{a} I am #{b} well technically #{c}"
}`,
    ),
    "hello world I am 42 well technically 42.3",
  );
  assert.equal(await run(db.admin, fql`"sum=#{1 + 2}"`), "sum=3");
});

test("interpolating arrays and objects renders them as FQL (core str-template)", async () => {
  assert.equal(
    await run(
      db.admin,
      fql`let a = ["world", 1, if(true) 2, "hello"]
"This is an array: #{a}"`,
    ),
    'This is an array: ["world", 1, 2, "hello"]',
  );
  assert.equal(
    await run(
      db.admin,
      fql`let a = {world: 1, hello: 0}
"This is an object: #{a}"`,
    ),
    "This is an object: { world: 1, hello: 0 }",
  );
});

test("single-quoted strings do not interpolate and \\# escapes interpolation", async () => {
  assert.deepEqual(
    await run(
      db.admin,
      fql`let n = 1
['#{n}', "\\#{n}"]`,
    ),
    ["#{n}", "#{n}"],
  );
});

test('string escapes \\n \\t \\" \\\\ \\uHHHH \\xHH \\u{H} decode', async () => {
  assert.equal(await run(db.admin, fql`"a\\nb\\t\\"q\\"\\\\\\u0041\\x42\\u{43}"`), 'a\nb\t"q"\\ABC');
});

test("String + any value concatenates its display form", async () => {
  assert.deepEqual(await run(db.admin, fql`["n=" + 3, "b=" + true, "x" + "y"]`, UNTYPED), ["n=3", "b=true", "xy"]);
});

test("Number + String is an error (not concatenation)", async () => {
  const e = await fails(
    db.admin,
    fql`let s = "x"
3 + s`,
  );
  assert.equal(e.httpStatus, 400);
  assert.ok(e.code === "invalid_argument" || e.code === "invalid_query", `code ${e.code}`);
});
