// Schema documents (`Collection.byName("Product")`, `Function.byName(...)`, `Role.byName(...)`)
// and FQL schema writes (`Collection.create`), which are stored as FSL like Fauna does.
import {
  constraintFailure,
  QueryError,
  named,
  obj,
  time,
  type NamedDocValue,
  type ObjectValue,
  type Value,
} from "../core/index.js";
import { parseExpression, check, checkArity, p, type Expr } from "../fql/index.js";
import { parseTypeExpr, showTypeExpr, type TypeExpr } from "../fql/typer/index.js";
import { fieldTypeToString, itemLocations, type FieldPath, type IndexTerm, type IndexValue } from "../fsl/index.js";
import { isAdmin } from "./access.js";
import { canReadSchema, canWriteSchema, denied } from "./auth/permissions.js";
import type { QueryContext } from "./context.js";
import {
  childDatabases,
  childInfo,
  forgetDatabase,
  recordDatabase,
  saveChildDatabases,
  type DbRecord,
} from "./databases.js";
import { makeSet } from "./set-source.js";

const pathText = (path: FieldPath) => path.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("");
const termObj = (t: IndexTerm) =>
  obj([
    ["field", pathText(t.path)],
    ["mva", t.mva],
  ]);
const valueObj = (v: IndexValue) =>
  obj([
    ["field", pathText(v.path)],
    ["order", v.desc ? "desc" : "asc"],
    ["mva", v.mva],
  ]);

export function namedExists(ctx: QueryContext, v: NamedDocValue): boolean {
  if (v.cause) return false;
  switch (v.coll) {
    case "Collection":
      return ctx.schema.collections.has(v.name);
    case "Function":
      return ctx.schema.functions.has(v.name);
    case "Role":
      return ctx.schema.roles.has(v.name);
    case "Database":
      return isAdmin(ctx.access) && v.name in childDatabases(ctx.store);
    default:
      return false;
  }
}

/** The definition document's fields in render order, or null if it does not exist. */
export function namedFields(ctx: QueryContext, v: NamedDocValue): ObjectValue | null {
  if (!canReadSchema(ctx.access) || v.cause) return null;
  const m = obj([
    ["name", v.name],
    ["coll", { kind: "module", name: v.coll }],
    ["ts", time(ctx.schema.version * 1000n)],
  ]);
  if (v.coll === "Collection") {
    const c = ctx.schema.collections.get(v.name);
    if (!c) return null;
    if (c.alias) m.set("alias", c.alias);
    if (c.fields.length || c.wildcard) {
      const fields = obj();
      for (const f of c.fields) {
        const fo = obj([["signature", fieldTypeToString(f.type)]]);
        if (f.default) fo.set("default", f.default.text);
        fields.set(f.name, fo);
      }
      if (c.wildcard) fields.set("*", obj([["signature", fieldTypeToString(c.wildcard)]]));
      m.set("fields", fields);
    }
    if (c.computed.length) {
      m.set("computed_fields", obj(c.computed.map((cf) => [cf.name, obj([["body", cf.body.text]])] as const)));
    }
    m.set("history_days", { kind: "int", value: c.historyDays ?? 0 });
    if (c.ttlDays !== null) m.set("ttl_days", { kind: "int", value: c.ttlDays });
    m.set(
      "indexes",
      obj(
        c.indexes.map((ix) => {
          const o = obj([["terms", ix.terms.map(termObj)]]);
          if (ix.values.length) o.set("values", ix.values.map(valueObj));
          o.set("queryable", true);
          o.set("status", "complete");
          return [ix.name, o] as const;
        }),
      ),
    );
    m.set("constraints", [
      ...c.uniques.map((u) =>
        obj([
          ["unique", u.terms.map(termObj)],
          ["status", "active"],
        ]),
      ),
      ...c.checks.map((k) =>
        obj([
          [
            "check",
            obj([
              ["name", k.name],
              ["body", k.body.text],
            ]),
          ],
        ]),
      ),
    ]);
    return m;
  }
  if (v.coll === "Function") {
    const f = ctx.schema.functions.get(v.name);
    if (!f) return null;
    if (f.role) m.set("role", f.role);
    const params = f.params.map((x) => x.name).concat(f.variadic ? [`...${f.variadic.name}`] : []);
    m.set("body", `(${params.join(", ")}) => ${f.body.text}`);
    if (f.params.some((x) => x.type !== null) || f.variadic?.type || f.returnType) {
      const typed = f.params.map((x) => `${x.name}: ${x.type ?? "Any"}`);
      if (f.variadic) typed.push(`...${f.variadic.name}: ${f.variadic.type ?? "Any"}`);
      m.set("signature", `(${typed.join(", ")}) => ${f.returnType ?? "Any"}`);
    }
    return m;
  }
  if (v.coll === "Database") {
    const rec = isAdmin(ctx.access) ? childDatabases(ctx.store)[v.name] : undefined;
    if (!rec) return null;
    const db = obj([
      ["name", v.name],
      ["coll", { kind: "module", name: "Database" }],
      ["ts", time(BigInt(rec.ts) * 1000n)],
      ["global_id", rec.gid],
    ]);
    if (rec.typechecked !== null) db.set("typechecked", rec.typechecked);
    if (rec.protected !== null) db.set("protected", rec.protected);
    if (rec.priority !== null) db.set("priority", { kind: "int", value: rec.priority });
    return db;
  }
  if (v.coll === "Role") {
    const r = ctx.schema.roles.get(v.name);
    if (!r) return null;
    m.set(
      "membership",
      r.membership.map((x) =>
        obj([["resource", x.collection], ...(x.predicate ? [["predicate", x.predicate.text] as const] : [])]),
      ),
    );
    m.set(
      "privileges",
      r.privileges.map((pr) =>
        obj([
          ["resource", pr.resource],
          ["actions", obj(pr.actions.map((a) => [a.action, a.predicate ? a.predicate.text : true] as const))],
        ]),
      ),
    );
    return m;
  }
  return null;
}

