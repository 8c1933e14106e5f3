// The native auth collections: Key, Token and Credential (reference §5.4–5.6). Secrets are
// returned once, through an in-memory "version override"; only hashes are stored.
import {
  constraintFailure,
  QueryError,
  doc,
  isDoc,
  isTime,
  obj,
  time,
  type DocValue,
  type ObjectValue,
  type Value,
} from "../core/index.js";
import { check, p } from "../fql/index.js";
import { newKeySecret, newTokenSecret, hashPassword, verifyPassword } from "./auth/secrets.js";
import type { QueryContext } from "./context.js";
import { childDatabases, recordKey } from "./databases.js";
import { createNativeDocument, requireDoc, updateDocument } from "./documents.js";
import { HIDDEN, PASSWORD_HASH, SECRET_HASH } from "./hidden.js";
import { BUILTIN_ROLES, NATIVE_DOC_COLLECTIONS } from "./schema.js";

function ttlOf(v: Value | undefined, coll: string): bigint | null {
  if (v === undefined || v === null) return null;
  if (isTime(v)) return v.nanos;
  throw constraintFailure(`Failed to create document in collection \`${coll}\`.`, [
    { paths: [["ttl"]], message: `Expected Time | Null, provided ${typeof v}` },
  ]);
}

function rejectUnknown(coll: string, input: ObjectValue, allowed: string[]): void {
  for (const k of input.keys()) {
    if (k === "secret") {
      throw constraintFailure(`Failed to create document in collection \`${coll}\`.`, [
        { paths: [["secret"]], message: "Failed to update field because it is readonly" },
      ]);
    }
    if (!allowed.includes(k)) {
      throw constraintFailure(`Failed to create document in collection \`${coll}\`.`, [
        { paths: [[k]], message: "Unexpected field provided" },
      ]);
    }
  }
}

/** The rendered fields of a freshly created Key/Token, including its one-time secret. */
function withSecret(
  stored: { id: string; coll: string; ts: bigint; ttl: bigint | null; data: ObjectValue },
  secret: string,
): DocValue {
  const m = obj([
    ["id", stored.id],
    ["coll", { kind: "module", name: stored.coll }],
    ["ts", time(stored.ts * 1000n)],
  ]);
  if (stored.ttl !== null) m.set("ttl", time(stored.ttl));
  for (const [k, v] of stored.data) if (!k.startsWith(HIDDEN)) m.set(k, v);
  m.set("secret", secret);
  return doc(stored.coll, stored.id, { override: m });
}

export function createKey(ctx: QueryContext, input: ObjectValue): DocValue {
  rejectUnknown("Key", input, ["role", "database", "ttl", "data"]);
  const role = input.get("role");
  if (typeof role !== "string") {
    throw constraintFailure("Failed to create document in collection `Key`.", [
      { paths: [["role"]], message: "Missing required field of type String" },
    ]);
  }
  if (!BUILTIN_ROLES.has(role) && !ctx.schema.roles.has(role)) {
    throw constraintFailure("Failed to create document in collection `Key`.", [
      { paths: [["role"]], message: `Role name \`${role}\` does not exist.` },
    ]);
  }
  const database = input.get("database");
  const data = obj([["role", role]]);
  if (database !== undefined && database !== null) {
    if (typeof database !== "string" || !childDatabases(ctx.store)[database]) {
      throw constraintFailure("Failed to create document in collection `Key`.", [
        { paths: [["database"]], message: `Database \`${String(database)}\` does not exist.` },
      ]);
    }
    data.set("database", database);
  }
  if (input.get("data") !== undefined && input.get("data") !== null) data.set("data", input.get("data")!);
  const id = ctx.newId();
  const { secret, hash } = newKeySecret(id);
  data.set(SECRET_HASH, hash);
  const stored = createNativeWithId(ctx, "Key", id, data, ttlOf(input.get("ttl"), "Key"));
  recordKey(ctx.hooks.rootStore(), id, ctx.db);
  return withSecret(stored, secret);
}

