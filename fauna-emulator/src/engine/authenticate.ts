// Secret → Access (reference §5.1–5.3, §6.3). The root secret is admin; keys carry a role;
// tokens act as their identity document with the roles whose membership matches it.
// Any failure is the same 401, so a caller learns nothing about why.
import { type Access, type BuiltinRole } from "../auth/access.js";
import { parseSecret, secretEquals, verifySecret } from "../auth/secrets.js";
import { unauthorized } from "../errors.js";
import type { QueryContext } from "../fql/eval/context.js";
import { loadDoc } from "../fql/eval/documents.js";
import { SECRET_HASH } from "../fql/eval/hidden.js";
import { evaluatePredicate } from "../fql/eval/predicates.js";
import { doc, isDoc, type DocValue } from "../fql/values.js";
import { BUILTIN_ROLES } from "./schema.js";
import { internalReadAccess } from "../auth/access.js";

type Base = { kind: "root" } | { kind: "key"; role: string } | { kind: "token"; token: DocValue; identity: DocValue };

function builtin(role: string): BuiltinRole | null {
  return BUILTIN_ROLES.has(role) ? (role as BuiltinRole) : null;
}

function keyOrRoleAccess(role: string): Access {
  const b = builtin(role);
  return { builtin: b, roles: b ? [] : [role], identity: null, token: null };
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

function resolveBase(ctx: QueryContext, secret: string, rootSecret: string): Base {
  if (secretEquals(secret, rootSecret)) return { kind: "root" };
  const parsed = parseSecret(secret);
  if (!parsed) throw unauthorized();
  const stored = loadDoc(ctx, parsed.kind === "key" ? "Key" : "Token", parsed.id);
  const hash = stored?.data.get(SECRET_HASH);
  if (!stored || typeof hash !== "string" || !verifySecret(parsed.randomPart, hash)) throw unauthorized();
  if (parsed.kind === "key") {
    const role = stored.data.get("role");
    if (typeof role !== "string") throw unauthorized();
    return { kind: "key", role };
  }
  const identity = stored.data.get("document");
  if (!identity || !isDoc(identity)) throw unauthorized();
  return { kind: "token", token: doc("Token", stored.id), identity };
}

function identityAccess(ctx: QueryContext, identity: DocValue, token: DocValue | null): Access {
  return { builtin: null, roles: membershipRoles(ctx, identity, token), identity, token };
}

/**
 * Authenticates `header` (`secret`, `secret:scope` or `secret:db:scope`). Scoping to a role
 * needs an admin secret; `@doc/Coll/id` needs admin or server. There are no child databases
 * here, so a database path never authenticates.
 */
export function authenticate(ctx: QueryContext, header: string, rootSecret: string): Access {
  const parts = header.split(":");
  if (parts.length > 3 || parts.some((p, i) => p === "" && i === 0)) throw unauthorized();
  const base = resolveBase(ctx, parts[0]!, rootSecret);
  const baseAccess: Access =
    base.kind === "root" ? keyOrRoleAccess("admin") : base.kind === "key" ? keyOrRoleAccess(base.role) : identityAccess(ctx, base.identity, base.token);
  if (parts.length === 1) return baseAccess;
  if (parts.length === 3 && parts[1] !== "") throw unauthorized(); // child databases do not exist here
  const scope = parts[parts.length - 1]!;
  const isAdminSecret = baseAccess.builtin === "admin";
  const docScope = /^(?:@doc|collections|classes)\/([A-Za-z_][A-Za-z0-9_]*)\/(\d+)$/.exec(scope);
  if (docScope) {
    if (!isAdminSecret && baseAccess.builtin !== "server") throw unauthorized();
    const identity = doc(ctx.schema.canonical(docScope[1]!), docScope[2]!);
    if (!loadDoc(ctx, identity.coll, identity.id)) throw unauthorized();
    return identityAccess(ctx, identity, null);
  }
  const roleScope = /^@role\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(scope);
  if (builtin(scope) || roleScope) {
    if (!isAdminSecret) throw unauthorized();
    const role = roleScope ? roleScope[1]! : scope;
    if (!builtin(role) && !ctx.schema.roles.has(role)) throw unauthorized();
    return keyOrRoleAccess(role);
  }
  return baseAccess; // an unrecognised suffix is ignored (§5.1)
}
