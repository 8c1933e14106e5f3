import assert from "node:assert/strict";
import { test } from "node:test";
import { assertQueryError, callMethod, fakeCtx } from "../../../test/support/stdlib.js";
import { date, double, int, long, time, formatInstant, type Value } from "../../core/index.js";
import { dateMembers, dateModule, timeMembers, timeModule } from "./time.js";

const T = (s: string) => timeModule.call!(fakeCtx(), null, [s]) as { kind: "time"; nanos: bigint };
const D = (s: string) => dateModule.call!(fakeCtx(), null, [s]);
const tm = (self: Value, name: string, ...args: Value[]) => callMethod(timeMembers, name, self, args);
const str = (v: Value) => formatInstant((v as { nanos: bigint }).nanos);

test("Time() parses ISO instants with offsets and renders like Instant.toString", () => {
  assert.equal(str(T("2023-02-10T12:01:19.000Z")), "2023-02-10T12:01:19Z");
  assert.equal(str(T("2024-05-01T12:00:00.123456Z")), "2024-05-01T12:00:00.123456Z");
  assert.equal(str(T("2024-05-01T12:00:00.1Z")), "2024-05-01T12:00:00.100Z");
  assert.equal(str(T("2024-05-01T12:00:00.000000001Z")), "2024-05-01T12:00:00.000000001Z");
  assert.equal(str(T("2024-05-01T14:00:00+02:00")), "2024-05-01T12:00:00Z");
  assert.equal(str(T("2024-05-01T12:00Z")), "2024-05-01T12:00:00Z");
  assert.equal(str(T("+33658-09-27T01:46:40Z")), "+33658-09-27T01:46:40Z");
  assert.equal(str(T("1969-12-31T23:59:59.5Z")), "1969-12-31T23:59:59.500Z");
});

test("invalid time strings are invalid_time; a missing offset is invalid", () => {
  assertQueryError(() => T("2024-01-01"), "invalid_time", "`2024-01-01` is not a valid time.");
  assertQueryError(() => T("2024-01-01T00:00:00"), "invalid_time");
  assertQueryError(() => T("2024-13-01T00:00:00Z"), "invalid_time");
  assertQueryError(
    () => timeModule.methods.fromString!(fakeCtx(), null, ["nope"]),
    "invalid_time",
    "`nope` is not a valid time.",
  );
});

test("time fields: year, month, dayOfMonth, dayOfWeek, dayOfYear, hour, minute, second", () => {
  const t = T("2023-02-10T12:01:19.000Z");
  const f = (k: string) => timeMembers.props[k]!(t);
  assert.deepEqual(
    [f("year"), f("month"), f("dayOfMonth"), f("dayOfWeek"), f("dayOfYear"), f("hour"), f("minute"), f("second")],
    [int(2023), int(2), int(10), int(5), int(41), int(12), int(1), int(19)],
  );
});

test("toSeconds/toMillis/toMicros floor to the unit", () => {
  const t = T("2023-02-10T12:01:19.000Z");
  assert.deepEqual(tm(t, "toSeconds"), int(1676030479));
  assert.deepEqual(tm(t, "toMillis"), long(1676030479000n));
  assert.deepEqual(tm(t, "toMicros"), long(1676030479000000n));
  assert.deepEqual(tm(time(-1n), "toSeconds"), int(-1));
});

test("add/subtract with every unit spelling, Double amounts keep fractions", () => {
  const t = T("2023-02-10T12:00:00.000Z");
  assert.equal(str(tm(t, "add", int(19), "minutes")), "2023-02-10T12:19:00Z");
  assert.equal(str(tm(t, "add", int(1), "day")), "2023-02-11T12:00:00Z");
  assert.equal(str(tm(t, "add", int(1), "half day")), "2023-02-11T00:00:00Z");
  assert.equal(str(tm(t, "add", double(0.5), "seconds")), "2023-02-10T12:00:00.500Z");
  assert.equal(str(tm(t, "add", double(-0.5), "seconds")), "2023-02-10T11:59:59.500Z");
  assert.equal(str(tm(t, "subtract", double(1.5), "hours")), "2023-02-10T10:30:00Z");
  assert.equal(str(tm(t, "add", int(5), "nanoseconds")), "2023-02-10T12:00:00.000000005Z");
  assert.equal(str(tm(T("1970-01-01T00:00:00Z"), "add", long(1000000000000n), "seconds")), "+33658-09-27T01:46:40Z");
  assert.equal(
    str(tm(T("-999999999-01-01T00:00:00Z"), "add", double(17531639991215.998), "hours")),
    "+999999999-12-31T23:59:52.968750Z",
  );
  assert.equal(
    str(tm(T("1970-01-01T00:00:00Z"), "add", double(9223372036854775807.0), "nanoseconds")),
    "2262-04-11T23:47:16.854776Z",
  );
});

