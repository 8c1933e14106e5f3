// Field access, indexing, method dispatch and projection, by receiver type.
import { QueryError } from "../../core/errors.js";
import { NAMED_COLLECTIONS } from "../../db/schema.js";
import { dynamicTypeName, indexOutOfBounds, invalidArgumentType, checkArity } from "../stdlib/args.js";
import {
  arrayMembers,
  arrayModule,
  booleanMembers,
  bytesMembers,
  dateMembers,
  dateModule,
  mathModule,
  numberMembers,
  objectModule,
  stringMembers,
  timeMembers,
  timeModule,
} from "../stdlib/index.js";
import type { ModuleMembers, TypeMembers } from "../stdlib/types.js";
import {
  isNumber,
  toJsNumber,
  type DocValue,
  type ModuleValue,
  type NativeFunctionValue,
  type Value,
} from "../../core/values.js";
import type { QueryContext } from "./context.js";
import { collectionField, collectionMethod } from "../../db/collections.js";
import { deleteDocument, docField, docState, requireDoc, updateDocument } from "../../db/documents.js";
import { callValue } from "./evaluator.js";
import { deleteNamed, namedExists, namedFields, namedModuleMethod } from "../../db/named.js";
import { loginCredential, updateCredential, verifyCredential } from "../../db/native.js";
import { setMethods, setModule } from "../../db/sets/set-methods.js";
import { makeSet, sourceOf } from "../../db/sets/sets.js";

const STDLIB_MODULES: Record<string, ModuleMembers> = {
  Math: mathModule,
  Object: objectModule,
  Time: timeModule,
  Date: dateModule,
  Array: arrayModule,
};

/** Members of primitive values by their kind. */
function membersOf(v: Value): TypeMembers | null {
  if (typeof v === "string") return stringMembers;
  if (typeof v === "boolean") return booleanMembers;
  if (Array.isArray(v)) return arrayMembers;
  if (v === null || v instanceof Map) return null;
  switch (v.kind) {
    case "int":
    case "long":
    case "double":
      return numberMembers;
    case "time":
      return timeMembers;
    case "date":
      return dateMembers;
    case "bytes":
      return bytesMembers;
    default:
      return null;
  }
}

/**
 * An unknown field or method: what a typechecked Fauna reports before running the query, so
 * callers get the same `invalid_query` whichever way they misspell a member.
 */
export const unknownMember = (name: string, on: Value) =>
  new QueryError("invalid_query", `Type \`${dynamicTypeName(on)}\` does not have field \`${name}\``);

const nullAccess = (name: string) => new QueryError("invalid_null_access", `Cannot access \`${name}\` on null.`);

/** A method read as a value (`Math.abs`, `"x".concat`): callable later, in any query. */
function bound(self: Value, name: string): NativeFunctionValue {
  return { kind: "native", name, call: (c, args) => callMethod(c as QueryContext, self, name, args) };
}

function isCollectionModule(ctx: QueryContext, m: ModuleValue): boolean {
  return ctx.schema.isCollection(ctx.schema.canonical(m.name));
}

export function getField(ctx: QueryContext, target: Value, name: string): Value {
  if (target === null) throw nullAccess(name);
  if (typeof target === "object" && !Array.isArray(target) && !(target instanceof Map)) {
    switch (target.kind) {
      case "doc":
        return docField(ctx, target, name);
      case "named": {
        const fields = namedFields(ctx, target);
        if (!fields) throw new QueryError("document_not_found", `${target.coll} \`${target.name}\` not found.`);
        return fields.get(name) ?? null;
      }
      case "module": {
        if (isCollectionModule(ctx, target)) return collectionField(ctx, target, name);
        const m = STDLIB_MODULES[target.name];
        const prop = m?.props[name];
        if (prop) return prop(target);
        if (m?.methods[name]) return bound(target, name);
        throw unknownMember(name, target);
      }
      default:
        break;
    }
  }
  if (target instanceof Map) return target.get(name) ?? null;
  const members = membersOf(target);
  const prop = members?.props[name];
  if (prop) return prop(target);
  if (members?.methods[name]) return bound(target, name);
  throw unknownMember(name, target);
}

