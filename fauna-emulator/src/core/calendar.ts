// Proleptic-Gregorian calendar math and java.time-compatible parsing/formatting of
// instants (`Instant.toString`) and dates (`LocalDate.toString`), for the ±999999999 year range.

export const NANOS_PER_SECOND = 1_000_000_000n;
export const NANOS_PER_DAY = 86_400n * NANOS_PER_SECOND;

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};
export const floorMod = (a: bigint, b: bigint): bigint => a - floorDiv(a, b) * b;
export { floorDiv };

/** Days since 1970-01-01 for a civil date (H. Hinnant's algorithm; exact for |y| < 1e9). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const monthLength = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** ISO day of week, Monday = 1 … Sunday = 7. */
export const dayOfWeek = (days: number): number => ((((days + 3) % 7) + 7) % 7) + 1;
export const dayOfYear = (y: number, m: number, d: number): number =>
  daysFromCivil(y, m, d) - daysFromCivil(y, 1, 1) + 1;

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** java.time year rendering: 4+ digits, `+` above 9999, `-` for negative years. */
export function formatYear(y: number): string {
  if (y > 9999) return `+${y}`;
  if (y < 0) return `-${pad(-y, 4)}`;
  return pad(y, 4);
}

export const formatDate = (y: number, m: number, d: number): string => `${formatYear(y)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Instant.toString: seconds always shown, fraction omitted if zero else 3/6/9 digits. */
export function formatInstant(nanos: bigint): string {
  const days = floorDiv(nanos, NANOS_PER_DAY);
  const nod = nanos - days * NANOS_PER_DAY;
  const { year, month, day } = civilFromDays(Number(days));
  const secOfDay = Number(nod / NANOS_PER_SECOND);
  const frac = Number(nod % NANOS_PER_SECOND);
  const hh = Math.floor(secOfDay / 3600);
  const mm = Math.floor((secOfDay % 3600) / 60);
  const ss = secOfDay % 60;
  let f = "";
  if (frac !== 0) {
    const nine = pad(frac, 9);
    f = "." + (frac % 1_000_000 === 0 ? nine.slice(0, 3) : frac % 1000 === 0 ? nine.slice(0, 6) : nine);
  }
  return `${formatDate(year, month, day)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}${f}Z`;
}

/** Epoch nanos → civil fields in UTC. */
export function instantFields(nanos: bigint) {
  const days = Number(floorDiv(nanos, NANOS_PER_DAY));
  const nod = nanos - BigInt(days) * NANOS_PER_DAY;
  const secOfDay = Number(nod / NANOS_PER_SECOND);
  const c = civilFromDays(days);
  return {
    ...c,
    days,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
  };
}

const YEAR = "([+-]\\d{5,10}|[+-]?\\d{4})";
const DATE_RE = new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`);
// ISO_LOCAL_DATE_TIME + offset ("Z", "+HH:MM", "+HH:MM:ss", "+HHMM"), case-insensitive.
const TIME_RE = new RegExp(
  `^${YEAR}-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?` +
    `(Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?|[+-]\\d{4})$`,
  "i",
);

const YEAR_MAX = 999_999_999;

function parseYear(s: string): number | undefined {
  // java's EXCEEDS_PAD: a sign is required for more than 4 digits, "+" forbidden on 4 digits.
  const y = Number(s);
  if (s.startsWith("+") && s.length === 5) return undefined;
  return Math.abs(y) <= YEAR_MAX ? y : undefined;
}

/** LocalDate.parse (ISO_LOCAL_DATE, strict). Returns normalized ISO text or undefined. */
export function parseDate(s: string): { year: number; month: number; day: number } | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const year = parseYear(m[1]!);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Fauna's Timestamp.parse: ISO local date-time plus a mandatory offset, resolved SMART
 * (a day past the month end is clamped to the month end; 24:00 means next midnight).
 * Returns epoch nanoseconds or undefined.
 */
export function parseInstant(s: string): bigint | undefined {
  const m = TIME_RE.exec(s);
  if (!m) return undefined;
  const year = parseYear(m[1]!);
  const month = Number(m[2]);
  let day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const nano = m[7] === undefined ? 0 : Number(m[7].padEnd(9, "0"));
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (minute > 59 || second > 59) return undefined;
  let extraDay = 0;
  if (hour === 24) {
    if (minute !== 0 || second !== 0 || nano !== 0) return undefined;
    extraDay = 1;
  } else if (hour > 23) return undefined;
  day = Math.min(day, monthLength(year, month));
  const off = parseOffset(m[8]!);
  if (off === undefined) return undefined;
  const days = BigInt(daysFromCivil(year, month, day) + extraDay);
  const secs = BigInt((hour % 24) * 3600 + minute * 60 + second - off);
  return days * NANOS_PER_DAY + secs * NANOS_PER_SECOND + BigInt(nano);
}

function parseOffset(s: string): number | undefined {
  if (s === "Z" || s === "z") return 0;
  const sign = s[0] === "-" ? -1 : 1;
  const digits = s.slice(1).replace(/:/g, "");
  const h = Number(digits.slice(0, 2));
  const mi = Number(digits.slice(2, 4));
  const se = digits.length > 4 ? Number(digits.slice(4, 6)) : 0;
  if (h > 18 || mi > 59 || se > 59) return undefined;
  const total = h * 3600 + mi * 60 + se;
  return total > 18 * 3600 ? undefined : sign * total;
}
