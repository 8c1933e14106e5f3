// The schema as the typechecker sees it (fql/typer's SchemaDescription), built once per
// compiled schema. Snippet spans are moved to their FSL file's offsets, so a diagnostic points
// at the line and column of the file that holds it.
import { parseExpression, parseFunctionBody, type Expr } from "../fql/index.js";
import { buildTypeEnv, type SchemaDescription, type TypeDiagnostic, type TypeEnv } from "../fql/typer/index.js";
import type { FieldPath, FqlSource, FunctionDef } from "../fsl/model.js";
import { fieldTypeToString } from "../fsl/types.js";
import type { CompiledSchema } from "./schema.js";

export interface SchemaTypes {
  env: TypeEnv;
  /** What a typechecked Fauna refuses in this schema; spans are offsets into `file`. */
  diagnostics: (TypeDiagnostic & { file: string })[];
}

const built = new WeakMap<CompiledSchema, SchemaTypes>();

/** The type environment of `schema` (cached: schemas are immutable once compiled). */
export function schemaTypes(schema: CompiledSchema): SchemaTypes {
  let t = built.get(schema);
  if (!t) {
    t = buildSchemaTypes(schema);
    built.set(schema, t);
  }
  return t;
}

function buildSchemaTypes(schema: CompiledSchema): SchemaTypes {
  const files = new Map<string, string>(); // "kind:name" → FSL file
  const { env, diagnostics } = buildTypeEnv(describeSchema(schema, files), {
    source: (kind, name) => `${kind}:${name}`,
  });
  return {
    env,
    diagnostics: diagnostics.map((d) => ({ ...d, file: files.get(d.span.source ?? "") ?? d.span.source ?? "" })),
  };
}

/** `.a.b[0]` for a field path. */
function pathText(path: FieldPath): string {
  return path
    .map((p) =>
      typeof p === "number" ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`,
    )
    .join("");
}

/** A snippet parsed afresh with its spans moved to offsets in its file. */
function snippet(src: FqlSource): Expr {
  return shifted(parseExpression(src.text, src.file), src.offset);
}

function shifted<T>(node: T, by: number): T {
  if (by === 0) return node;
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    const span = o.span as { start: number; end: number } | undefined;
    if (span && typeof span.start === "number") o.span = { ...span, start: span.start + by, end: span.end + by };
    for (const [k, child] of Object.entries(o)) if (k !== "span") walk(child);
  };
  walk(node);
  return node;
}

function signatureOf(f: FunctionDef): string | null {
  const typed = f.params.some((p) => p.type !== null) || f.variadic?.type || f.returnType;
  if (!typed) return null;
  const params = f.params.map((p) => (p.type ? `${p.name}: ${p.type}` : p.name));
  if (f.variadic) params.push(`...${f.variadic.name}${f.variadic.type ? `: ${f.variadic.type}` : ""}`);
  return `(${params.join(", ")})${f.returnType ? `: ${f.returnType}` : ""}`;
}

function udfLambda(f: FunctionDef): Expr {
  const body = shifted(parseFunctionBody(f.body.text, f.body.file), f.body.offset);
  return {
    type: "Lambda",
    params: f.params.map((p) => p.name),
    variadic: f.variadic?.name ?? null,
    body,
    span: body.span,
  } as Expr;
}

export function describeSchema(schema: CompiledSchema, files = new Map<string, string>()): SchemaDescription {
  const s = schema.schema;
  return {
    collections: s.collections.map((c) => {
      files.set(`collection:${c.name}`, c.file);
      return {
        name: c.name,
        ...(c.alias ? { alias: c.alias } : {}),
        fields: c.fields.map((f) => ({
          name: f.name,
          type: fieldTypeToString(f.type),
          hasDefault: f.default !== null,
          ...(f.default ? { default: snippet(f.default) } : {}),
        })),
        wildcard: c.wildcard ? fieldTypeToString(c.wildcard) : null,
        hasFieldDefinitions: c.fields.length > 0 || c.wildcard !== null,
        documentTtls: c.documentTtls,
        computedFields: c.computed.map((cf) => ({
          name: cf.name,
          signature: cf.type ? fieldTypeToString(cf.type) : null,
          body: snippet(cf.body),
        })),
        indexes: c.indexes.map((ix) => ({
          name: ix.name,
          terms: ix.terms.map((t) => (t.mva ? `mva(${pathText(t.path)})` : pathText(t.path))),
          values: ix.values.map((v) => ({
            field: v.mva ? `mva(${pathText(v.path)})` : pathText(v.path),
            order: v.desc ? ("desc" as const) : ("asc" as const),
          })),
        })),
        checkConstraints: c.checks.map((ch) => ({ name: ch.name, body: snippet(ch.body) })),
        uniques: c.uniques.map((u) => u.terms.map((t) => (t.mva ? `mva(${pathText(t.path)})` : pathText(t.path)))),
      };
    }),
    functions: s.functions.map((f) => {
      files.set(`function:${f.name}`, f.file);
      return {
        name: f.name,
        ...(f.alias ? { alias: f.alias } : {}),
        signature: signatureOf(f),
        body: udfLambda(f),
      };
    }),
    roles: s.roles.map((r) => {
      files.set(`role:${r.name}`, r.file);
      return {
        name: r.name,
        predicates: r.privileges.flatMap((p) =>
          p.actions.flatMap((a) =>
            a.predicate ? [{ resource: p.resource, action: a.action, body: snippet(a.predicate) }] : [],
          ),
        ),
        membershipPredicates: r.membership.flatMap((m) =>
          m.predicate ? [{ collection: m.collection, body: snippet(m.predicate) }] : [],
        ),
      };
    }),
  };
}
