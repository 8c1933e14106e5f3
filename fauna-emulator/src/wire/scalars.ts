// Text forms of scalars as the JVM core writes and reads them: Java `Double.toString`,
// `Instant.toString`/ISO-8601 parsing with offsets, ISO dates, base64.

/** Java `Double.toString`: `1.0`, `1.5`, `1.0E10`, `1.0E-5`, `NaN`, `Infinity`. */
export function javaDouble(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  if (d === 0) return Object.is(d, -0) ? "-0.0" : "0.0";
  const sign = d < 0 ? "-" : "";
  const a = Math.abs(d);
  // toExponential() without an argument yields the shortest round-tripping digits.
  const [mant = "", expText = "0"] = a.toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expText);
  if (a >= 1e-3 && a < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      return `${sign}${intPart}.${digits.slice(exp + 1) || "0"}`;
    }
    return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${exp}`;
}

const NANOS_PER_SECOND = 1_000_000_000n;
const SECONDS_PER_DAY = 86_400n;

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
const pad = (n: number, w: number) => String(n).padStart(w, "0");

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Java year rendering: 4 digits, sign for negative years, `+` beyond 9999. */
function formatYear(y: number): string {
  if (y > 9999) return `+${y}`;
  if (y < 0) return `-${pad(-y, 4)}`;
  return pad(y, 4);
}

/** Java `Instant.toString` of epoch nanoseconds: fraction omitted if zero, else 3/6/9 digits. */
export function formatInstant(nanos: bigint): string {
  const secs = floorDiv(nanos, NANOS_PER_SECOND);
  const frac = Number(nanos - secs * NANOS_PER_SECOND);
  const days = floorDiv(secs, SECONDS_PER_DAY);
  const sod = Number(secs - days * SECONDS_PER_DAY);
  const [y, m, d] = civilFromDays(Number(days));
  let text = `${formatYear(y)}-${pad(m, 2)}-${pad(d, 2)}T${pad(Math.floor(sod / 3600), 2)}:${pad(Math.floor(sod / 60) % 60, 2)}:${pad(sod % 60, 2)}`;
  if (frac !== 0) {
    const nine = pad(frac, 9);
    text += "." + (frac % 1_000_000 === 0 ? nine.slice(0, 3) : frac % 1000 === 0 ? nine.slice(0, 6) : nine);
  }
  return text + "Z";
}

const INSTANT =
  /^([+-]?\d{4,9})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)$/;

/** Parses an ISO-8601 date-time with `Z` or an offset into epoch nanoseconds; null if invalid. */
export function parseInstant(text: string): bigint | null {
  const m = INSTANT.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = Number(m[6] ?? 0);
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  let offset = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11] ?? 0);
    const os = Number(m[12] ?? 0);
    if (oh > 18 || om > 59 || os > 59) return null;
    offset = (m[9] === "-" ? -1 : 1) * (oh * 3600 + om * 60 + os);
    if (Math.abs(offset) > 18 * 3600) return null;
  }
  const seconds = BigInt(daysFromCivil(y, mo, d)) * SECONDS_PER_DAY + BigInt(h * 3600 + mi * 60 + s - offset);
  const frac = BigInt((m[7] ?? "").padEnd(9, "0") || "0");
  return seconds * NANOS_PER_SECOND + frac;
}

const DATE = /^([+-]?\d{4,9})-(\d{2})-(\d{2})$/;

/** Validates an ISO calendar date `YYYY-MM-DD`. */
export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  return !!m && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Decodes standard base64 (padding optional); null if malformed. */
export function decodeBase64(text: string): Uint8Array | null {
  const body = text.endsWith("==") ? text.slice(0, -2) : text.endsWith("=") ? text.slice(0, -1) : text;
  if (/[^A-Za-z0-9+/]/.test(body) || body.length % 4 === 1) return null;
  if (body !== text && text.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(body, "base64"));
}

export const encodeBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
