// Time and Date (faunadb Time.scala, Date.scala, lang/Timestamp.scala, lang/MidstUnit.scala).
// Times are epoch nanoseconds (bigint) in [-999999999-01-01, +999999999-12-31T23:59:59.999999999Z].
import {
  QueryError,
  date,
  int,
  integer,
  long,
  time,
  civilFromDays,
  dayOfWeek,
  dayOfYear,
  daysFromCivil,
  floorDiv,
  formatDate,
  instantFields,
  NANOS_PER_DAY,
  NANOS_PER_SECOND,
  parseDate,
  parseInstant,
  type DateValue,
  type TimeValue,
  type Value,
} from "../../core/index.js";
import { asStr, check, checkArity, p, type Signature } from "./args.js";
import type { CallContext, Method, ModuleMembers, TypeMembers } from "./types.js";

const UNITS: Record<string, bigint> = {
  day: NANOS_PER_DAY,
  days: NANOS_PER_DAY,
  "half day": NANOS_PER_DAY / 2n,
  "half days": NANOS_PER_DAY / 2n,
  hour: 3600n * NANOS_PER_SECOND,
  hours: 3600n * NANOS_PER_SECOND,
  minute: 60n * NANOS_PER_SECOND,
  minutes: 60n * NANOS_PER_SECOND,
  second: NANOS_PER_SECOND,
  seconds: NANOS_PER_SECOND,
  millisecond: 1_000_000n,
  milliseconds: 1_000_000n,
  microsecond: 1000n,
  microseconds: 1000n,
  nanosecond: 1n,
  nanoseconds: 1n,
};

/** Nanoseconds per unit; Fauna trims the unit before matching and reports it untrimmed. */
export function unitNanos(unit: string): bigint {
  const u = Object.prototype.hasOwnProperty.call(UNITS, unit.trim()) ? UNITS[unit.trim()] : undefined;
  if (u === undefined) throw new QueryError("invalid_unit", `\`${unit}\` is not a valid time unit.`);
  return u;
}

const DAY_MIN = daysFromCivil(-999_999_999, 1, 1);
const DAY_MAX = daysFromCivil(999_999_999, 12, 31);
export const MIN_TIME = BigInt(DAY_MIN) * NANOS_PER_DAY;
export const MAX_TIME = BigInt(DAY_MAX + 1) * NANOS_PER_DAY - 1n;
// java.time.Instant's own range; beyond it arithmetic throws (Fauna reports it per method).
const INSTANT_MIN = BigInt(daysFromCivil(-1_000_000_000, 1, 1)) * NANOS_PER_DAY;
const INSTANT_MAX = BigInt(daysFromCivil(1_000_000_000, 12, 31) + 1) * NANOS_PER_DAY - 1n;

const maxOverflow = () => new QueryError("invalid_time", "Time exceeds the maximum value.");
const minOverflow = () => new QueryError("invalid_time", "Time exceeds the minimum value.");

function checkRange(nanos: bigint): TimeValue {
  if (nanos < MIN_TIME) throw minOverflow();
  if (nanos > MAX_TIME) throw maxOverflow();
  return time(nanos);
}

/** Scala `BigDecimal(d)` of an integral double: the value of its shortest decimal repr. */
function decimalBigInt(d: number): bigint {
  if (Math.abs(d) < 2 ** 53) return BigInt(d);
  const [m, e] = Math.abs(d).toExponential().split("e");
  const digits = m!.replace(".", "");
  const n = BigInt(digits.padEnd(Number(e) + 1, "0"));
  return d < 0 ? -n : n;
}

/** Timestamp.toSecondsNanos for a non-negative Double amount, as nanoseconds. */
function doubleNanos(offset: number, unit: bigint): bigint | undefined {
  if (!Number.isFinite(offset)) return undefined;
  const rounded = Math.floor(offset);
  const fractionNanos = Number(unit) * (offset - rounded);
  return decimalBigInt(rounded) * unit + BigInt(Math.trunc(fractionNanos));
}

