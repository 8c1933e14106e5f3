// Field access, indexing, method dispatch and projection, by receiver type. Members of the
// database's values (documents, schema documents, sets, collection modules...) are the host's.
import {
  QueryError,
  isNumber,
  named,
  toJsNumber,
  type ModuleValue,
  type NativeFunctionValue,
  type Value,
} from "../../core/index.js";
import {
  arrayMembers,
  arrayModule,
  booleanMembers,
  bytesMembers,
  checkArity,
  dateMembers,
  dateModule,
  dynamicTypeName,
  indexOutOfBounds,
  invalidArgumentType,
  mathModule,
  numberMembers,
  objectModule,
  stringMembers,
  timeMembers,
  timeModule,
  type ModuleMembers,
  type TypeMembers,
} from "../stdlib/index.js";
import type { EvalContext } from "./context.js";
import { FQL_MODULE, fqlMember, missingFqlFunction } from "./globals.js";

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
  return { kind: "native", name, call: (c, args) => callMethod(c as EvalContext, self, name, args) };
}

const isCallable = (f: Value): boolean =>
  f !== null &&
  typeof f === "object" &&
  !Array.isArray(f) &&
  !(f instanceof Map) &&
  (f.kind === "lambda" || f.kind === "native" || f.kind === "udf");

export function getField(ctx: EvalContext, target: Value, name: string): Value {
  if (target === null) throw nullAccess(name);
  if (typeof target === "object" && !Array.isArray(target) && !(target instanceof Map)) {
    switch (target.kind) {
      case "doc":
      case "named":
        return ctx.host.field(ctx, target, name)!;
      case "udf":
        // `MyFunction.definition`: its schema document (FQL2UserFunctionSpec).
        if (name === "definition") return named("Function", target.name);
        throw unknownMember(name, target);
      case "module": {
        // A member FQL lacks reads as null, as a missing field does (FQL2InterpreterSpec).
        if (target.name === FQL_MODULE) return fqlMember(ctx, name) ?? null;
        const hosted = ctx.host.field(ctx, target, name);
        if (hosted !== undefined) return hosted;
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

export function getIndex(ctx: EvalContext, target: Value, index: Value): Value {
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

function moduleMethod(ctx: EvalContext, m: ModuleValue, name: string, args: Value[]): Value {
  if (m.name === FQL_MODULE) {
    const f = name === "$call" ? undefined : fqlMember(ctx, name);
    if (f === undefined) {
      if (name === "$call") throw new QueryError("invalid_argument", `\`${FQL_MODULE}\` is not a function`);
      throw missingFqlFunction(name);
    }
    return ctx.call(f, args);
  }
  const hosted = ctx.host.method(ctx, m, name, args);
  if (hosted !== undefined) return hosted;
  const members = STDLIB_MODULES[m.name];
  if (name === "$call" && members?.call) return members.call(ctx, m, args);
  const fn = members?.methods[name];
  if (fn) return fn(ctx, m, args);
  if (name === "$call") throw new QueryError("invalid_argument", `\`${m.name}\` is not a function`);
  throw new QueryError("invalid_query", `The function \`${name}\` does not exist on \`${m.name}\``);
}

export function callMethod(ctx: EvalContext, target: Value, name: string, args: Value[]): Value {
  if (target === null) throw nullAccess(name);
  if (typeof target === "object" && !Array.isArray(target) && !(target instanceof Map)) {
    switch (target.kind) {
      case "doc":
      case "named":
      case "set": {
        const hosted = ctx.host.method(ctx, target, name, args);
        if (hosted !== undefined) return hosted;
        break;
      }
      case "module":
        return moduleMethod(ctx, target, name, args);
      default:
        break;
    }
  }
  if (Array.isArray(target) && name === "toSet") {
    checkArity(args, 0);
    return ctx.host.toSet(ctx, target);
  }
  const members = membersOf(target);
  const fn = members?.methods[name];
  if (fn) return fn(ctx, target, args);
  // A function stored in an object field can be called as a method.
  if (
    target instanceof Map ||
    (typeof target === "object" && target !== null && !Array.isArray(target) && target.kind === "named")
  ) {
    const f = getField(ctx, target, name);
    if (isCallable(f)) return ctx.call(f, args);
    if (f === null && target instanceof Map) throw nullAccess(name);
  }
  throw unknownMember(name, target);
}

/** Projection: maps over Sets and Arrays, applies to documents and objects, null stays null. */
export function projectValue(
  ctx: EvalContext,
  target: Value,
  project: (ctx: EvalContext, item: Value) => Value,
): Value {
  if (target === null) return null;
  if (Array.isArray(target)) return target.map((v) => projectValue(ctx, v, project));
  if (typeof target === "object" && !(target instanceof Map)) {
    if (target.kind === "set") {
      // `set { a }` is `set.map(x => x { a })`.
      const fn: NativeFunctionValue = {
        kind: "native",
        name: "projection",
        call: (c, args) => projectValue(c as EvalContext, args[0] ?? null, project),
      };
      return ctx.host.method(ctx, target, "map", [fn])!;
    }
    if (target.kind === "doc" && !ctx.host.exists(ctx, target)) return null;
  }
  return project(ctx, target);
}
