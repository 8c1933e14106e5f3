// A readable semantic diff between two schemas, shaped like Fauna's `format=semantic`
// output (`* Adding collection \`Store\` to collections.fsl:1:1`, ...). Clients only print it.
import type {
  AccessProviderDef,
  CollectionDef,
  FqlSource,
  FunctionDef,
  IndexTerm,
  IndexValue,
  RoleDef,
  Schema,
} from "./model.js";
import { itemLocations } from "./parser.js";
import { fieldTypeToString } from "./types.js";

type Item = CollectionDef | FunctionDef | RoleDef | AccessProviderDef;
/** Changes of one item: plain lines, or category headers with their lines (collections). */
type Section = { title: string | null; lines: string[] };

const EMPTY: Schema = { collections: [], functions: [], roles: [], accessProviders: [] };

export function diffSchemas(before: Schema | null, after: Schema): string {
  const b = before ?? EMPTY;
  let out = "";
  out += diffKind("collection", b.collections, after.collections, diffCollection, emptyCollection);
  out += diffKind("function", b.functions, after.functions, diffFunction, (f) => f);
  out += diffKind("role", b.roles, after.roles, diffRole, (r) => ({ ...r, membership: [], privileges: [] }));
  out += diffKind("access provider", b.accessProviders, after.accessProviders, diffAccessProvider, (a) => ({
    ...a,
    roles: [],
  }));
  return out;
}

function where(item: Item): string {
  const loc = itemLocations.get(item);
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : item.file;
}

function diffKind<T extends Item>(
  kind: string,
  before: T[],
  after: T[],
  diff: (a: T, b: T) => Section[],
  empty: (t: T) => T,
): string {
  let out = "";
  const old = new Map(before.map((i) => [i.name, i]));
  const now = new Set(after.map((i) => i.name));
  for (const item of after) {
    const prev = old.get(item.name);
    if (!prev) {
      // An addition is shown as the changes from an empty item of the same name.
      out += render(`* Adding ${kind} \`${item.name}\` to ${where(item)}`, diff(empty(item), item));
      continue;
    }
    const sections = diff(prev, item);
    const moved = prev.file !== item.file;
    if (sections.length === 0 && !moved) continue;
    const title = `* Modifying ${kind} \`${item.name}\` at ${where(item)}${moved ? ` (previously defined at ${where(prev)})` : ""}`;
    out += render(title, sections.length > 0 ? sections : [{ title: null, lines: ["No semantic changes."] }]);
  }
  for (const item of before) {
    if (!now.has(item.name)) out += render(`* Removing ${kind} \`${item.name}\` from ${where(item)}`, []);
  }
  return out;
}

function render(title: string, sections: Section[]): string {
  if (sections.length === 0) return `${title}\n\n`;
  let out = `${title}:\n`;
  for (const s of sections) {
    if (s.title) out += `  * ${s.title}:\n`;
    for (const l of s.lines) out += `  ${l}\n`;
    out += "\n";
  }
  return out;
}

const src = (s: FqlSource | null | undefined) => (s ? s.text.trim() : null);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `+ add x set to v`, `- remove …`, `~ change x from a to b` for a scalar setting. */
function scalar(lines: string[], name: string, a: unknown, b: unknown): void {
  if (same(a, b)) return;
  if (a === null || a === undefined) lines.push(`+ add ${name} set to ${String(b)}`);
  else if (b === null || b === undefined) lines.push(`- remove ${name} set to ${String(a)}`);
  else lines.push(`~ change ${name} from ${String(a)} to ${String(b)}`);
}

/** Additions, removals and modifications of named sub-elements. */
function keyed<T>(
  lines: string[],
  before: T[],
  after: T[],
  key: (t: T) => string,
  label: (k: string) => string,
  changed: (a: T, b: T) => string[],
): void {
  const old = new Map(before.map((x) => [key(x), x]));
  const now = new Map(after.map((x) => [key(x), x]));
  for (const [k, x] of now) {
    const prev = old.get(k);
    if (!prev) lines.push(`+ add ${label(k)}`);
    else lines.push(...changed(prev, x));
  }
  for (const k of old.keys()) if (!now.has(k)) lines.push(`- remove ${label(k)}`);
}

function predicateChange(what: string, a: FqlSource | null, b: FqlSource | null): string[] {
  if (src(a) === src(b)) return [];
  if (!a) return [`~ change ${what} by adding a predicate`];
  if (!b) return [`~ change ${what} by removing a predicate`];
  return [`~ change ${what} by modifying its predicate`];
}

// ---- collections --------------------------------------------------------------------------

function emptyCollection(c: CollectionDef): CollectionDef {
  return {
    ...c,
    alias: null,
    fields: [],
    wildcard: null,
    computed: [],
    uniques: [],
    indexes: [],
    checks: [],
    historyDays: null,
    ttlDays: null,
    documentTtls: null,
  };
}