/** `t.add` / `t.subtract`: Int/Long amounts are exact; Doubles keep their fraction in nanoseconds. */
function shift(self: TimeValue, amount: Value, unitName: string, dir: 1n | -1n): TimeValue {
  const unit = unitNanos(unitName);
  const overflow = dir === 1n ? maxOverflow : minOverflow;
  let delta: bigint;
  const a = amount as { kind: string; value: number | bigint };
  if (a.kind === "double") {
    const d = a.value as number;
    const mag = doubleNanos(Math.abs(d), unit);
    if (mag === undefined) throw overflow();
    delta = d < 0 ? -mag : mag;
  } else {
    delta = BigInt(a.value) * unit;
  }
  const r = self.nanos + dir * delta;
  if (r < INSTANT_MIN || r > INSTANT_MAX) throw overflow();
  return checkRange(r);
}

const self_ = (v: Value): TimeValue => v as TimeValue;
const tm =
  (name: string, sig: Signature, impl: (ctx: CallContext, self: TimeValue, args: Value[]) => Value): Method =>
  (ctx, self, args) =>
    impl(ctx, self_(self), check(name, sig, args));

const AMOUNT_UNIT = [p("amount", "Number"), p("unit", "String")];

export const timeMembers: TypeMembers = {
  props: {
    year: (t) => int(instantFields(self_(t).nanos).year),
    month: (t) => int(instantFields(self_(t).nanos).month),
    dayOfMonth: (t) => int(instantFields(self_(t).nanos).day),
    dayOfWeek: (t) => int(dayOfWeek(instantFields(self_(t).nanos).days)),
    dayOfYear: (t) => {
      const f = instantFields(self_(t).nanos);
      return int(dayOfYear(f.year, f.month, f.day));
    },
    hour: (t) => int(instantFields(self_(t).nanos).hour),
    minute: (t) => int(instantFields(self_(t).nanos).minute),
    second: (t) => int(instantFields(self_(t).nanos).second),
  },
  methods: {
    add: tm("add", AMOUNT_UNIT, (_c, t, [a, u]) => shift(t, a!, asStr(u!), 1n)),
    subtract: tm("subtract", AMOUNT_UNIT, (_c, t, [a, u]) => shift(t, a!, asStr(u!), -1n)),
    difference: tm("difference", [p("start", "Time"), p("unit", "String")], (_c, t, [s, u]) =>
      // ChronoUnit.between truncates toward zero, as bigint division does.
      integer((t.nanos - (s as TimeValue).nanos) / unitNanos(asStr(u!))),
    ),
    toMicros: tm("toMicros", [], (_c, t) => integer(floorDiv(t.nanos, 1000n))),
    toMillis: tm("toMillis", [], (_c, t) => integer(floorDiv(t.nanos, 1_000_000n))),
    toSeconds: tm("toSeconds", [], (_c, t) => integer(floorDiv(t.nanos, NANOS_PER_SECOND))),
    toString: tm("toString", [], (ctx, t) => ctx.display(t)),
  },
};

/** `Time("…")` / `Time.fromString("…")`. */
export function parseTime(s: string): TimeValue {
  const n = parseInstant(s);
  if (n === undefined || n < INSTANT_MIN || n > INSTANT_MAX)
    throw new QueryError("invalid_time", `\`${s}\` is not a valid time.`);
  return time(n);
}

const fromString: Method = (_ctx, _self, args) =>
  parseTime(asStr(check("fromString", [p("time", "String")], args)[0]!));