test("invalid units are invalid_unit", () => {
  const t = T("2023-02-10T12:00:00Z");
  assertQueryError(() => tm(t, "add", int(1), "fortnight"), "invalid_unit", "`fortnight` is not a valid time unit.");
  assertQueryError(() => tm(t, "difference", t, "weeks"), "invalid_unit", "`weeks` is not a valid time unit.");
  assertQueryError(() => timeModule.methods.epoch!(fakeCtx(), null, [int(1), "eons"]), "invalid_unit");
});

test("arithmetic beyond the supported range is invalid_time with Fauna's messages", () => {
  assertQueryError(
    () => tm(T("+999999999-12-31T23:59:59.999999999Z"), "add", int(1), "nanosecond"),
    "invalid_time",
    "Time exceeds the maximum value.",
  );
  assertQueryError(
    () => tm(T("-999999999-01-01T00:00:00Z"), "subtract", int(1), "nanosecond"),
    "invalid_time",
    "Time exceeds the minimum value.",
  );
  assertQueryError(
    () => tm(T("2023-02-10T12:00:00Z"), "add", long(9223372036854775807n), "days"),
    "invalid_time",
    "Time exceeds the maximum value.",
  );
});

test("difference counts whole units from start to self, truncating toward zero", () => {
  const a = T("2024-01-01T00:00:00Z");
  const b = T("2024-01-02T06:00:00Z");
  assert.deepEqual(tm(b, "difference", a, "days"), int(1));
  assert.deepEqual(tm(b, "difference", a, "hours"), int(30));
  assert.deepEqual(tm(a, "difference", b, "days"), int(-1));
  assert.deepEqual(tm(b, "difference", a, "milliseconds"), int(108000000));
});

test("Time.now() is the context's snapshot time; Time.epoch converts offsets", () => {
  const ctx = fakeCtx(5_000_000_000n);
  assert.deepEqual(timeModule.methods.now!(ctx, null, []), time(5_000_000_000n));
  assert.equal(str(timeModule.methods.epoch!(ctx, null, [int(1676030479), "seconds"])), "2023-02-10T12:01:19Z");
  assert.equal(str(timeModule.methods.epoch!(ctx, null, [double(1.5), "seconds"])), "1970-01-01T00:00:01.500Z");
});

test("Time toString uses the display form", () => {
  assert.equal(tm(T("2023-02-10T12:01:19.000Z"), "toString"), "2023-02-10T12:01:19Z");
});

test("Date() parses strict ISO dates; bad ones are invalid_date", () => {
  assert.deepEqual(D("2024-02-29"), date("2024-02-29"));
  assertQueryError(() => D("2023-02-29"), "invalid_date", "`2023-02-29` is not a valid date.");
  assertQueryError(() => D("2024-1-1"), "invalid_date");
  assertQueryError(() => D("2024-01-01T00:00:00Z"), "invalid_date");
});

test("Date add/subtract take day units only; difference returns days as a Long", () => {
  const d = D("2024-02-28");
  assert.deepEqual(callMethod(dateMembers, "add", d, [int(2), "days"]), date("2024-03-01"));
  assert.deepEqual(callMethod(dateMembers, "subtract", d, [int(59), "days"]), date("2023-12-31"));
  assert.deepEqual(callMethod(dateMembers, "add", d, [double(1.5), "day"]), date("2024-03-01"));
  assertQueryError(
    () => callMethod(dateMembers, "add", d, [int(1), "hours"]),
    "invalid_unit",
    "`hours` is not a valid date unit.",
  );
  assert.deepEqual(callMethod(dateMembers, "difference", D("2024-03-01"), [d]), long(2n));
});

test("Date fields and Date.today() from the snapshot time", () => {
  const d = D("2023-02-10");
  assert.deepEqual(dateMembers.props.dayOfWeek!(d), int(5));
  assert.deepEqual(dateMembers.props.dayOfYear!(d), int(41));
  assert.deepEqual(dateMembers.props.year!(d), int(2023));
  const ctx = fakeCtx(T("2023-02-10T23:59:59Z").nanos);
  assert.deepEqual(dateModule.methods.today!(ctx, null, []), date("2023-02-10"));
  assert.equal(callMethod(dateMembers, "toString", d, []), "2023-02-10");
});