export function getIndex(ctx: QueryContext, target: Value, index: Value): Value {
  if (target === null) throw new QueryError("invalid_null_access", "Cannot access index on null.");
  if (Array.isArray(target) || typeof target === "string") {
    if (!isNumber(index) || !Number.isInteger(toJsNumber(index))) throw invalidArgumentType("index", "Int", index);
    const i = toJsNumber(index);
    const len = Array.isArray(target) ? target.length : [...target].length;
    if (i < 0 || i >= len) throw indexOutOfBounds(i, len);
    return Array.isArray(target) ? target[i]! : [...target][i]!;
  }
  if (typeof index !== "string") throw invalidArgumentType("field", "String", index);
  return getField(ctx, target, index);
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
  if (f !== null && typeof f === "object" && "kind" in f && (f.kind === "lambda" || f.kind === "native" || f.kind === "udf")) return callValue(ctx, f, args);
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

function moduleMethod(ctx: QueryContext, m: ModuleValue, name: string, args: Value[]): Value {
  if (isCollectionModule(ctx, m)) return collectionMethod(ctx, m, name, args);
  if (NAMED_COLLECTIONS.has(m.name)) return namedModuleMethod(ctx, m.name, name, args);
  if (m.name === "Set") {
    const fn = setModule[name];
    if (fn) return fn(ctx, args);
  } else if (m.name === "Query") {
    return queryModule(ctx, name, args);
  } else {
    const members = STDLIB_MODULES[m.name];
    if (name === "$call" && members?.call) return members.call(ctx, m, args);
    const fn = members?.methods[name];
    if (fn) return fn(ctx, m, args);
  }
  if (name === "$call") throw new QueryError("invalid_argument", `\`${m.name}\` is not a function`);
  throw new QueryError("invalid_query", `The function \`${name}\` does not exist on \`${m.name}\``);
}

export function callMethod(ctx: QueryContext, target: Value, name: string, args: Value[]): Value {
  if (target === null) throw nullAccess(name);
  if (typeof target === "object" && !Array.isArray(target) && !(target instanceof Map)) {
    switch (target.kind) {
      case "doc":
        return docMethod(ctx, target, name, args);
      case "named":
        if (name === "exists") return namedExists(ctx, target);
        if (name === "delete") {
          checkArity(args, 0);
          return deleteNamed(ctx, target);
        }
        break;
      case "module":
        return moduleMethod(ctx, target, name, args);
      case "set": {
        const fn = setMethods[name];
        if (fn) return fn(ctx, sourceOf(target), args);
        throw new QueryError("invalid_query", `The function \`${name}\` does not exist on \`Set\``);
      }
      default:
        break;
    }
  }
  if (Array.isArray(target) && name === "toSet") {
    checkArity(args, 0);
    return makeSet({ t: "items", items: target });
  }
  const members = membersOf(target);
  const fn = members?.methods[name];
  if (fn) return fn(ctx, target, args);
  // A function stored in an object field can be called as a method.
  if (target instanceof Map || (typeof target === "object" && target !== null && !Array.isArray(target) && target.kind === "named")) {
    const f = getField(ctx, target, name);
    if (f !== null && typeof f === "object" && !Array.isArray(f) && !(f instanceof Map) && (f.kind === "lambda" || f.kind === "native" || f.kind === "udf")) {
      return callValue(ctx, f, args);
    }
    if (f === null && target instanceof Map) throw nullAccess(name);
  }
  throw unknownMember(name, target);
}

/** Projection: maps over Sets and Arrays, applies to documents and objects, null stays null. */
export function projectValue(ctx: QueryContext, target: Value, project: (ctx: QueryContext, item: Value) => Value): Value {
  if (target === null) return null;
  if (Array.isArray(target)) return target.map((v) => projectValue(ctx, v, project));
  if (typeof target === "object" && !(target instanceof Map)) {
    if (target.kind === "set") {
      const fn: NativeFunctionValue = { kind: "native", name: "projection", call: (c, args) => projectValue(c as QueryContext, args[0] ?? null, project) };
      return makeSet({ t: "map", src: sourceOf(target), fn });
    }
    if (target.kind === "doc") {
      const st = docState(ctx, target);
      if (!st.ok) return null;
    }
  }
  return project(ctx, target);
}