export const timeModule: ModuleMembers = {
  props: {},
  call: (_ctx, _self, args) => parseTime(asStr(check("Time", [p("time", "String")], args)[0]!)),
  methods: {
    fromString,
    now: (ctx, _self, args) => {
      checkArity(args, 0);
      return ctx.now();
    },
    epoch: (_ctx, _self, args) => {
      const [amount, u] = check("epoch", [p("offset", "Number"), p("unit", "String")], args);
      const unit = unitNanos(asStr(u!));
      const a = amount as { kind: string; value: number | bigint };
      let nanos: bigint;
      if (a.kind === "double") {
        const d = Number(unit) * (a.value as number); // FiniteDuration * Double, rounded
        if (!Number.isFinite(d)) throw (d < 0 ? minOverflow : maxOverflow)();
        nanos = BigInt(Math.round(d));
      } else {
        nanos = BigInt(a.value) * unit;
      }
      return checkRange(nanos);
    },
  },
};

// ---- Date -------------------------------------------------------------------------------

function dateFields(d: DateValue) {
  const f = parseDate(d.iso);
  if (!f) throw new Error(`malformed DateValue ${d.iso}`);
  return f;
}

const dateDays = (d: DateValue): number => {
  const f = dateFields(d);
  return daysFromCivil(f.year, f.month, f.day);
};

function dateFromDays(days: number): DateValue {
  if (days < DAY_MIN || days > DAY_MAX) throw new QueryError("invalid_date", "Date exceeds the supported range.");
  const c = civilFromDays(days);
  return date(formatDate(c.year, c.month, c.day));
}

/** Only day units are date-based; anything else is `invalid_unit` "… is not a valid date unit.". */
function dayAmount(amount: Value, unit: string): number {
  const u = unit.trim();
  if (u !== "day" && u !== "days") throw new QueryError("invalid_unit", `\`${unit}\` is not a valid date unit.`);
  const a = amount as { kind: string; value: number | bigint };
  return a.kind === "double" ? Math.round(a.value as number) : Number(a.value);
}

const dm =
  (name: string, sig: Signature, impl: (ctx: CallContext, self: DateValue, args: Value[]) => Value): Method =>
  (ctx, self, args) =>
    impl(ctx, self as DateValue, check(name, sig, args));

export const dateMembers: TypeMembers = {
  props: {
    year: (d) => int(dateFields(d as DateValue).year),
    month: (d) => int(dateFields(d as DateValue).month),
    dayOfMonth: (d) => int(dateFields(d as DateValue).day),
    dayOfWeek: (d) => int(dayOfWeek(dateDays(d as DateValue))),
    dayOfYear: (d) => {
      const f = dateFields(d as DateValue);
      return int(dayOfYear(f.year, f.month, f.day));
    },
  },
  methods: {
    add: dm("add", AMOUNT_UNIT, (_c, d, [a, u]) => dateFromDays(dateDays(d) + dayAmount(a!, asStr(u!)))),
    subtract: dm("subtract", AMOUNT_UNIT, (_c, d, [a, u]) => dateFromDays(dateDays(d) - dayAmount(a!, asStr(u!)))),
    // Fauna returns a Long here (ChronoUnit.DAYS.between).
    difference: dm("difference", [p("start", "Date")], (_c, d, [s]) =>
      long(BigInt(dateDays(d) - dateDays(s as DateValue))),
    ),
    toString: dm("toString", [], (ctx, d) => ctx.display(d)),
  },
};

/** `Date("YYYY-MM-DD")` / `Date.fromString`. */
export function parseDateValue(s: string): DateValue {
  const f = parseDate(s);
  if (!f) throw new QueryError("invalid_date", `\`${s}\` is not a valid date.`);
  return date(formatDate(f.year, f.month, f.day));
}

export const dateModule: ModuleMembers = {
  props: {},
  call: (_ctx, _self, args) => parseDateValue(asStr(check("Date", [p("date", "String")], args)[0]!)),
  methods: {
    fromString: (_ctx, _self, args) => parseDateValue(asStr(check("fromString", [p("date", "String")], args)[0]!)),
    today: (ctx, _self, args) => {
      checkArity(args, 0);
      return dateFromDays(Number(floorDiv(ctx.now().nanos, NANOS_PER_DAY)));
    },
  },
};
