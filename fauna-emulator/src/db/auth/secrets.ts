// Key and token secrets in Fauna's layout (reference §5.2): version byte 0x7E, a type byte
// (0x70 key, 0x71 token), the document id, (tokens: a database id), 20 random bytes; base64url
// without padding. Only a bcrypt hash of the random part is stored.
import { randomBytes, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";

const VERSION = 0x7e;
const KEY_TYPE = 0x70;
const TOKEN_TYPE = 0x71;
/** Fauna hashes credentials and secrets with bcrypt cost 5. */
export const BCRYPT_COST = 5;

export interface ParsedSecret {
  kind: "key" | "token";
  id: string;
  /** Tokens: global id of their database ("0" = the root database). */
  databaseId?: string;
  /** base64url of the random part: what the stored hash is computed over. */
  randomPart: string;
}

export interface NewSecret {
  secret: string;
  hash: string;
}

/** version, type, 8-byte id, [8-byte database id for tokens], 20 random bytes → base64url. */
function newSecret(type: number, id: string, databaseId: string | null): NewSecret {
  const random = randomBytes(20);
  const header = databaseId === null ? 10 : 18;
  const buf = Buffer.alloc(header + 20);
  buf[0] = VERSION;
  buf[1] = type;
  buf.writeBigUInt64BE(BigInt(id), 2);
  if (databaseId !== null) buf.writeBigUInt64BE(BigInt(databaseId), 10);
  random.copy(buf, header);
  return { secret: buf.toString("base64url"), hash: hashSecret(random.toString("base64url")) };
}

export const newKeySecret = (id: string): NewSecret => newSecret(KEY_TYPE, id, null);
/** A token's secret names the (global id of the) database its document lives in. */
export const newTokenSecret = (id: string, databaseId: string): NewSecret => newSecret(TOKEN_TYPE, id, databaseId);

/** Decodes a key/token secret; null when it is not one (the caller then answers 401). */
export function parseSecret(secret: string): ParsedSecret | null {
  if (!/^[A-Za-z0-9_-]+$/.test(secret)) return null;
  const buf = Buffer.from(secret, "base64url");
  if (buf[0] !== VERSION) return null;
  if (buf[1] === KEY_TYPE && buf.length === 30) {
    return { kind: "key", id: buf.readBigUInt64BE(2).toString(), randomPart: buf.subarray(10).toString("base64url") };
  }
  if (buf[1] === TOKEN_TYPE && buf.length === 38) {
    return {
      kind: "token",
      id: buf.readBigUInt64BE(2).toString(),
      databaseId: buf.readBigUInt64BE(10).toString(),
      randomPart: buf.subarray(18).toString("base64url"),
    };
  }
  return null;
}

/**
 * The stored form of a key/token secret: bcrypt (cost 5), as Fauna stores it. Creating a token
 * thus costs what it costs in Fauna — a shop that makes its log-in or reset paths take equal
 * time (e.g. a decoy bcrypt for unknown emails) measures the same balance here as there.
 */
export function hashSecret(plain: string): string {
  return bcrypt.hashSync(plain, BCRYPT_COST);
}

// bcrypt costs a few ms per check; remember successful checks so each request pays it once.
// Keyed by hash + plaintext, so a changed hash (rotated secret/password) is re-verified.
const verified = new Set<string>();
const VERIFIED_MAX = 10_000;

export function verifySecret(plain: string, hash: string): boolean {
  const cacheKey = `${hash}\u0000${plain}`;
  if (verified.has(cacheKey)) return true;
  const ok = bcrypt.compareSync(plain, hash);
  if (ok) {
    if (verified.size >= VERIFIED_MAX) verified.clear();
    verified.add(cacheKey);
  }
  return ok;
}

/** Constant-time comparison for the configured root secret. */
export function secretEquals(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Password hashing for credentials: never stored in plain text. */
export const hashPassword = (password: string): string => bcrypt.hashSync(password, BCRYPT_COST);
export const verifyPassword = (password: string, hash: string): boolean => bcrypt.compareSync(password, hash);
