// The one place every read, write and call is authorised (reference §6). Built-in roles are
// fixed rights; user roles grant actions per resource, optionally through FQL predicates that
// run read-only with an internal read-everything access and must return exactly `true`.
import { QueryError, doc, type Value } from "../../core/index.js";
import type { FqlSource, PrivilegeAction, RoleDef } from "../../fsl/index.js";
import type { StoredDoc } from "../../store/index.js";
import { internalReadAccess, isAdmin, isServerLike, readsAllData, type Access } from "../access.js";
import type { QueryContext } from "../context.js";
import { evaluatePredicate } from "./predicates.js";

const DATA_COLLECTIONS_DENIED_TO_SERVER = new Set(["Key"]);

/** Resources whose rights come only from built-in roles or explicit privileges. */
function builtinAllows(a: Access, resource: string, action: PrivilegeAction): boolean | null {
  if (a.builtin === null) return null;
  if (isAdmin(a)) return true;
  const isSchemaResource =
    resource === "Collection" ||
    resource === "Function" ||
    resource === "Role" ||
    resource === "AccessProvider" ||
    resource === "Database";
  if (a.builtin === "server") {
    if (DATA_COLLECTIONS_DENIED_TO_SERVER.has(resource)) return false;
    if (isSchemaResource) return resource !== "Role" && resource !== "AccessProvider" && resource !== "Database";
    return true; // data (user collections, Credential, Token) and UDF calls
  }
  if (a.builtin === "server-readonly") {
    if (action !== "read" || DATA_COLLECTIONS_DENIED_TO_SERVER.has(resource)) return false;
    return true;
  }
  return false; // client
}

function rolesOf(ctx: QueryContext, a: Access): RoleDef[] {
  const out: RoleDef[] = [];
  for (const name of a.roles) {
    const r = ctx.schema.roles.get(name);
    if (r) out.push(r);
  }
  return out;
}

/** Predicates of `action` on `resource` across the access's roles; `true` = unconditional. */
/** grants() answers, per schema and access: they depend on nothing else, and every document read asks. */
const grantMemo = new WeakMap<object, WeakMap<Access, Map<string, (FqlSource | true)[]>>>();

function grants(ctx: QueryContext, a: Access, resource: string, action: PrivilegeAction): (FqlSource | true)[] {
  let bySchema = grantMemo.get(ctx.schema);
  if (!bySchema) grantMemo.set(ctx.schema, (bySchema = new WeakMap()));
  let byAccess = bySchema.get(a);
  if (!byAccess) bySchema.set(a, (byAccess = new Map()));
  const key = `${resource}\u0000${action}`;
  let out = byAccess.get(key);
  if (!out) byAccess.set(key, (out = collectGrants(ctx, a, resource, action)));
  return out;
}

function collectGrants(ctx: QueryContext, a: Access, resource: string, action: PrivilegeAction): (FqlSource | true)[] {
  const out: (FqlSource | true)[] = [];
  for (const role of rolesOf(ctx, a)) {
    for (const p of role.privileges) {
      if (ctx.schema.canonical(p.resource) !== resource) continue;
      for (const act of p.actions) if (act.action === action) out.push(act.predicate ?? true);
    }
  }
  return out;
}

function anyGrant(ctx: QueryContext, a: Access, resource: string, action: PrivilegeAction, args: Value[]): boolean {
  for (const g of grants(ctx, a, resource, action)) {
    if (g === true) return true;
    if (evaluatePredicate(ctx, internalReadAccess(a), g, args)) return true;
  }
  return false;
}

/** A token's identity may always read its own credential and tokens (§5.6). */
function baselineRead(a: Access, stored: StoredDoc): boolean {
  if (!a.identity || (stored.coll !== "Credential" && stored.coll !== "Token")) return false;
  const owner = stored.data.get("document");
  return (
    !!owner &&
    typeof owner === "object" &&
    !Array.isArray(owner) &&
    !(owner instanceof Map) &&
    owner.kind === "doc" &&
    owner.coll === a.identity.coll &&
    owner.id === a.identity.id
  );
}

export function canRead(ctx: QueryContext, stored: StoredDoc): boolean {
  const a = ctx.access;
  const b = builtinAllows(a, stored.coll, "read");
  if (b !== null) return b;
  if (baselineRead(a, stored)) return true;
  return anyGrant(ctx, a, stored.coll, "read", [doc(stored.coll, stored.id)]);
}

/** Index reads need a `read` entry (predicate or not) for the collection (§6.4). */
export function hasReadEntry(ctx: QueryContext, coll: string): boolean {
  const a = ctx.access;
  const b = builtinAllows(a, coll, "read");
  if (b !== null) return b;
  // A token's identity may look up its own tokens and credential (filtered per document).
  if (a.identity && (coll === "Token" || coll === "Credential")) return true;
  return grants(ctx, a, coll, "read").length > 0;
}

export function canCreate(ctx: QueryContext, coll: string, proposed: Value, withId: boolean): boolean {
  const a = ctx.access;
  const b = builtinAllows(a, coll, withId ? "create_with_id" : "create");
  if (b !== null) return b;
  if (withId) return anyGrant(ctx, a, coll, "create_with_id", [proposed]);
  return anyGrant(ctx, a, coll, "create", [proposed]);
}

export function canWrite(ctx: QueryContext, old: StoredDoc, proposed: Value): boolean {
  const a = ctx.access;
  const b = builtinAllows(a, old.coll, "write");
  if (b !== null) return b;
  return anyGrant(ctx, a, old.coll, "write", [doc(old.coll, old.id), proposed]);
}

export function canDelete(ctx: QueryContext, stored: StoredDoc): boolean {
  const a = ctx.access;
  const b = builtinAllows(a, stored.coll, "delete");
  if (b !== null) return b;
  // A token holder may delete its own tokens (logout).
  if (stored.coll === "Token" && baselineRead(a, stored)) return true;
  return anyGrant(ctx, a, stored.coll, "delete", [doc(stored.coll, stored.id)]);
}

export function canCall(ctx: QueryContext, fn: string, args: Value[]): boolean {
  const a = ctx.access;
  if (a.builtin !== null) return isServerLike(a);
  return anyGrant(ctx, a, fn, "call", args);
}

/** Schema documents (Collection/Function/Role) are readable by admin, server and server-readonly. */
export function canReadSchema(a: Access): boolean {
  return readsAllData(a);
}

export function canWriteSchema(a: Access, kind: string): boolean {
  return builtinAllows(a, kind, "create") === true;
}

export function denied(): QueryError {
  return new QueryError("permission_denied", "Insufficient privileges to perform the action.");
}
