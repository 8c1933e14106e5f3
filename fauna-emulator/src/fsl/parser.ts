// Parses one FSL file into model items. FQL inside FSL is captured as source text only.
// Syntax errors abort the file (SyntaxAbort); item-level problems (duplicates, bad
// actions...) are collected so one push reports as many as possible.
import { checkNames, checkReferences } from "./check.js";
import { Cursor, type Name } from "./cursor.js";
import { FslError, SyntaxAbort, diagnostic, lineCol } from "./errors.js";
import type {
  AccessProviderDef,
  CollectionDef,
  FieldPath,
  FqlSource,
  FunctionDef,
  IndexTerm,
  IndexValue,
  PrivilegeAction,
  RoleDef,
  Schema,
} from "./model.js";
import type { ParsedAccessProvider, ParsedCollection, ParsedFile, ParsedFunction, ParsedRole } from "./parsed.js";
import { isIdentStart, looksLikeLambda, scanCode, skipBlockComment, skipLineComment, unwrapParens } from "./scan.js";
import { parseType, toFieldType } from "./types.js";

/** Where each parsed item stands: its file, position, and [start, end) offsets (incl. doc comment). */
export const itemLocations = new WeakMap<
  object,
  { file: string; line: number; column: number; start: number; end: number }
>();

export const PRIVILEGE_ACTIONS: readonly PrivilegeAction[] = [
  "create",
  "create_with_id",
  "delete",
  "read",
  "write",
  "history_read",
  "history_write",
  "unrestricted_read",
  "call",
];

/** Field names owned by the document model (`ttl` is writable but still cannot be declared). */
const RESERVED_FIELD_NAMES = new Set([
  "id",
  "coll",
  "ts",
  "data",
  "delete",
  "update",
  "replace",
  "updateData",
  "replaceData",
  "exists",
  "ttl",
]);
const KEYWORDS = new Set([
  "if",
  "else",
  "at",
  "match",
  "case",
  "let",
  "null",
  "true",
  "false",
  "isa",
  "join",
  "on",
  "of",
]);
export const isValidIdent = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !KEYWORDS.has(s);

interface Annotation {
  kind: string;
  value: Name;
  at: number;
}

/**
 * Parses every file of a schema push into one Schema, or throws FslError with all
 * diagnostics. Files are read in upload order, as Fauna reports duplicates against the
 * file where a name was first seen.
 */
export function parseSchemaFiles(files: Map<string, string>): Schema {
  const names = [...files.keys()];
  const parsed = names.map((name) => parseFile(name, files.get(name) ?? ""));
  // Like Fauna, syntax and per-item errors are reported before cross-item validation.
  let diags = parsed.flatMap((p) => p.diagnostics);
  if (diags.length === 0) diags = checkNames(parsed);
  if (diags.length === 0) diags = checkReferences(parsed);
  if (diags.length > 0) throw new FslError(diags);
  return {
    collections: parsed.flatMap((p) => p.collections.map((c) => c.def)),
    functions: parsed.flatMap((p) => p.functions.map((f) => f.def)),
    roles: parsed.flatMap((p) => p.roles.map((r) => r.def)),
    accessProviders: parsed.flatMap((p) => p.accessProviders.map((a) => a.def)),
  };
}

export function parseFile(file: string, src: string): ParsedFile {
  const p = new FileParser(src, file);
  const out: ParsedFile = {
    file,
    src,
    collections: [],
    functions: [],
    roles: [],
    accessProviders: [],
    diagnostics: [],
  };
  try {
    p.items(out);
  } catch (e) {
    if (!(e instanceof SyntaxAbort)) throw e;
    p.error(e.offset, e.message);
  }
  out.diagnostics = p.errors.map((e) => diagnostic(file, src, e.at, e.message));
  return out;
}

class FileParser extends Cursor {
  errors: { at: number; message: string }[] = [];

  error(at: number, message: string): void {
    this.errors.push({ at, message });
  }

