// Secret → database and Access (reference §5.1–5.3, §6.3). The root secret is admin of the
// root database; keys carry a role (and may point at a child database); tokens act as their
// identity document with the roles whose membership matches it. Any failure is the same 401,
// so a caller learns nothing about why.
import { doc, isDoc, unauthorized, type DocValue } from "../core/index.js";
import {
  BUILTIN_ROLES,
  ROOT_DB,
  SECRET_HASH,
  databaseByGid,
  databaseOfKey,
  evaluatePredicate,
  internalReadAccess,
  parseSecret,
  resolveChild,
  secretEquals,
  verifySecret,
  type Access,
  type BuiltinRole,
  type DbInfo,
  type QueryContext,
} from "../db/index.js";
import type { Store, StoredDoc } from "../store/index.js";

/** Who is calling, resolved from the secret before any query runs. */
export type Caller =
  | { db: DbInfo; kind: "role"; role: string; scoped: boolean }
  | { db: DbInfo; kind: "identity"; identity: DocValue; token: DocValue | null };

export interface AuthEnv {
  rootSecret: string;
  rootStore: Store;
  storeOf(db: DbInfo): Store;
  /** Transaction time in epoch nanoseconds (expired keys and tokens no longer authenticate). */
  nowNanos: bigint;
}

const builtin = (role: string): BuiltinRole | null => (BUILTIN_ROLES.has(role) ? (role as BuiltinRole) : null);

function live(stored: StoredDoc | null, nowNanos: bigint): stored is StoredDoc {
  return stored !== null && (stored.ttl === null || stored.ttl > nowNanos);
}

function resolveBase(env: AuthEnv, secret: string): Caller {
  if (secretEquals(secret, env.rootSecret)) return { db: ROOT_DB, kind: "role", role: "admin", scoped: false };
  const parsed = parseSecret(secret);
  if (!parsed) throw unauthorized();
  const db =
    parsed.kind === "key"
      ? databaseOfKey(env.rootStore, parsed.id)
      : databaseByGid(env.rootStore, parsed.databaseId ?? "0");
  if (!db) throw unauthorized();
  const stored = env.storeOf(db).getDoc(parsed.kind === "key" ? "Key" : "Token", parsed.id);
  const hash = stored?.data.get(SECRET_HASH);
  if (!live(stored, env.nowNanos) || typeof hash !== "string" || !verifySecret(parsed.randomPart, hash))
    throw unauthorized();
  if (parsed.kind === "key") {
    const role = stored.data.get("role");
    if (typeof role !== "string") throw unauthorized();
    const child = stored.data.get("database");
    if (typeof child !== "string") return { db, kind: "role", role, scoped: false };
    // A key created with `database` acts inside that child database.
    const target = resolveChild(env.storeOf, db, [child]);
    if (!target) throw unauthorized();
    return { db: target, kind: "role", role, scoped: false };
  }
  const identity = stored.data.get("document");
  if (!identity || !isDoc(identity)) throw unauthorized();
  return { db, kind: "identity", identity, token: doc("Token", stored.id) };
}

/**
 * Resolves `secret`, `secret:scope` or `secret:db/path:scope`. Scoping to a database path or a
 * role needs an admin secret; `@doc/Coll/id` needs admin or server.
 */
export function resolveSecret(env: AuthEnv, header: string): Caller {
  const parts = header.split(":");
  if (parts.length > 3 || parts[0] === "") throw unauthorized();
  const base = resolveBase(env, parts[0]!);
  if (parts.length === 1) return base;
  const isAdmin = base.kind === "role" && base.role === "admin";
  let db = base.db;
  if (parts.length === 3 && parts[1] !== "") {
    if (!isAdmin) throw unauthorized();
    const target = resolveChild(env.storeOf, db, parts[1]!.split("/").filter(Boolean));
    if (!target) throw unauthorized();
    db = target;
  }
  const scope = parts[parts.length - 1]!;
  const docScope = /^(?:@doc|collections|classes)\/([A-Za-z_][A-Za-z0-9_]*)\/(\d+)$/.exec(scope);
  if (docScope) {
    if (!isAdmin && !(base.kind === "role" && base.role === "server")) throw unauthorized();
    const identity = doc(docScope[1] === "Credentials" ? "Credential" : docScope[1]!, docScope[2]!);
    if (!live(env.storeOf(db).getDoc(identity.coll, identity.id), env.nowNanos)) throw unauthorized();
    return { db, kind: "identity", identity, token: null };
  }
  const roleScope = /^@role\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(scope);
  if (builtin(scope) || roleScope) {
    if (!isAdmin) throw unauthorized();
    return { db, kind: "role", role: roleScope ? roleScope[1]! : scope, scoped: true };
  }
  return db === base.db ? base : { ...base, db }; // an unrecognised suffix is ignored (§5.1)
}

/** Roles whose `membership` admits `identity` (unioned, §6.3). */
export function membershipRoles(ctx: QueryContext, identity: DocValue, token: DocValue | null): string[] {
  const out: string[] = [];
  const probe: Access = { builtin: null, roles: [], identity, token };
  for (const role of ctx.schema.roles.values()) {
    for (const m of role.membership) {
      if (ctx.schema.canonical(m.collection) !== identity.coll) continue;
      if (!m.predicate || evaluatePredicate(ctx, internalReadAccess(probe), m.predicate, [identity])) {
        out.push(role.name);
        break;
      }
    }
  }
  return out;
}

/** The caller's privileges in its database (ctx runs in that database). */
export function accessFor(ctx: QueryContext, caller: Caller): Access {
  if (caller.kind === "identity") {
    return {
      builtin: null,
      roles: membershipRoles(ctx, caller.identity, caller.token),
      identity: caller.identity,
      token: caller.token,
    };
  }
  const b = builtin(caller.role);
  if (caller.scoped && !b && !ctx.schema.roles.has(caller.role)) throw unauthorized();
  return { builtin: b, roles: b ? [] : [caller.role], identity: null, token: null };
}
