// Text forms of scalars as the JVM core writes and reads them. Doubles, instants and dates
// share core's implementation with the language, so FQL and the wire always agree.
import { parseDate, parseInstant as parseInstantText } from "../core/index.js";

export { formatInstant } from "../core/index.js";
export { javaDoubleString as javaDouble } from "../core/index.js";

/** Parses an ISO-8601 date-time with `Z` or an offset into epoch nanoseconds; null if invalid. */
export const parseInstant = (text: string): bigint | null => parseInstantText(text) ?? null;

/** Validates an ISO calendar date `YYYY-MM-DD`. */
export const isValidDate = (text: string): boolean => parseDate(text) !== undefined;

/** Decodes standard base64 (padding optional); null if malformed. */
export function decodeBase64(text: string): Uint8Array | null {
  const body = text.endsWith("==") ? text.slice(0, -2) : text.endsWith("=") ? text.slice(0, -1) : text;
  if (/[^A-Za-z0-9+/]/.test(body) || body.length % 4 === 1) return null;
  if (body !== text && text.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(body, "base64"));
}

export const encodeBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
