// Who is running a query and with which privileges. Built-in roles are fixed sets of rights;
// user-defined roles are FSL `role` items whose privileges may carry FQL predicates.
import type { DocValue } from "../core/index.js";

export type BuiltinRole = "admin" | "server" | "server-readonly" | "client";

/**
 * The privileges in force. `identity`/`token` stay the caller's even while a UDF runs with
 * another role (reference §6.6).
 */
export interface Access {
  builtin: BuiltinRole | null;
  /** User-defined roles in force (union). Empty with builtin null = token baseline only. */
  roles: string[];
  identity: DocValue | null;
  token: DocValue | null;
}

export const isAdmin = (a: Access) => a.builtin === "admin";
/** admin and server may read and write all data. */
export const isServerLike = (a: Access) => a.builtin === "admin" || a.builtin === "server";
/** Data reads without predicates: admin, server, server-readonly. */
export const readsAllData = (a: Access) =>
  a.builtin === "admin" || a.builtin === "server" || a.builtin === "server-readonly";

/** The access a UDF body gets from `@role(role)`, keeping the caller's identity. */
export function roleAccess(role: string, caller: Access): Access {
  const builtin =
    role === "admin" || role === "server" || role === "server-readonly" || role === "client" ? role : null;
  return { builtin, roles: builtin ? [] : [role], identity: caller.identity, token: caller.token };
}

/** Internal read-everything access used for role predicates and membership checks. */
export function internalReadAccess(caller: Access): Access {
  return { builtin: "server-readonly", roles: [], identity: caller.identity, token: caller.token };
}