export function createToken(ctx: QueryContext, input: ObjectValue): DocValue {
  rejectUnknown("Token", input, ["document", "ttl", "data"]);
  const identity = input.get("document");
  if (!identity || !isDoc(identity)) {
    throw constraintFailure("Failed to create document in collection `Token`.", [
      { paths: [["document"]], message: "Expected document from a user-defined collection." },
    ]);
  }
  requireDoc(ctx, identity);
  return issueToken(ctx, identity, ttlOf(input.get("ttl"), "Token"), input.get("data") ?? null);
}

function issueToken(ctx: QueryContext, identity: DocValue, ttl: bigint | null, extra: Value): DocValue {
  const data = obj([["document", doc(identity.coll, identity.id)]]);
  if (extra !== null) data.set("data", extra);
  const id = ctx.newId();
  const { secret, hash } = newTokenSecret(id, ctx.db.gid);
  data.set(SECRET_HASH, hash);
  const stored = createNativeWithId(ctx, "Token", id, data, ttl);
  return withSecret(stored, secret);
}

function createNativeWithId(ctx: QueryContext, coll: string, id: string, data: ObjectValue, ttl: bigint | null) {
  return createNativeDocument(ctx, coll, data, ttl, id);
}

function userDocument(ctx: QueryContext, v: Value | undefined): DocValue {
  if (!v || !isDoc(v) || NATIVE_DOC_COLLECTIONS.has(v.coll) || !ctx.schema.collections.has(v.coll)) {
    throw constraintFailure("Failed to create document in collection `Credential`.", [
      { paths: [["document"]], message: "Expected document from a user-defined collection." },
    ]);
  }
  return doc(v.coll, v.id);
}

function passwordOf(v: Value | undefined, coll = "Credential"): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") {
    throw constraintFailure(`Failed to create document in collection \`${coll}\`.`, [
      { paths: [["password"]], message: "Expected String | Null" },
    ]);
  }
  return v;
}

export function createCredential(ctx: QueryContext, input: ObjectValue): DocValue {
  rejectUnknown("Credential", input, ["document", "password", "data"]);
  const identity = userDocument(ctx, input.get("document"));
  const data = obj([["document", identity]]);
  if (input.get("data") !== undefined && input.get("data") !== null) data.set("data", input.get("data")!);
  const password = passwordOf(input.get("password"));
  if (password !== undefined) data.set(PASSWORD_HASH, hashPassword(password));
  const stored = createNativeDocument(ctx, "Credential", data, null);
  return doc("Credential", stored.id);
}

/** `cred.update/replace`: a `password` field is re-hashed, never stored. */
export function updateCredential(
  ctx: QueryContext,
  ref: DocValue,
  patch: ObjectValue,
  mode: "update" | "replace",
): DocValue {
  const fields = obj([...patch].filter(([k]) => k !== "password"));
  if (fields.has("document")) fields.set("document", userDocument(ctx, fields.get("document")));
  const password = passwordOf(patch.get("password"));
  const hidden = password !== undefined ? obj([[PASSWORD_HASH, hashPassword(password)]]) : undefined;
  return updateDocument(ctx, ref, fields, mode, hidden);
}

function checkPassword(ctx: QueryContext, ref: DocValue, password: string): { ok: boolean; identity: DocValue } {
  const stored = requireDoc(ctx, ref); // needs read access to the credential
  const hash = stored.data.get(PASSWORD_HASH);
  const identity = stored.data.get("document");
  if (!identity || !isDoc(identity)) throw new QueryError("invalid_secret", "Provided secret did not match.");
  return { ok: typeof hash === "string" && verifyPassword(password, hash), identity };
}

export function verifyCredential(ctx: QueryContext, ref: DocValue, args: Value[]): Value {
  const [password] = check("verify", [p("secret", "String")], args);
  return checkPassword(ctx, ref, password as string).ok;
}

/** `cred.login(password, ttl?)`: a token for the credential's document, or `invalid_secret`. */
export function loginCredential(ctx: QueryContext, ref: DocValue, args: Value[]): Value {
  const [password, ttl] =
    args.length === 2
      ? check("login", [p("secret", "String"), p("ttl", "Time")], args)
      : check("login", [p("secret", "String")], args);
  const { ok, identity } = checkPassword(ctx, ref, password as string);
  if (!ok) throw new QueryError("invalid_secret", "Provided secret did not match.");
  return issueToken(ctx, identity, ttl && isTime(ttl) ? ttl.nanos : null, null);
}