  items(out: ParsedFile): void {
    for (;;) {
      const doc = this.leadingTrivia();
      if (this.atEnd()) return;
      const start = doc ? doc.start : this.pos;
      const anns = this.annotations();
      const kwAt = this.pos;
      const kw = this.ident();
      if (!kw) this.fail(`Expected a schema item${this.foundSuffix()}`);
      this.inline();
      const loc = { file: this.file, ...lineCol(this.src, start), start };
      switch (kw.text) {
        case "collection": {
          const c = this.collection(anns, doc?.text ?? null);
          itemLocations.set(c.def, { ...loc, end: this.pos });
          out.collections.push(c);
          break;
        }
        case "function": {
          const f = this.function(anns, doc?.text ?? null);
          itemLocations.set(f.def, { ...loc, end: this.pos });
          out.functions.push(f);
          break;
        }
        case "role": {
          this.noAnnotations(anns);
          const r = this.role(doc?.text ?? null);
          itemLocations.set(r.def, { ...loc, end: this.pos });
          out.roles.push(r);
          break;
        }
        case "access": {
          this.noAnnotations(anns);
          if (this.peekIdent() !== "provider") this.fail(`Expected \`provider\`${this.foundSuffix()}`);
          this.pos += "provider".length;
          this.inline();
          const a = this.accessProvider();
          itemLocations.set(a.def, { ...loc, end: this.pos });
          out.accessProviders.push(a);
          break;
        }
        default:
          this.fail(`Invalid schema item \`${kw.text}\``, kwAt);
      }
    }
  }

