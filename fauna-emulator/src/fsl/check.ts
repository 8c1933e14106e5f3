// Whole-schema validation of a push: item names must be unique, field types and role
// resources must resolve against the submitted schema (as Fauna refuses such a push).
import { NATIVE_RESOURCES } from "../core/index.js";
import { diagnostic } from "./errors.js";
import type { FslDiagnostic } from "./model.js";
import type { ParsedFile } from "./parsed.js";
import { PERSISTABLE_BUILTINS } from "./types.js";

/** Native collections usable as field types (`Ref<Key>`, `Credential`...). */
const NATIVE_DOC_TYPES = new Set(["Key", "Token", "Credential"]);
/** Type constructors of one argument (`Array<T>`, `Ref<D>`…). */
const CONSTRUCTORS = new Set(["Array", "Set", "Page", "Ref", "EmptyRef", "NamedRef", "EmptyNamedRef", "EventSource"]);
/** Builtin type names that exist but cannot be stored in a document. */
const NON_PERSISTABLE = new Set(["ID", "Never", "Function", "Object", "Document"]);
const BUILTIN_ROLES = new Set(["admin", "server", "server-readonly", "client"]);

/** Duplicate names (collections and functions share one namespace). */
export function checkNames(files: ParsedFile[]): FslDiagnostic[] {
  const out: FslDiagnostic[] = [];
  const dupe = (kind: string) => {
    const seen = new Map<string, string>(); // name → file it was first seen in
    return {
      has: (n: string) => seen.has(n),
      check(f: ParsedFile, name: { text: string; at: number }) {
        const first = seen.get(name.text);
        if (first !== undefined) {
          const d = diagnostic(
            f.file,
            f.src,
            name.at,
            `Duplicate ${kind} \`${name.text}\` in ${f.file} (originally seen in ${first})`,
          );
          out.push({ ...d, unlocated: true });
        } else seen.set(name.text, f.file);
      },
    };
  };
  const collFn = dupe("collection or function");
  const collNames = new Set(files.flatMap((f) => f.collections.map((c) => c.def.name)));
  // Items are visited in upload order, and in source order within a file, so a duplicate is
  // reported against the file where the name first appeared.
  for (const f of files) {
    const items = [
      ...f.collections.map((c) => ({ at: c.name.at, names: c.alias ? [c.name, c.alias] : [c.name] })),
      ...f.functions.map((fn) => ({
        at: fn.name.at,
        // A function may reuse a collection's name when it has an alias (called by its alias).
        names: fn.alias && collNames.has(fn.name.text) ? [fn.alias] : fn.alias ? [fn.name, fn.alias] : [fn.name],
      })),
    ].sort((a, b) => a.at - b.at);
    for (const item of items) for (const n of item.names) collFn.check(f, n);
  }
  const roles = dupe("role");
  const aps = dupe("access provider");
  for (const f of files) {
    for (const r of f.roles) roles.check(f, r.name);
    for (const a of f.accessProviders) aps.check(f, a.name);
  }
  return out;
}

/** Field types, role resources and access-provider roles must exist. */
export function checkReferences(files: ParsedFile[]): FslDiagnostic[] {
  const out: FslDiagnostic[] = [];
  const colls = new Set<string>();
  const funcs = new Set<string>();
  const roles = new Set<string>();
  for (const f of files) {
    for (const c of f.collections) {
      colls.add(c.def.name);
      if (c.def.alias) colls.add(c.def.alias);
    }
    for (const fn of f.functions) {
      funcs.add(fn.def.name);
      if (fn.def.alias) funcs.add(fn.def.alias);
    }
    for (const r of f.roles) roles.add(r.def.name);
  }
  const isDocType = (n: string) => colls.has(n) || NATIVE_DOC_TYPES.has(n);

  for (const f of files) {
    const err = (at: number, message: string) => out.push(diagnostic(f.file, f.src, at, message));
    for (const c of f.collections) {
      for (const ref of c.typeRefs) {
        const n = ref.name;
        if (PERSISTABLE_BUILTINS.has(n) || isDocType(n)) continue;
        // `NullFoo` is the type of a missing document of `Foo`.
        if (n.startsWith("Null") && isDocType(n.slice(4))) continue;
        // A type constructor without its argument is refused for its arity before persistability
        // (faunadb TyperTypeExprs InvalidTypeArity; FQL2TypecheckSpec "array with no generics").
        if (CONSTRUCTORS.has(n)) err(ref.at, `Type constructor \`${n}<>\` accepts 1 parameters, received 0`);
        else if (NON_PERSISTABLE.has(n)) err(ref.at, `Type ${n} is not persistable`);
        else err(ref.at, `Unknown type \`${n}\``);
      }
    }
    for (const r of f.roles) {
      for (const res of r.resources) {
        const n = res.name.text;
        if (NATIVE_RESOURCES.has(n) || colls.has(n) || (!res.membership && funcs.has(n))) continue;
        err(res.name.at, `Resource \`${n}\` does not exist`);
      }
    }
    for (const a of f.accessProviders) {
      for (const r of a.roleRefs) {
        if (BUILTIN_ROLES.has(r.text)) err(r.at, `Builtin role \`${r.text}\` is not allowed`);
        else if (!roles.has(r.text)) err(r.at, `Role \`${r.text}\` does not exist`);
      }
    }
  }
  return out;
}