const pathText = (t: IndexTerm | IndexValue): string => {
  const p = t.path
    .map((s) => (typeof s === "number" ? `[${s}]` : /^[A-Za-z_]\w*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`))
    .join("");
  let out = t.mva ? `mva(${p})` : p;
  if ("desc" in t && t.desc) out = `desc(${out})`;
  return out;
};
const uniqueText = (terms: IndexTerm[]) => `[${terms.map(pathText).join(", ")}]`;

function diffCollection(a: CollectionDef, b: CollectionDef): Section[] {
  const fields: string[] = [];
  keyed(
    fields,
    a.fields,
    b.fields,
    (f) => f.name,
    (n) => `field \`${n}\``,
    (x, y) => {
      const out: string[] = [];
      if (!same(x.type, y.type)) {
        out.push(
          `~ change type of field \`${y.name}\` from \`${fieldTypeToString(x.type)}\` to \`${fieldTypeToString(y.type)}\``,
        );
      }
      if (src(x.default) !== src(y.default)) {
        if (!x.default) out.push(`+ add default value to field \`.${y.name}\``);
        else if (!y.default) out.push(`- remove default value from field \`.${y.name}\``);
        else out.push(`~ change default value of field \`.${y.name}\``);
      }
      return out;
    },
  );
  if (!same(a.wildcard, b.wildcard)) {
    if (!a.wildcard) fields.push("+ add wildcard");
    else if (!b.wildcard) fields.push("- remove wildcard");
    else
      fields.push(
        `~ change wildcard type from \`${fieldTypeToString(a.wildcard)}\` to \`${fieldTypeToString(b.wildcard)}\``,
      );
  }

  const computed: string[] = [];
  keyed(
    computed,
    a.computed,
    b.computed,
    (c) => c.name,
    (n) => `computed field \`${n}\``,
    (x, y) => (src(x.body) !== src(y.body) || !same(x.type, y.type) ? [`~ change computed field \`${y.name}\``] : []),
  );

  const indexes: string[] = [];
  keyed(
    indexes,
    a.indexes,
    b.indexes,
    (i) => i.name,
    (n) => `index \`${n}\``,
    (x, y) => (same(x, y) ? [] : [`~ change index \`${y.name}\``]),
  );

  const constraints: string[] = [];
  keyed(
    constraints,
    a.uniques,
    b.uniques,
    (u) => uniqueText(u.terms),
    (k) => `unique constraint on ${k}`,
    () => [],
  );
  keyed(
    constraints,
    a.checks,
    b.checks,
    (c) => c.name,
    (n) => `check constraint \`${n}\``,
    (x, y) => (src(x.body) !== src(y.body) ? [`~ change check constraint \`${y.name}\` body`] : []),
  );

  const config: string[] = [];
  scalar(config, "alias", a.alias, b.alias);
  scalar(config, "history_days", a.historyDays, b.historyDays);
  scalar(config, "ttl_days", a.ttlDays, b.ttlDays);
  scalar(config, "document_ttls", a.documentTtls, b.documentTtls);

  const sections: Section[] = [
    { title: "Defined fields", lines: fields },
    { title: "Computed fields", lines: computed },
    { title: "Indexes", lines: indexes },
    { title: "Constraints", lines: constraints },
    { title: "Configuration", lines: config },
  ];
  return sections.filter((s) => s.lines.length > 0);
}

// ---- functions, roles, access providers ---------------------------------------------------

function diffFunction(a: FunctionDef, b: FunctionDef): Section[] {
  const lines: string[] = [];
  scalar(lines, "role", a.role, b.role);
  scalar(lines, "alias", a.alias, b.alias);
  if (!same([a.params, a.variadic, a.returnType], [b.params, b.variadic, b.returnType]))
    lines.push("~ change signature");
  if (src(a.body) !== src(b.body)) lines.push("~ change body");
  return lines.length > 0 ? [{ title: null, lines }] : [];
}

function diffRole(a: RoleDef, b: RoleDef): Section[] {
  const lines: string[] = [];
  keyed(
    lines,
    a.membership,
    b.membership,
    (m) => m.collection,
    (k) => `membership on \`${k}\``,
    (x, y) => predicateChange(`membership on \`${y.collection}\``, x.predicate, y.predicate),
  );
  keyed(
    lines,
    a.privileges,
    b.privileges,
    (p) => p.resource,
    (k) => `privileges on \`${k}\``,
    (x, y) => {
      const inner: string[] = [];
      keyed(
        inner,
        x.actions,
        y.actions,
        (act) => act.action,
        (k) => k,
        (p, q) => predicateChange(q.action, p.predicate, q.predicate),
      );
      return inner.length > 0 ? [`~ change privileges on \`${y.resource}\``, ...inner.map((l) => `  ${l}`)] : [];
    },
  );
  return lines.length > 0 ? [{ title: null, lines }] : [];
}

function diffAccessProvider(a: AccessProviderDef, b: AccessProviderDef): Section[] {
  const lines: string[] = [];
  scalar(lines, "issuer", JSON.stringify(a.issuer), JSON.stringify(b.issuer));
  scalar(lines, "jwks_uri", JSON.stringify(a.jwksUri), JSON.stringify(b.jwksUri));
  keyed(
    lines,
    a.roles,
    b.roles,
    (r) => r.role,
    (k) => `role \`${k}\``,
    (x, y) => predicateChange(`role \`${y.role}\``, x.predicate, y.predicate),
  );
  return lines.length > 0 ? [{ title: null, lines }] : [];
}
