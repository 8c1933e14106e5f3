// Request-header validation for POST /query/1 (§2.2). Messages are core's, verbatim.
import type { IncomingHttpHeaders } from "node:http";
import { invalidRequest } from "../core/index.js";
import type { Format } from "../engine/types.js";

export interface QueryOptions {
  format: Format;
  timeoutMs: number;
  lastTxnTs?: bigint;
  typecheck?: boolean;
  linearized?: boolean;
  performanceHints?: boolean;
  maxContentionRetries?: number;
}

/** Server default when `x-query-timeout-ms` is absent: 2 minutes. */
export const DEFAULT_TIMEOUT_MS = 120_000;
export const MAX_TIMEOUT_MS = 600_000;

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

const bad = (name: string, why: string) => invalidRequest(`Invalid header '${name}': ${why}`);

const INTEGER = /^[+-]?\d+$/;

function bool(headers: IncomingHttpHeaders, name: string): boolean | undefined {
  const v = header(headers, name);
  if (v === undefined) return undefined;
  const t = v.trim().toLowerCase();
  if (t === "true") return true;
  if (t === "false") return false;
  throw bad(name, "Must be a boolean value.");
}

function integerHeader(headers: IncomingHttpHeaders, name: string): number | undefined {
  const v = header(headers, name);
  if (v === undefined) return undefined;
  const t = v.trim();
  if (!INTEGER.test(t)) throw bad(name, `Invalid number '${v}'.`);
  return Number(t);
}

export function parseQueryOptions(headers: IncomingHttpHeaders): QueryOptions {
  const formatText = header(headers, "x-format");
  let format: Format = "simple";
  if (formatText !== undefined) {
    const f = formatText.trim().toLowerCase();
    if (f !== "simple" && f !== "tagged" && f !== "decorated") throw bad("x-format", `Invalid format ${formatText}`);
    format = f;
  }

  const timeout = integerHeader(headers, "x-query-timeout-ms");
  if (timeout !== undefined && timeout <= 0) throw bad("x-query-timeout-ms", "Must be greater than 0.");
  if (timeout !== undefined && timeout > MAX_TIMEOUT_MS)
    throw bad("x-query-timeout-ms", `Must be less than or equal to ${MAX_TIMEOUT_MS}.`);

  const opts: QueryOptions = { format, timeoutMs: timeout ?? DEFAULT_TIMEOUT_MS };

  const typecheck = bool(headers, "x-typecheck");
  if (typecheck !== undefined) opts.typecheck = typecheck;
  const linearized = bool(headers, "x-linearized");
  if (linearized !== undefined) opts.linearized = linearized;
  const hints = bool(headers, "x-performance-hints");
  if (hints !== undefined) opts.performanceHints = hints;

  const retries = integerHeader(headers, "x-max-contention-retries");
  if (retries !== undefined && (retries < 0 || retries > 7))
    throw bad("x-max-contention-retries", "Must be between 0 and 7.");
  if (retries !== undefined) opts.maxContentionRetries = retries;

  const last = header(headers, "x-last-txn-ts");
  if (last !== undefined) {
    if (!INTEGER.test(last.trim())) throw bad("x-last-txn-ts", `Invalid timestamp '${last}'.`);
    opts.lastTxnTs = BigInt(last.trim());
  }
  return opts;
}

const TAG_PART = /^[A-Za-z0-9_]+$/;

/** Validates `x-query-tags` (`k=v,k2=v2`) and returns the string to echo, if sent. */
export function parseQueryTags(headers: IncomingHttpHeaders): string | undefined {
  const v = header(headers, "x-query-tags");
  if (v === undefined || v === "") return undefined;
  const invalid = () => bad("x-query-tags", "invalid tags");
  if (Buffer.byteLength(v) > 3000) throw invalid();
  const pairs = v.split(",");
  if (pairs.length > 25) throw invalid();
  const seen = new Set<string>();
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq < 0) throw invalid();
    const k = pair.slice(0, eq);
    const val = pair.slice(eq + 1);
    if (!TAG_PART.test(k) || !TAG_PART.test(val) || k.length > 40 || val.length > 80 || seen.has(k)) throw invalid();
    seen.add(k);
  }
  return v;
}

/** The secret from `Authorization: Bearer <secret>` or Basic auth (secret as user name). */
export function secretFrom(headers: IncomingHttpHeaders): string | null {
  const auth = header(headers, "authorization")?.trim();
  if (!auth) return null;
  const sp = auth.indexOf(" ");
  if (sp < 0) return null;
  const scheme = auth.slice(0, sp).toLowerCase();
  const cred = auth.slice(sp + 1).trim();
  if (scheme === "bearer") return cred || null;
  if (scheme === "basic") {
    const decoded = Buffer.from(cred, "base64").toString("utf8");
    // `curl -u secret:` sends "secret:"; the (empty) password is dropped.
    const secret = decoded.endsWith(":") ? decoded.slice(0, -1) : decoded;
    return secret || null;
  }
  return null;
}