function namesOf(ctx: QueryContext, coll: string): string[] {
  if (coll === "Collection") return ctx.schema.schema.collections.map((c) => c.name);
  if (coll === "Function") return ctx.schema.schema.functions.map((f) => f.name);
  if (coll === "Role") return ctx.schema.schema.roles.map((r) => r.name);
  if (coll === "Database") return isAdmin(ctx.access) ? Object.keys(childDatabases(ctx.store)).sort() : [];
  return [];
}

/** Statics of Collection / Function / Role / AccessProvider / Database. */
export function namedModuleMethod(ctx: QueryContext, coll: string, name: string, args: Value[]): Value {
  switch (name) {
    case "byName": {
      const [n] = check("byName", [p("name", "String")], args);
      return named(coll, n as string);
    }
    case "all": {
      checkArity(args, 0);
      if (!canReadSchema(ctx.access)) return makeSet({ t: "items", items: [] });
      return makeSet({ t: "items", items: namesOf(ctx, coll).map((n) => named(coll, n)) });
    }
    case "create": {
      const [input] = check("create", [p("schema", "Struct")], args);
      const create = CREATORS[coll];
      if (!create)
        throw new QueryError(
          "invalid_query",
          `\`${coll}.create\` is not supported by this emulator; define it in FSL and push the schema.`,
        );
      return create(ctx, input as ObjectValue);
    }
    default:
      throw new QueryError("invalid_query", `The function \`${name}\` does not exist on \`${coll}\`.`);
  }
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fieldPathFsl(v: Value): string {
  const s = v instanceof Map ? v.get("field") : v;
  if (typeof s !== "string") throw new QueryError("invalid_argument", "index fields must be strings like `.email`");
  const path = s.startsWith(".") ? s : `.${s}`;
  const mva = v instanceof Map && v.get("mva") === true;
  const desc = v instanceof Map && v.get("order") === "desc";
  const expr = mva ? `mva(${path})` : path;
  return desc ? `desc(${expr})` : expr;
}

/** `Collection.create({ name, indexes?, constraints?, history_days? })`, written to main.fsl. */
function createCollection(ctx: QueryContext, input: ObjectValue): Value {
  ctx.assertWritable();
  if (!canWriteSchema(ctx.access, "Collection")) throw denied();
  const name = checkNewName(ctx, "Collection", input.get("name") ?? null);
  const lines: string[] = [`collection ${name} {`];
  const indexes = input.get("indexes");
  if (indexes instanceof Map) {
    for (const [ixName, def] of indexes) {
      if (!(def instanceof Map)) continue;
      const terms = def.get("terms");
      const values = def.get("values");
      const parts: string[] = [];
      if (Array.isArray(terms) && terms.length) parts.push(`terms [${terms.map(fieldPathFsl).join(", ")}]`);
      if (Array.isArray(values) && values.length) parts.push(`values [${values.map(fieldPathFsl).join(", ")}]`);
      lines.push(`  index ${ixName} { ${parts.join(" ")} }`);
    }
  }
  const constraints = input.get("constraints");
  if (Array.isArray(constraints)) {
    for (const c of constraints) {
      const unique = c instanceof Map ? c.get("unique") : null;
      if (Array.isArray(unique)) lines.push(`  unique [${unique.map(fieldPathFsl).join(", ")}]`);
    }
  }
  const hd = input.get("history_days");
  if (hd && typeof hd === "object" && "kind" in hd && hd.kind === "int") lines.push(`  history_days ${hd.value}`);
  lines.push("}");
  return appendItem(ctx, "Collection", name, lines.join("\n"));
}

/** Like Fauna, schema created with FQL is kept as FSL, in `main.fsl`. */
function appendItem(ctx: QueryContext, coll: string, name: string, fsl: string): Value {
  const files = new Map(ctx.schema.files);
  const main = files.get("main.fsl");
  files.set("main.fsl", (main ? `${main.trimEnd()}\n\n` : "") + fsl + "\n");
  ctx.hooks.applySchema(ctx, files);
  return named(coll, name);
}

function checkNewName(ctx: QueryContext, kind: string, name: Value): string {
  if (typeof name !== "string" || !IDENT.test(name)) {
    throw constraintFailure(`Failed to create ${kind}.`, [{ paths: [["name"]], message: "Invalid identifier." }]);
  }
  const taken =
    kind === "Role" ? ctx.schema.roles.has(name) : ctx.schema.collections.has(name) || ctx.schema.functions.has(name);
  if (taken)
    throw constraintFailure(`Failed to create ${kind}.`, [
      { paths: [["name"]], message: `The identifier \`${name}\` is already in use.` },
    ]);
  return name;
}

/** `Function.create({ name, body: "x => x * 2", role? })`. */
function createFunction(ctx: QueryContext, input: ObjectValue): Value {
  ctx.assertWritable();
  if (!canWriteSchema(ctx.access, "Function")) throw denied();
  const name = checkNewName(ctx, "Function", input.get("name") ?? null);
  const body = input.get("body");
  let lambda: Expr | null = null;
  try {
    lambda = typeof body === "string" ? parseExpression(body) : null;
  } catch {
    lambda = null;
  }
  if (!lambda || lambda.type !== "Lambda" || typeof body !== "string") {
    throw constraintFailure("Failed to create Function.", [
      { paths: [["body"]], message: "Expected a function, e.g. `x => x * 2`." },
    ]);
  }
  const params = functionParams(lambda, input.get("signature") ?? null);
  const text = body.slice(lambda.body.span.start, lambda.body.span.end);
  const block = lambda.body.type === "Block" ? text : `{\n  ${text}\n}`;
  const role = input.get("role");
  // Fauna's FunctionPermissionsValidation hook: a server-role caller (a server key, or a
  // UDF running as server) must not mint admin power through a function.
  if (role === "admin" && ctx.access.builtin === "server") {
    throw constraintFailure("Failed to create Function.", [
      { paths: [["role"]], message: "Cannot create a function with admin permissions using the server role." },
    ]);
  }
  const annotation = typeof role === "string" ? `@role(${JSON.stringify(role)})\n` : "";
  return appendItem(ctx, "Function", name, `${annotation}function ${name}${params} ${block}`);
}

/**
 * The FSL parameter list (and return type) of a function created with FQL: the body's
 * parameter names, typed by `signature` when one is given (`"(x: Number) => Number"`).
 */
function functionParams(lambda: Expr & { type: "Lambda" }, signature: Value): string {
  const names = [...lambda.params];
  if (signature === null) return `(${[...names, ...(lambda.variadic ? [`...${lambda.variadic}`] : [])].join(", ")})`;
  const invalid = (message: string) =>
    constraintFailure("Failed to create Function.", [{ paths: [["signature"]], message }]);
  if (typeof signature !== "string") throw invalid("Expected String, provided another type.");
  let t: TypeExpr;
  try {
    t = parseTypeExpr(signature);
  } catch {
    throw invalid(`Invalid signature \`${signature}\`.`);
  }
  if (t.k !== "fn" || t.params.length !== names.length || (t.variadic !== null) !== (lambda.variadic !== null)) {
    throw invalid("The signature must be a function type with the body's parameters.");
  }
  const typed = names.map((n, i) => `${n}: ${showTypeExpr(t.params[i]!.type)}`);
  if (lambda.variadic && t.variadic) typed.push(`...${lambda.variadic}: ${showTypeExpr(t.variadic.type)}`);
  return `(${typed.join(", ")}): ${showTypeExpr(t.ret)}`;
}

/** `Role.create({ name, membership?, privileges? })` in Fauna's document shape. */
function createRole(ctx: QueryContext, input: ObjectValue): Value {
  ctx.assertWritable();
  if (!canWriteSchema(ctx.access, "Role")) throw denied();
  const name = checkNewName(ctx, "Role", input.get("name") ?? null);
  const list = (v: Value | undefined): Value[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  const lines = [`role ${name} {`];
  for (const m of list(input.get("membership"))) {
    if (!(m instanceof Map) || typeof m.get("resource") !== "string") continue;
    const pred = m.get("predicate");
    lines.push(
      `  membership ${m.get("resource") as string}${typeof pred === "string" ? ` {\n    predicate (${pred})\n  }` : ""}`,
    );
  }
  for (const pr of list(input.get("privileges"))) {
    if (!(pr instanceof Map) || typeof pr.get("resource") !== "string") continue;
    const actions = pr.get("actions");
    const body: string[] = [];
    if (actions instanceof Map) {
      for (const [action, grant] of actions) {
        if (grant === true) body.push(`    ${action}`);
        else if (typeof grant === "string") body.push(`    ${action} {\n      predicate (${grant})\n    }`);
      }
    }
    lines.push(`  privileges ${pr.get("resource") as string} {\n${body.join("\n")}\n  }`);
  }
  lines.push("}");
  return appendItem(ctx, "Role", name, lines.join("\n"));
}

/** `Database.create({ name, typechecked?, protected?, priority? })`: an empty child database. */
function createDatabase(ctx: QueryContext, input: ObjectValue): Value {
  ctx.assertWritable();
  if (!isAdmin(ctx.access)) throw denied();
  const name = input.get("name");
  if (typeof name !== "string" || !IDENT.test(name)) {
    throw constraintFailure("Failed to create Database.", [{ paths: [["name"]], message: "Invalid identifier." }]);
  }
  const children = childDatabases(ctx.store);
  if (children[name])
    throw constraintFailure("Failed to create Database.", [
      { paths: [["name"]], message: `A database named \`${name}\` already exists.` },
    ]);
  const flag = (k: string) => (typeof input.get(k) === "boolean" ? (input.get(k) as boolean) : null);
  const priority = input.get("priority");
  const rec: DbRecord = {
    name,
    gid: ctx.newId(),
    ts: ctx.txnTs.toString(),
    typechecked: flag("typechecked"),
    protected: flag("protected"),
    priority:
      priority && typeof priority === "object" && "kind" in priority && priority.kind === "int" ? priority.value : null,
  };
  children[name] = rec;
  saveChildDatabases(ctx.store, children);
  recordDatabase(ctx.hooks.rootStore(), childInfo(ctx.db, rec));
  ctx.writeOps++;
  return named("Database", name);
}

/** Deleting a database deletes everything in it, child databases included. */
function deleteDatabase(ctx: QueryContext, v: NamedDocValue): Value {
  const children = childDatabases(ctx.store);
  const rec = children[v.name];
  if (!rec) throw new QueryError("document_not_found", `Database \`${v.name}\` not found.`);
  const child = childInfo(ctx.db, rec);
  ctx.hooks.rootStore().dropPrefix(child.ns);
  forgetDatabase(ctx.hooks.rootStore(), child);
  ctx.hooks.forgetDatabase(child);
  delete children[v.name];
  saveChildDatabases(ctx.store, children);
  ctx.writeOps++;
  return { kind: "named", coll: "Database", name: v.name, cause: "deleted" };
}

const CREATORS: Record<string, (ctx: QueryContext, input: ObjectValue) => Value> = {
  Collection: createCollection,
  Function: createFunction,
  Role: createRole,
  Database: createDatabase,
};

/** `Collection.byName("X")!.delete()` and friends: removes the item's FSL (and a collection's documents). */
export function deleteNamed(ctx: QueryContext, v: NamedDocValue): Value {
  ctx.assertWritable();
  if (!canWriteSchema(ctx.access, v.coll)) throw denied();
  if (v.coll === "Database") return deleteDatabase(ctx, v);
  const def =
    v.coll === "Collection"
      ? ctx.schema.collections.get(v.name)
      : v.coll === "Function"
        ? ctx.schema.functions.get(v.name)
        : v.coll === "Role"
          ? ctx.schema.roles.get(v.name)
          : undefined;
  const loc = def && itemLocations.get(def);
  if (!def || !loc) throw new QueryError("document_not_found", `${v.coll} \`${v.name}\` not found.`);
  const files = new Map(ctx.schema.files);
  const text = files.get(loc.file) ?? "";
  files.set(loc.file, text.slice(0, loc.start) + text.slice(loc.end));
  ctx.hooks.applySchema(ctx, files);
  return { kind: "named", coll: v.coll, name: v.name, cause: "deleted" };
}
