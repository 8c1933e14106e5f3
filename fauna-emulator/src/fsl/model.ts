// The schema model produced by fsl/parser from FSL files and consumed by the engine.
// FQL expressions inside FSL (defaults, compute/check lambdas, predicates, function bodies)
// are kept as source text; the engine parses them with the FQL parser.

/** A piece of FQL source inside an FSL file. */
export interface FqlSource {
  /** The exact expression text, e.g. `(doc) => doc.email.includes("@")` or a block `{ ... }`. */
  text: string;
  /** File name and character offset of `text` in that file (for error messages). */
  file: string;
  offset: number;
}

/** Field type grammar: `String`, `Int?`, `"a" | "b"`, `Array<String>`, `{ a: Int, b?: String }`, `Ref<Product>`... */
export type FieldType =
  | { kind: "named"; name: string } // String, Int, Long, Double, Float, Number, Boolean, Time, Date, Bytes, Any, Null, ID, or a collection name
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "union"; types: FieldType[] } // `T?` is union(T, Null)
  | { kind: "array"; item: FieldType }
  | { kind: "tuple"; items: FieldType[] }
  | { kind: "object"; fields: { name: string; type: FieldType; optional: boolean }[]; wildcard: FieldType | null }
  | { kind: "ref"; coll: string }; // Ref<Coll>

/** `.a.b` → ["a", "b"]; `.a[0]` → ["a", 0]. */
export type FieldPath = (string | number)[];

export interface IndexTerm {
  path: FieldPath;
  /** `mva(.tags)`: one entry per array element. */
  mva: boolean;
}

export interface IndexValue extends IndexTerm {
  desc: boolean;
}

export interface CollectionDef {
  name: string;
  alias: string | null;
  /** Declared fields in declaration order. */
  fields: { name: string; type: FieldType; default: FqlSource | null }[];
  /** `*: T`; null when absent. A collection with no fields and no wildcard accepts anything. */
  wildcard: FieldType | null;
  computed: { name: string; type: FieldType | null; body: FqlSource }[];
  uniques: { terms: IndexTerm[] }[];
  indexes: { name: string; terms: IndexTerm[]; values: IndexValue[] }[];
  checks: { name: string; body: FqlSource }[];
  historyDays: number | null;
  ttlDays: number | null;
  documentTtls: boolean | null;
  /** Doc comment text, if any. */
  doc: string | null;
  file: string;
}

export interface FunctionDef {
  name: string;
  alias: string | null;
  /** `@role(x)`: builtin (admin/server/server-readonly/client) or a user role name. */
  role: string | null;
  params: { name: string; type: string | null }[];
  variadic: { name: string; type: string | null } | null;
  returnType: string | null;
  /** The body block including its braces, e.g. `{\n  let x = 1\n  x\n}`. */
  body: FqlSource;
  doc: string | null;
  file: string;
}

export type PrivilegeAction =
  | "create"
  | "create_with_id"
  | "delete"
  | "read"
  | "write"
  | "history_read"
  | "history_write"
  | "unrestricted_read"
  | "call";

export interface RoleDef {
  name: string;
  membership: { collection: string; predicate: FqlSource | null }[];
  /** `resource` is a collection name (user or native) or a function name. */
  privileges: { resource: string; actions: { action: PrivilegeAction; predicate: FqlSource | null }[] }[];
  doc: string | null;
  file: string;
}

export interface AccessProviderDef {
  name: string;
  issuer: string;
  jwksUri: string;
  roles: { role: string; predicate: FqlSource | null }[];
  file: string;
}

export interface Schema {
  collections: CollectionDef[];
  functions: FunctionDef[];
  roles: RoleDef[];
  accessProviders: AccessProviderDef[];
}

/** An FSL syntax or validation error with its location. */
export interface FslDiagnostic {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  message: string;
  /** Cross-item errors (duplicates) name their files in the message and carry no location. */
  unlocated?: boolean;
}
