// Members of the database's values, as the language's member lookups reach them through the
// host: documents (fields, update/replace/delete, Credential's login/verify), schema documents,
// sets, collection modules, `Collection`/`Function`/`Role`/`Database`, `Set` and `Query`.
import { QueryError, type DocValue, type ModuleValue, type NamedDocValue, type Value } from "../core/index.js";
import { checkArity, invalidArgumentType, type HostValue } from "../fql/index.js";
import { collectionField, collectionMethod } from "./collections.js";
import type { QueryContext } from "./context.js";
import { deleteDocument, docField, docState, requireDoc, updateDocument } from "./documents.js";
import { deleteNamed, namedExists, namedFields, namedModuleMethod } from "./named.js";
import { loginCredential, updateCredential, verifyCredential } from "./native.js";
import { NAMED_COLLECTIONS } from "./schema.js";
import { sourceOf } from "./set-source.js";
import { setMethods, setModule } from "./sets/set-methods.js";

const isCollectionModule = (ctx: QueryContext, m: ModuleValue): boolean =>
  ctx.schema.isCollection(ctx.schema.canonical(m.name));

/** `target.name`; undefined for a module the database does not own (the standard library's). */
export function field(
  ctx: QueryContext,
  target: DocValue | NamedDocValue | ModuleValue,
  name: string,
): Value | undefined {
  switch (target.kind) {
    case "doc":
      return docField(ctx, target, name);
    case "named": {
      const fields = namedFields(ctx, target);
      if (!fields) throw new QueryError("document_not_found", `${target.coll} \`${target.name}\` not found.`);
      return fields.get(name) ?? null;
    }
    case "module":
      return isCollectionModule(ctx, target) ? collectionField(ctx, target, name) : undefined;
  }
}

/** `target.name(args)`; undefined when the database has no such method here. */
export function method(ctx: QueryContext, target: HostValue, name: string, args: Value[]): Value | undefined {
  switch (target.kind) {
    case "doc":
      return docMethod(ctx, target, name, args);
    case "named":
      if (name === "exists") return namedExists(ctx, target);
      if (name === "delete") {
        checkArity(args, 0);
        return deleteNamed(ctx, target);
      }
      return undefined;
    case "module":
      return moduleMethod(ctx, target, name, args);
    case "set": {
      const fn = setMethods[name];
      if (fn) return fn(ctx, sourceOf(target), args);
      throw new QueryError("invalid_query", `The function \`${name}\` does not exist on \`Set\``);
    }
  }
}

function docMethod(ctx: QueryContext, ref: DocValue, name: string, args: Value[]): Value {
  switch (name) {
    case "exists":
      checkArity(args, 0);
      return docState(ctx, ref).ok;
    case "update":
    case "replace":
    case "updateData":
    case "replaceData": {
      checkArity(args, 1);
      const patch = args[0]!;
      if (!(patch instanceof Map)) throw invalidArgumentType("data", "{ *: Any }", patch);
      const mode = name.startsWith("update") ? "update" : "replace";
      if (ref.coll === "Credential") return updateCredential(ctx, ref, patch, mode);
      return updateDocument(ctx, ref, patch, mode);
    }
    case "delete":
      checkArity(args, 0);
      return deleteDocument(ctx, ref);
    case "login":
      if (ref.coll === "Credential") return loginCredential(ctx, ref, args);
      break;
    case "verify":
      if (ref.coll === "Credential") return verifyCredential(ctx, ref, args);
      break;
    case "toString":
      checkArity(args, 0);
      return ctx.display(ref);
  }
  requireDoc(ctx, ref);
  const f = docField(ctx, ref, name);
  if (
    f !== null &&
    typeof f === "object" &&
    "kind" in f &&
    (f.kind === "lambda" || f.kind === "native" || f.kind === "udf")
  )
    return ctx.call(f, args);
  throw new QueryError("invalid_query", `The function \`${name}\` does not exist on \`${ref.coll}\``);
}

function queryModule(ctx: QueryContext, name: string, args: Value[]): Value {
  checkArity(args, 0);
  switch (name) {
    case "identity":
      return ctx.access.identity;
    case "token":
      return ctx.access.token;
    case "isEnvTypechecked":
      return false;
    case "isEnvProtected":
      return false;
    default:
      throw new QueryError("invalid_query", `The function \`${name}\` does not exist on \`Query\``);
  }
}

function moduleMethod(ctx: QueryContext, m: ModuleValue, name: string, args: Value[]): Value | undefined {
  if (isCollectionModule(ctx, m)) return collectionMethod(ctx, m, name, args);
  if (NAMED_COLLECTIONS.has(m.name)) return namedModuleMethod(ctx, m.name, name, args);
  if (m.name === "Set") return setModule[name]?.(ctx, args);
  if (m.name === "Query") return queryModule(ctx, name, args);
  return undefined;
}