  /** Skips blanks, separators and comments; returns the comment run directly above the next item. */
  leadingTrivia(): { text: string; start: number } | null {
    let parts: string[] = [];
    let runStart = -1;
    let newlines = 0;
    const s = this.src;
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === "\n") {
        newlines++;
        this.pos++;
      } else if (c === " " || c === "\t" || c === "\r") this.pos++;
      else if (c === ";") {
        parts = [];
        this.pos++;
      } else if (c === "/" && (s[this.pos + 1] === "/" || s[this.pos + 1] === "*")) {
        const at = this.pos;
        const line = s[this.pos + 1] === "/";
        this.pos = line ? skipLineComment(s, at) : skipBlockComment(s, at);
        const raw = s.slice(at, this.pos);
        const text = line ? raw.slice(2).replace(/^ /, "").trimEnd() : raw.slice(2, -2).trim();
        if (parts.length === 0 || newlines > 1) {
          parts = [];
          runStart = at;
        }
        parts.push(text);
        newlines = 0;
      } else break;
    }
    return parts.length > 0 && newlines <= 1 ? { text: parts.join("\n"), start: runStart } : null;
  }

  annotations(): Annotation[] {
    const anns: Annotation[] = [];
    while (this.peek() === "@") {
      const at = this.pos++;
      const kind = this.expectIdent("an annotation name").text;
      this.inline();
      this.expect("(");
      this.inline();
      const value = this.name("an annotation value");
      this.inline();
      this.expect(")");
      this.trivia(true);
      if (kind !== "alias" && kind !== "role") this.fail(`Unknown annotation \`@${kind}\``, at);
      anns.push({ kind, value, at });
    }
    return anns;
  }

  noAnnotations(anns: Annotation[]): void {
    if (anns[0]) this.error(anns[0].at, "Annotations are not allowed here");
  }

  annotation(anns: Annotation[], kind: string, allowed: string[]): Name | null {
    let found: Annotation | null = null;
    for (const a of anns) {
      if (!allowed.includes(a.kind)) {
        if (a.kind === kind) this.error(a.at, "Annotation not supported here");
        continue;
      }
      if (a.kind !== kind) continue;
      if (found) this.error(a.at, `Duplicate annotation \`${kind}\``);
      else found = a;
    }
    return found ? found.value : null;
  }

  identifier(what: string): Name {
    const n = this.name(what);
    if (!isValidIdent(n.text)) this.error(n.at, `Invalid identifier \`${n.text}\``);
    return n;
  }

  /** After a member: only blanks/comments may remain before a line break, `;` or `}`. */
  endOfMember(lenient = false): void {
    this.inline();
    const c = this.peek();
    if (c === undefined || c === "\n" || c === "\r" || c === ";" || c === "}") return;
    if (lenient && isIdentStart(c)) return;
    this.fail(`Expected end of line${this.foundSuffix()}`);
  }

  /** Opens a `{ … }` block and runs `member` for each member until the closing brace. */
  block(what: string, member: (start: number) => void, lenient = false): number {
    this.trivia(true);
    const open = this.pos;
    this.expect("{");
    for (;;) {
      this.space();
      if (this.eat("}")) return open;
      if (this.atEnd()) this.fail(`Expected \`}\` to close ${what}`, open);
      member(this.pos);
      this.endOfMember(lenient);
    }
  }

  fql(start: number, end: number): FqlSource {
    return { text: this.src.slice(start, end), file: this.file, offset: start };
  }

  /** A default / compute expression: up to a line break or `;` at bracket depth 0. */
  lineExpr(what: string): FqlSource {
    this.inline();
    const start = this.pos;
    const r = scanCode(this.src, start, { stopAtNewline: true });
    if (r.textEnd === start) this.fail(`Expected ${what}${this.foundSuffix()}`);
    this.pos = r.textEnd;
    return this.fql(start, r.textEnd);
  }

  /** `( … )`: returns the text inside the parentheses, without surrounding blanks/comments. */
  parenExpr(): FqlSource {
    const open = this.pos;
    this.expect("(");
    const r = scanCode(this.src, this.pos, { stopAtNewline: false });
    if (this.src[r.end] !== ")") this.fail("Expected `)`", r.end < this.src.length ? r.end : open);
    this.trivia(true);
    const start = Math.min(this.pos, r.textEnd);
    this.pos = r.end + 1;
    return this.fql(start, r.textEnd);
  }

  /** `{ predicate (<lambda>) }` */
  predicateBlock(): FqlSource {
    const open = this.pos;
    this.expect("{");
    this.space();
    if (this.peek() === "}") this.fail("Expected a single predicate member", open);
    const kwAt = this.pos;
    if (this.ident()?.text !== "predicate") this.fail("Expecting a predicate", kwAt);
    this.inline();
    if (this.peek() !== "(") this.fail("Expected lambda predicate");
    const pred = this.parenExpr();
    if (!looksLikeLambda(pred.text)) this.fail("Expected lambda predicate", pred.offset);
    this.space();
    if (!this.eat("}")) this.fail("Expected a single predicate member", open);
    return pred;
  }

  // ---- collections ------------------------------------------------------------------------

  collection(anns: Annotation[], doc: string | null): ParsedCollection {
    const name = this.identifier("a collection name");
    const aliasName = this.annotation(anns, "alias", ["alias"]);
    this.annotation(anns, "role", ["alias"]);
    const def: CollectionDef = {
      name: name.text,
      alias: aliasName?.text ?? null,
      fields: [],
      wildcard: null,
      computed: [],
      uniques: [],
      indexes: [],
      checks: [],
      historyDays: null,
      ttlDays: null,
      documentTtls: null,
      doc,
      file: this.file,
    };
    const parsed: ParsedCollection = { def, name, alias: aliasName, typeRefs: [] };
    const fieldNames = new Set<string>();
    const members = new Set<string>();
    const indexNames = new Set<string>();
    const checkNames = new Set<string>();
    const uniqueKeys = new Set<string>();
    const once = (key: string, at: number, what: string) => {
      if (members.has(key)) this.error(at, `Duplicate ${what}`);
      members.add(key);
    };
    const field = (n: Name) => {
      if (n.text !== "*" && !isValidIdent(n.text)) this.error(n.at, `Invalid identifier \`${n.text}\``);
      else if (RESERVED_FIELD_NAMES.has(n.text)) this.error(n.at, `Invalid reserved name \`${n.text}\``);
      if (fieldNames.has(n.text)) this.error(n.at, `Duplicate field \`${n.text}\``);
      fieldNames.add(n.text);
    };
    const notPersistable = (fname: string) => (at: number) =>
      this.error(at, `Field \`${fname}\` in collection ${name.text} is not persistable`);

    this.block(`collection \`${name.text}\``, (start) => {
      if (this.peek() === "*") {
        const n: Name = { text: "*", at: this.pos++, quoted: false };
        field(n);
        this.inline();
        this.expect(":");
        this.trivia(true);
        const t = toFieldType(parseType(this), parsed.typeRefs, notPersistable("*"));
        this.inline();
        if (this.peek() === "=") this.fail("No default allowed for wildcard field");
        def.wildcard = t;
        return;
      }
      const quoted = this.peek() === '"' || this.peek() === "'";
      const n = quoted ? this.name("a field name") : this.expectIdent("a field or member");
      const save = this.pos;
      this.inline();
      const next = this.peek();
      if (quoted || next === ":" || next === "=") {
        field(n);
        if (!this.eat(":")) this.fail("Expected a type signature", start);
        this.trivia(true);
        const node = parseType(this);
        const type = toFieldType(node, parsed.typeRefs, notPersistable(n.text));
        this.inline();
        let dflt: FqlSource | null = null;
        if (this.peek() === "=" && this.peek(1) !== ">") {
          this.pos++;
          dflt = this.lineExpr("a default value");
        }
        if (type) def.fields.push({ name: n.text, type, default: dflt });
        return;
      }
      this.pos = save;
      this.inline();
      switch (n.text) {
        case "compute": {
          const cn = this.name("a computed field name");
          field(cn);
          this.inline();
          let type = null;
          if (this.eat(":")) {
            this.trivia(true);
            // Computed fields may have any type (e.g. a Set); unrepresentable ones are kept as null.
            type = toFieldType(parseType(this), [], () => {});
            this.inline();
          }
          if (this.peek() !== "=" || this.peek(1) === ">") this.fail("Computed fields require a value", start);
          this.pos++;
          const body = this.lineExpr("a lambda");
          if (!looksLikeLambda(unwrapParens(body.text))) this.error(body.offset, "Expected lambda");
          def.computed.push({ name: cn.text, type, body });
          return;
        }
        case "unique": {
          const at = this.pos;
          const terms = this.pathList("unique");
          if (terms.length === 0) this.error(at, "Expected non-empty terms for a unique constraint");
          const key = terms
            .map((t) => `${t.mva ? "mva" : ""}${JSON.stringify(t.path)}`)
            .sort()
            .join(",");
          if (uniqueKeys.has(key)) this.error(at, "Duplicate unique constraint.");
          uniqueKeys.add(key);
          def.uniques.push({ terms: terms.map(({ path, mva }) => ({ path, mva })) });
          return;
        }
        case "index": {
          const iname = this.identifier("an index name");
          if (indexNames.has(iname.text)) this.error(iname.at, `Duplicate index name \`${iname.text}\``);
          indexNames.add(iname.text);
          const idx = { name: iname.text, terms: [] as IndexTerm[], values: [] as IndexValue[] };
          const seen = new Set<string>();
          this.block(`index \`${iname.text}\``, (mstart) => {
            const kw = this.expectIdent("`terms` or `values`");
            if (kw.text !== "terms" && kw.text !== "values") this.fail(`Invalid member \`${kw.text}\``, kw.at);
            if (seen.has(kw.text)) this.error(mstart, `Duplicate ${kw.text} definition`);
            seen.add(kw.text);
            this.inline();
            const list = this.pathList(kw.text);
            if (kw.text === "terms") idx.terms = list.map(({ path, mva }) => ({ path, mva }));
            else idx.values = list;
          });
          def.indexes.push(idx);
          return;
        }
        case "check": {
          const cn = this.identifier("a check constraint name");
          if (checkNames.has(cn.text)) this.error(cn.at, `Duplicate check constraint name \`${cn.text}\``);
          checkNames.add(cn.text);
          this.inline();
          if (this.peek() !== "(") this.fail("Expected lambda check predicate");
          const body = this.parenExpr();
          if (!looksLikeLambda(body.text)) this.fail("Expected lambda check predicate", body.offset);
          def.checks.push({ name: cn.text, body });
          return;
        }
        case "history_days":
        case "ttl_days": {
          once(n.text, start, n.text === "ttl_days" ? "ttl days" : "history days");
          const at = this.pos;
          const num = this.numberLiteral();
          if (!num || !num.integer || num.value < 0) this.fail("Expected integer literal", at);
          if (n.text === "ttl_days") def.ttlDays = num.value;
          else def.historyDays = num.value;
          return;
        }
        case "document_ttls": {
          once(n.text, start, "document TTLs");
          const b = this.peekIdent();
          if (b !== "true" && b !== "false") this.fail("Expected boolean literal");
          this.pos += b.length;
          def.documentTtls = b === "true";
          return;
        }
        case "migrations": {
          once(n.text, start, "migration block");
          // Migrations only matter for existing data; accepted and ignored.
          const open = this.pos;
          this.expect("{");
          const r = scanCode(this.src, this.pos, { stopAtNewline: false });
          if (this.src[r.end] !== "}") this.fail("Expected `}` to close the migrations block", open);
          this.pos = r.end + 1;
          return;
        }
        default:
          this.fail(`Invalid field or member \`${n.text}\``, n.at);
      }
    });
    return parsed;
  }

  /** `[.a, mva(.b), desc(.c)]` for terms, values and unique constraints. */
  pathList(kind: string): IndexValue[] {
    this.expect("[");
    const out: IndexValue[] = [];
    this.trivia(true);
    while (!this.eat("]")) {
      out.push(this.indexEntry(kind));
      this.trivia(true);
      if (this.eat(",")) this.trivia(true);
      else if (this.peek() !== "]") this.fail(`Expected \`,\` or \`]\`${this.foundSuffix()}`);
    }
    return out;
  }

  indexEntry(kind: string): IndexValue {
    const wrappers: Name[] = [];
    while (this.peek() !== ".") {
      const fn = this.ident();
      if (!fn) this.fail(`Expected a field path${this.foundSuffix()}`);
      wrappers.push(fn);
      this.inline();
      this.expect("(");
      this.trivia(true);
    }
    const path = this.fieldPath();
    for (let i = 0; i < wrappers.length; i++) {
      this.trivia(true);
      this.expect(")");
    }
    const names = wrappers.map((w) => w.text);
    const bad = (msg: string, at: number) => this.fail(msg, at);
    if (kind === "values") {
      const order = names.filter((x) => x === "asc" || x === "desc");
      const other = wrappers.find((w) => w.text !== "asc" && w.text !== "desc" && w.text !== "mva");
      if (other || order.length > 1 || names.filter((x) => x === "mva").length > 1) {
        bad("Expected 'asc', 'desc', or 'mva'", (other ?? wrappers[wrappers.length - 1] ?? { at: this.pos }).at);
      }
    } else {
      const other = wrappers.find((w) => w.text !== "mva");
      if (other || wrappers.length > 1) bad("Expected 'mva'", (other ?? wrappers[1] ?? { at: this.pos }).at);
    }
    return { path, mva: names.includes("mva"), desc: names.includes("desc") };
  }

  /** `.a.b`, `.a[0]`, `.["a b"]` */
  fieldPath(): FieldPath {
    const path: FieldPath = [];
    const start = this.pos;
    this.expect(".");
    for (let first = true; ; first = false) {
      if (this.eat("[")) {
        this.inline();
        const num = this.numberLiteral();
        if (num) {
          if (!num.integer) this.fail("Expected an integer index", num.at);
          path.push(num.value);
        } else path.push(this.stringLiteral());
        this.inline();
        this.expect("]");
      } else if (first || this.eat(".")) {
        const seg = this.ident();
        if (!seg) {
          if (first) this.fail("Field path cannot be empty", start);
          this.fail(`Expected a field name${this.foundSuffix()}`);
        }
        path.push(seg.text);
      } else return path;
    }
  }

  // ---- functions ----------------------------------------------------------------------------

  function(anns: Annotation[], doc: string | null): ParsedFunction {
    const name = this.identifier("a function name");
    const alias = this.annotation(anns, "alias", ["alias", "role"]);
    const role = this.annotation(anns, "role", ["alias", "role"]);
    this.inline();
    this.expect("(");
    const params: { name: string; type: string | null }[] = [];
    let variadic: { name: string; type: string | null } | null = null;
    const typedness: boolean[] = [];
    this.trivia(true);
    while (!this.eat(")")) {
      const dots = this.pos;
      const isVariadic = this.eat("...");
      if (variadic) this.error(dots, "Variadic argument must be the last argument.");
      const pn = this.expectIdent("a parameter name");
      this.inline();
      let type: string | null = null;
      if (this.eat(":")) {
        this.trivia(true);
        type = this.typeText(true);
      }
      typedness.push(type !== null);
      if (isVariadic) variadic = { name: pn.text, type };
      else params.push({ name: pn.text, type });
      this.trivia(true);
      if (this.eat(",")) this.trivia(true);
      else if (this.peek() !== ")") this.fail(`Expected \`,\` or \`)\`${this.foundSuffix()}`);
    }
    this.inline();
    let returnType: string | null = null;
    const retAt = this.pos;
    if (this.eat(":")) {
      this.trivia(true);
      returnType = this.typeText(false);
    }
    const typed = typedness.filter(Boolean).length;
    if (typed > 0 && typed < typedness.length) this.error(name.at, "All or no arguments must have a type");
    else if (typed > 0 && returnType === null)
      this.error(name.at, "Return type is required when arguments have a type");
    else if (typedness.length > 0 && typed === 0 && returnType !== null) {
      this.error(retAt, "Return type is not allowed when arguments do not have a type");
    }
    this.trivia(true);
    if (this.peek() !== "{") this.fail(`Expected a function body${this.foundSuffix()}`);
    const open = this.pos;
    const r = scanCode(this.src, open + 1, { stopAtNewline: false });
    if (this.src[r.end] !== "}") this.fail("Expected `}` to close the function body", open);
    this.pos = r.end + 1;
    const def: FunctionDef = {
      name: name.text,
      alias: alias?.text ?? null,
      role: role?.text ?? null,
      params,
      variadic,
      returnType,
      body: this.fql(open, r.end + 1),
      doc,
      file: this.file,
    };
    return { def, name, alias };
  }

  /** A signature type kept as its source text. */
  typeText(nested: boolean): string {
    const start = this.pos;
    parseType(this, nested);
    return this.src.slice(start, this.pos);
  }

  // ---- roles and access providers -------------------------------------------------------

  role(doc: string | null): ParsedRole {
    const name = this.name("a role name");
    const def: RoleDef = { name: name.text, membership: [], privileges: [], doc, file: this.file };
    const parsed: ParsedRole = { def, name, resources: [] };
    const memberships = new Set<string>();
    const privileges = new Set<string>();
    this.block(`role \`${name.text}\``, () => {
      const kw = this.expectIdent("`membership` or `privileges`");
      this.inline();
      if (kw.text === "membership") {
        const res = this.name("a collection name");
        if (memberships.has(res.text)) this.error(res.at, `Duplicate membership \`${res.text}\``);
        memberships.add(res.text);
        parsed.resources.push({ name: res, membership: true });
        this.inline();
        const predicate = this.peek() === "{" ? this.predicateBlock() : null;
        def.membership.push({ collection: res.text, predicate });
      } else if (kw.text === "privileges") {
        const res = this.name("a resource name");
        if (privileges.has(res.text)) this.error(res.at, `Duplicate privileges \`${res.text}\``);
        privileges.add(res.text);
        parsed.resources.push({ name: res, membership: false });
        const actions: RoleDef["privileges"][number]["actions"] = [];
        const seen = new Set<string>();
        this.block(`privileges on \`${res.text}\``, () => {
          const a = this.expectIdent("an action");
          if (!(PRIVILEGE_ACTIONS as readonly string[]).includes(a.text))
            this.error(a.at, `Invalid action \`${a.text}\``);
          else if (seen.has(a.text)) this.error(a.at, `Duplicate action \`${a.text}\``);
          this.inline();
          const predicate = this.peek() === "{" ? this.predicateBlock() : null;
          if ((PRIVILEGE_ACTIONS as readonly string[]).includes(a.text) && !seen.has(a.text)) {
            actions.push({ action: a.text as PrivilegeAction, predicate });
          }
          seen.add(a.text);
        });
        def.privileges.push({ resource: res.text, actions });
      } else {
        this.fail(`Invalid member \`${kw.text}\``, kw.at);
      }
    });
    return parsed;
  }

  accessProvider(): ParsedAccessProvider {
    const name = this.name("an access provider name");
    const def: AccessProviderDef = { name: name.text, issuer: "", jwksUri: "", roles: [], file: this.file };
    const parsed: ParsedAccessProvider = { def, name, roleRefs: [] };
    const seen = new Set<string>();
    const roles = new Set<string>();
    const open = this.block(
      `access provider \`${name.text}\``,
      (start) => {
        const kw = this.expectIdent("`issuer`, `jwks_uri` or `role`");
        this.inline();
        if (kw.text === "issuer" || kw.text === "jwks_uri") {
          if (seen.has(kw.text)) this.error(start, `Duplicate ${kw.text === "issuer" ? "issuer" : "jwks uri"}`);
          seen.add(kw.text);
          const value = this.stringLiteral();
          if (kw.text === "issuer") def.issuer = value;
          else def.jwksUri = value;
        } else if (kw.text === "role") {
          const r = this.name("a role name");
          if (roles.has(r.text)) this.error(r.at, `Duplicate role \`${r.text}\``);
          roles.add(r.text);
          parsed.roleRefs.push(r);
          this.inline();
          const predicate = this.peek() === "{" ? this.predicateBlock() : null;
          def.roles.push({ role: r.text, predicate });
        } else {
          this.fail(`Invalid member \`${kw.text}\``, kw.at);
        }
        // Access-provider members may share a line (`issuer "…" jwks_uri "…" role r`).
      },
      true,
    );
    if (!seen.has("issuer")) this.error(open, "Missing issuer");
    if (!seen.has("jwks_uri")) this.error(open, "Missing jwks uri");
    return parsed;
  }
}
