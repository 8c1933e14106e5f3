import assert from "node:assert/strict";
import { test } from "node:test";
import { shopSchemaFiles } from "../../test/support/fixtures.js";
import { FslError, parseSchemaFiles } from "./index.js";
import type { FqlSource, Schema } from "./model.js";

const parse = (src: string, file = "main.fsl"): Schema => parseSchemaFiles(new Map([[file, src]]));

/** The diagnostics of a refused push, as `file:line:col message`. */
function errors(files: Map<string, string> | string): string[] {
  const m = typeof files === "string" ? new Map([["main.fsl", files]]) : files;
  try {
    parseSchemaFiles(m);
  } catch (e) {
    assert.ok(e instanceof FslError, `expected FslError, got ${String(e)}`);
    return e.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
  }
  assert.fail("expected the schema to be refused");
}

/** FqlSource must point at its own text inside the file. */
function assertLocated(s: FqlSource, files: Map<string, string>): void {
  const src = files.get(s.file);
  assert.ok(src !== undefined);
  assert.equal(src.slice(s.offset, s.offset + s.text.length), s.text);
}

const coll = (s: Schema, name: string) => s.collections.find((c) => c.name === name) ?? assert.fail(`no ${name}`);

// ---- storefront ---------------------------------------------------------------------------

test("storefront schema: collections, typed fields, defaults, indexes and constraints", () => {
  const files = shopSchemaFiles();
  const s = parseSchemaFiles(files);
  assert.deepEqual(
    s.collections.map((c) => c.name),
    ["Store", "Product", "Customer"],
  );

  const store = coll(s, "Store");
  assert.equal(store.doc, "Stores that sell products.");
  assert.deepEqual(store.fields[0], { name: "name", type: { kind: "named", name: "String" }, default: null });
  const address = store.fields[1];
  assert.equal(address?.type.kind, "union");
  assert.deepEqual(store.indexes, [{ name: "byName", terms: [{ path: ["name"], mva: false }], values: [] }]);

  const product = coll(s, "Product");
  assert.deepEqual(
    product.fields.map((f) => f.name),
    ["name", "description", "price", "quantity", "store", "backorderLimit", "backordered"],
  );
  const price = product.fields.find((f) => f.name === "price");
  assert.deepEqual(price?.type, { kind: "named", name: "Double" });
  assert.equal(price?.default, null);
  assert.equal(product.fields.find((f) => f.name === "quantity")?.default?.text, "0");
  assert.deepEqual(product.fields.find((f) => f.name === "store")?.type, { kind: "ref", coll: "Store" });
  assert.equal(product.fields.find((f) => f.name === "backordered")?.default?.text, "false");
  assert.deepEqual(
    product.indexes.find((i) => i.name === "byStore"),
    {
      name: "byStore",
      terms: [{ path: ["store"], mva: false }],
      values: [{ path: ["name"], mva: false, desc: false }],
    },
  );
  assert.deepEqual(product.indexes.find((i) => i.name === "sortedByPrice")?.values[0], {
    path: ["price"],
    mva: false,
    desc: true,
  });
  assert.deepEqual(product.uniques, [
    {
      terms: [
        { path: ["name"], mva: false },
        { path: ["store"], mva: false },
      ],
    },
  ]);
  assert.equal(product.checks[0]?.name, "nonNegativePrice");
  assert.equal(product.checks[0]?.body.text, "(doc) => doc.price >= 0");
  for (const f of product.fields) if (f.default) assertLocated(f.default, files);
  assertLocated(product.checks[0]!.body, files);

  const customer = coll(s, "Customer");
  assert.deepEqual(customer.fields[0]?.type, {
    kind: "union",
    types: [
      { kind: "named", name: "String" },
      { kind: "named", name: "Null" },
    ],
  });
  const addr = customer.fields.find((f) => f.name === "address")?.type;
  assert.equal(addr?.kind, "union");
  assert.deepEqual(customer.uniques, [{ terms: [{ path: ["email"], mva: false }] }]);
  assert.deepEqual(customer.indexes, [{ name: "byEmail", terms: [{ path: ["email"], mva: false }], values: [] }]);
  assert.equal(customer.wildcard, null);
});

test("storefront schema: tutorial UDFs keep their whole body and @role in both spellings", () => {
  const files = shopSchemaFiles();
  const s = parseSchemaFiles(files);
  assert.deepEqual(
    s.functions.map((f) => [f.name, f.role]),
    [
      ["UserSignup", "server"],
      ["UserLogin", "server"],
      ["UserLogout", null],
    ],
  );
  const signup = s.functions[0]!;
  assert.deepEqual(signup.params, [
    { name: "email", type: null },
    { name: "password", type: null },
  ]);
  assert.equal(signup.variadic, null);
  assert.equal(signup.returnType, null);
  assert.ok(signup.body.text.startsWith("{\n  // Creates a `Customer` collection document."));
  assert.ok(signup.body.text.endsWith("Object.assign({ }, credential)\n}"));
  assert.match(signup.doc ?? "", /^Defines the `UserSignup\(\)` UDF\. Unauthenticated users can use\nthe UDF/);
  assertLocated(signup.body, files);
  const login = s.functions[1]!;
  assert.ok(login.body.text.includes('?.login(password, Time.now().add(60, "minutes"))\n}'));
  assert.deepEqual(s.functions[2]!.params, []);
  assert.ok(s.functions[2]!.body.text.endsWith("token!.delete()\n}"));
});

test("storefront schema: customer and unauthenticated roles", () => {
  const files = shopSchemaFiles();
  const s = parseSchemaFiles(files);
  const customer = s.roles.find((r) => r.name === "customer")!;
  assert.deepEqual(customer.membership, [{ collection: "Customer", predicate: null }]);
  assert.deepEqual(
    customer.privileges.map((p) => [p.resource, p.actions.map((a) => a.action)]),
    [
      ["Store", ["read"]],
      ["Product", ["read"]],
      ["UserLogout", ["call"]],
      ["Customer", ["read"]],
    ],
  );
  const pred = customer.privileges[3]!.actions[0]!.predicate!;
  assert.equal(pred.text, "(doc) => doc == Query.identity()");
  assert.equal(pred.file, "roles.fsl");
  assertLocated(pred, files);
  const unauth = s.roles.find((r) => r.name === "unauthenticated")!;
  assert.deepEqual(unauth.membership, []);
  assert.deepEqual(unauth.privileges, [
    { resource: "UserSignup", actions: [{ action: "call", predicate: null }] },
    { resource: "UserLogin", actions: [{ action: "call", predicate: null }] },
  ]);
});

// ---- field types --------------------------------------------------------------------------

test("field types: literals, unions, optional, arrays, tuples, structs, refs and wildcard", () => {
  const s = parse(`collection Store {}
collection Thing {
  status: "active" | "inactive" = "active"
  n: 1 | 2.5 | true | null
  tags: Array<String> = []
  pair: [Int, String?]
  opt: ("a" | "b")?
  shape: { a: Int, "b c"?: String, *: Any }
  nested: {
    x: Array<{ y: Long }>
    z: Number
  }
  store: Ref<Store>?
  owner: Store
  missing: NullStore
  key: Ref<Key>
  t: Time; d: Date; b: Bytes; f: Float
  *: Int
}`);
  const t = coll(s, "Thing");
  const type = (n: string) => t.fields.find((f) => f.name === n)?.type;
  assert.deepEqual(type("status"), {
    kind: "union",
    types: [
      { kind: "literal", value: "active" },
      { kind: "literal", value: "inactive" },
    ],
  });
  assert.equal(t.fields.find((f) => f.name === "status")?.default?.text, '"active"');
  assert.deepEqual(type("n"), {
    kind: "union",
    types: [
      { kind: "literal", value: 1 },
      { kind: "literal", value: 2.5 },
      { kind: "literal", value: true },
      { kind: "literal", value: null },
    ],
  });
  assert.deepEqual(type("tags"), { kind: "array", item: { kind: "named", name: "String" } });
  assert.deepEqual(type("pair"), {
    kind: "tuple",
    items: [
      { kind: "named", name: "Int" },
      {
        kind: "union",
        types: [
          { kind: "named", name: "String" },
          { kind: "named", name: "Null" },
        ],
      },
    ],
  });
  assert.deepEqual(type("opt"), {
    kind: "union",
    types: [
      { kind: "literal", value: "a" },
      { kind: "literal", value: "b" },
      { kind: "named", name: "Null" },
    ],
  });
  assert.deepEqual(type("shape"), {
    kind: "object",
    fields: [
      { name: "a", type: { kind: "named", name: "Int" }, optional: false },
      { name: "b c", type: { kind: "named", name: "String" }, optional: true },
    ],
    wildcard: { kind: "named", name: "Any" },
  });
  assert.deepEqual(type("nested"), {
    kind: "object",
    fields: [
      {
        name: "x",
        type: {
          kind: "array",
          item: {
            kind: "object",
            fields: [{ name: "y", type: { kind: "named", name: "Long" }, optional: false }],
            wildcard: null,
          },
        },
        optional: false,
      },
      { name: "z", type: { kind: "named", name: "Number" }, optional: false },
    ],
    wildcard: null,
  });
  assert.deepEqual(type("store"), {
    kind: "union",
    types: [
      { kind: "ref", coll: "Store" },
      { kind: "named", name: "Null" },
    ],
  });
  assert.deepEqual(type("owner"), { kind: "named", name: "Store" });
  assert.deepEqual(type("key"), { kind: "ref", coll: "Key" });
  assert.deepEqual(
    ["t", "d", "b", "f"].map((n) => type(n)),
    ["Time", "Date", "Bytes", "Float"].map((name) => ({ kind: "named", name })),
  );
  assert.deepEqual(t.wildcard, { kind: "named", name: "Int" });
});

test("a collection without members has no fields and no wildcard", () => {
  const c = coll(parse("collection Empty {}"), "Empty");
  assert.deepEqual([c.fields, c.wildcard, c.computed, c.indexes], [[], null, [], []]);
});

// ---- collection members -------------------------------------------------------------------

test("collection members: compute, unique, mva/asc/desc paths, check, settings, migrations, @alias", () => {
  const s = parse(`@alias(People)
collection Person {
  name: String
  tags: Array<String>
  address: { city: String }
  compute displayName: String = (doc => doc.name + "!")
  compute upper = doc => doc.name.toUpperCase()
  unique [.name, .address.city]
  unique [mva(.tags)]
  index byTag { terms [mva(.tags)]; values [desc(mva(.tags)), asc(.name), .address.city, .tags[0], .["address"]] }
  check hasName ((doc) => doc.name.length > 0)
  history_days 3
  ttl_days 30
  document_ttls true
  migrations {
    add .tags
    backfill .tags = []
    move .a -> .b
  }
}`);
  const p = coll(s, "Person");
  assert.equal(p.alias, "People");
  assert.deepEqual(
    p.computed.map((c) => [c.name, c.type, c.body.text]),
    [
      ["displayName", { kind: "named", name: "String" }, '(doc => doc.name + "!")'],
      ["upper", null, "doc => doc.name.toUpperCase()"],
    ],
  );
  assert.deepEqual(p.uniques, [
    {
      terms: [
        { path: ["name"], mva: false },
        { path: ["address", "city"], mva: false },
      ],
    },
    { terms: [{ path: ["tags"], mva: true }] },
  ]);
  assert.deepEqual(p.indexes[0], {
    name: "byTag",
    terms: [{ path: ["tags"], mva: true }],
    values: [
      { path: ["tags"], mva: true, desc: true },
      { path: ["name"], mva: false, desc: false },
      { path: ["address", "city"], mva: false, desc: false },
      { path: ["tags", 0], mva: false, desc: false },
      { path: ["address"], mva: false, desc: false },
    ],
  });
  assert.deepEqual(
    p.checks.map((c) => [c.name, c.body.text]),
    [["hasName", "(doc) => doc.name.length > 0"]],
  );
  assert.deepEqual([p.historyDays, p.ttlDays, p.documentTtls], [3, 30, true]);
});

test("fields may be named like member keywords and be separated by `;`", () => {
  const c = coll(parse("collection K { index: String; unique: Int = 1; compute: Boolean }"), "K");
  assert.deepEqual(
    c.fields.map((f) => [f.name, f.default?.text ?? null]),
    [
      ["index", null],
      ["unique", "1"],
      ["compute", null],
    ],
  );
});

// ---- functions, roles, access providers -------------------------------------------------

test("functions: typed params, variadic, return types, @alias and @role('custom')", () => {
  const s = parse(`role custom { privileges Foo { call } }
@role('custom')
@alias(Bar)
function Foo(a: Int, b: Array<String>, ...rest: Int): { sum: Int } {
  { sum: a + rest.length }
}
function noTypes(x, ...ys) { ys.length + x }
function Empty() { null }`);
  const [foo, plain, empty] = s.functions;
  assert.deepEqual(
    {
      name: foo?.name,
      alias: foo?.alias,
      role: foo?.role,
      params: foo?.params,
      variadic: foo?.variadic,
      ret: foo?.returnType,
      body: foo?.body.text,
    },
    {
      name: "Foo",
      alias: "Bar",
      role: "custom",
      params: [
        { name: "a", type: "Int" },
        { name: "b", type: "Array<String>" },
      ],
      variadic: { name: "rest", type: "Int" },
      ret: "{ sum: Int }",
      body: "{\n  { sum: a + rest.length }\n}",
    },
  );
  assert.deepEqual(plain?.variadic, { name: "ys", type: null });
  assert.equal(plain?.body.text, "{ ys.length + x }");
  assert.equal(empty?.body.text, "{ null }");
});

test("roles: memberships with predicates, `;`-separated actions and action predicates", () => {
  const s = parse(`collection User {}
collection Order {}
role manager {
  membership User { predicate ((u) => u.active == true) }
  privileges Order {
    read; create_with_id
    write { predicate ((oldDoc, newDoc) => oldDoc.owner == newDoc.owner) }
    delete { predicate (doc => doc.status != "shipped") }
    history_read; history_write; unrestricted_read; create
  }
  privileges Credential { read }
  privileges Collection { read }
}`);
  const r = s.roles[0]!;
  assert.equal(r.membership[0]?.predicate?.text, "(u) => u.active == true");
  assert.deepEqual(
    r.privileges[0]?.actions.map((a) => [a.action, a.predicate?.text ?? null]),
    [
      ["read", null],
      ["create_with_id", null],
      ["write", "(oldDoc, newDoc) => oldDoc.owner == newDoc.owner"],
      ["delete", 'doc => doc.status != "shipped"'],
      ["history_read", null],
      ["history_write", null],
      ["unrestricted_read", null],
      ["create", null],
    ],
  );
  assert.deepEqual(
    r.privileges.slice(1).map((p) => p.resource),
    ["Credential", "Collection"],
  );
});

test("access providers: issuer, jwks_uri and roles with optional predicates", () => {
  const s = parse(`role admin_user {}
role viewer {}
access provider Auth0 {
  issuer "https://example.auth0.com/"
  jwks_uri 'https://example.auth0.com/.well-known/jwks.json'
  role admin_user
  role viewer { predicate ((jwt) => jwt!.scope.includes("read")) }
}`);
  assert.deepEqual(
    s.accessProviders[0] && {
      ...s.accessProviders[0],
      roles: s.accessProviders[0].roles.map((r) => [r.role, r.predicate?.text ?? null]),
    },
    {
      name: "Auth0",
      issuer: "https://example.auth0.com/",
      jwksUri: "https://example.auth0.com/.well-known/jwks.json",
      roles: [
        ["admin_user", null],
        ["viewer", '(jwt) => jwt!.scope.includes("read")'],
      ],
      file: "main.fsl",
    },
  );
});

// ---- capturing FQL source -----------------------------------------------------------------

test("defaults end at a newline or `;` but not inside strings, brackets or comments", () => {
  const src = `collection T {
  a: String = "x } y ; z // not a comment" // trailing comment
  b: String = 'it\\'s "}" {'; c: Int = 1
  d: Time = Time.fromString(
    "2020-01-01T00:00:00Z" /* } */
  )
  e: String = "#{ "}" + '{' + "#{ 1 }" } done"
  f: Int = 1 }`;
  const t = coll(parse(src), "T");
  const d = (n: string) => t.fields.find((f) => f.name === n)?.default?.text;
  assert.equal(d("a"), '"x } y ; z // not a comment"');
  assert.equal(d("b"), "'it\\'s \"}\" {'");
  assert.equal(d("c"), "1");
  assert.equal(d("d"), 'Time.fromString(\n    "2020-01-01T00:00:00Z" /* } */\n  )');
  assert.equal(d("e"), `"#{ "}" + '{' + "#{ 1 }" } done"`);
  assert.equal(d("f"), "1");
  for (const f of t.fields)
    assert.equal(src.slice(f.default!.offset, f.default!.offset + f.default!.text.length), f.default!.text);
});

test("function bodies skip heredocs, nested block comments and braces in strings", () => {
  const body = `{
  // a } in a line comment
  /* outer { /* inner } */ still comment } */
  let s = <<-END
    } not code {
      "unbalanced
  END
  let t = <<+TEXT
    #{ "}" } and }
  TEXT
  let u = "#{ { a: "}" }.a }"
  [s, t, u, '}']
}`;
  const s = parse(`function H() ${body}\nfunction After() { 1 }`);
  assert.equal(s.functions[0]?.body.text, body);
  assert.equal(s.functions[1]?.name, "After");
});

test("a `<<` that is not a heredoc opener is ordinary code", () => {
  const s = parse("collection T { a: Boolean = 1 << 2 == 4 }");
  assert.equal(coll(s, "T").fields[0]?.default?.text, "1 << 2 == 4");
});

test("doc comments: only a comment run directly above an item becomes its doc", () => {
  const s = parse(`// Not a doc: a blank line follows.

/* Block doc */
collection A {}
// Line one
// Line two
@alias(BB)
collection B {}
collection C {}`);
  assert.deepEqual(
    s.collections.map((c) => c.doc),
    ["Block doc", "Line one\nLine two", null],
  );
});

// ---- errors -------------------------------------------------------------------------------

test("error messages render as `error: <msg>\\nat <file>:<line>:<col>` blocks", () => {
  try {
    parseSchemaFiles(new Map([["a.fsl", "collection A {\n  name: Strin\n}"]]));
    assert.fail("expected an error");
  } catch (e) {
    assert.ok(e instanceof FslError);
    assert.match(e.message, /^error: .+\nat a\.fsl:2:9$/);
  }
});

test("duplicates across files name both files, in upload order, without a location", () => {
  try {
    parseSchemaFiles(
      new Map([
        ["b.fsl", "collection A {}\ncollection B {}"],
        ["a.fsl", "\n  collection A {}"],
      ]),
    );
    assert.fail("expected an error");
  } catch (e) {
    assert.ok(e instanceof FslError);
    assert.equal(e.message, "Duplicate collection or function `A` in a.fsl (originally seen in b.fsl)");
    assert.deepEqual(e.diagnostics, [
      {
        file: "a.fsl",
        line: 2,
        column: 14,
        message: "Duplicate collection or function `A` in a.fsl (originally seen in b.fsl)",
        unlocated: true,
      },
    ]);
  }
});

test("collections and functions share one namespace unless the function has an @alias", () => {
  assert.deepEqual(errors("collection Foo {}\nfunction Foo() { 1 }"), [
    "main.fsl:2:10 Duplicate collection or function `Foo` in main.fsl (originally seen in main.fsl)",
  ]);
  assert.equal(parse("collection Foo {}\n@alias(FooFn)\nfunction Foo() { 1 }").functions[0]?.alias, "FooFn");
  assert.deepEqual(errors("collection Foo {}\n@alias(Foo)\nfunction Bar() { 1 }"), [
    "main.fsl:2:8 Duplicate collection or function `Foo` in main.fsl (originally seen in main.fsl)",
  ]);
  assert.deepEqual(errors("role r {}\nrole r {}"), [
    "main.fsl:2:6 Duplicate role `r` in main.fsl (originally seen in main.fsl)",
  ]);
});

test("duplicate unique constraints are refused regardless of path order; mva differs", () => {
  assert.deepEqual(errors("collection Foo {\n  unique [.name]\n  unique [.name]\n}"), [
    "main.fsl:3:10 Duplicate unique constraint.",
  ]);
  assert.deepEqual(errors("collection Foo {\n  unique [.a, .b]\n  unique [.b, .a]\n}"), [
    "main.fsl:3:10 Duplicate unique constraint.",
  ]);
  assert.equal(coll(parse("collection Foo {\n  unique [.name]\n  unique [mva(.name)]\n}"), "Foo").uniques.length, 2);
  assert.deepEqual(errors("collection Foo {\n  unique []\n}"), [
    "main.fsl:2:10 Expected non-empty terms for a unique constraint",
  ]);
});

test("unknown privilege actions and duplicate members are refused", () => {
  assert.deepEqual(errors("collection Bar {}\nrole Foo {\n  privileges Bar {\n    invalid\n  }\n}"), [
    "main.fsl:4:5 Invalid action `invalid`",
  ]);
  assert.deepEqual(errors("collection Bar {}\nrole Foo {\n  privileges Bar { read; read }\n}"), [
    "main.fsl:3:26 Duplicate action `read`",
  ]);
  assert.deepEqual(errors("collection Bar {}\nrole Foo {\n  privileges Bar { read }\n  privileges Bar { write }\n}"), [
    "main.fsl:4:14 Duplicate privileges `Bar`",
  ]);
  assert.deepEqual(errors("collection A {\n  index byX { terms [.x] }\n  index byX { terms [.y] }\n}"), [
    "main.fsl:3:9 Duplicate index name `byX`",
  ]);
  assert.deepEqual(errors("collection A {\n  x: Int\n  x: String\n}"), ["main.fsl:3:3 Duplicate field `x`"]);
  assert.deepEqual(errors("collection A {\n  history_days 1\n  history_days 2\n}"), [
    "main.fsl:3:3 Duplicate history days",
  ]);
});

test("unknown field types are refused; collections, Key/Token/Credential and NullColl resolve", () => {
  assert.deepEqual(errors("collection A {\n  b: Foo\n  c: Ref<Nope>?\n  d: Array<Bar>\n}"), [
    "main.fsl:2:6 Unknown type `Foo`",
    "main.fsl:3:10 Unknown type `Nope`",
    "main.fsl:4:12 Unknown type `Bar`",
  ]);
  const ok = parseSchemaFiles(
    new Map([
      ["a.fsl", "collection A {\n  b: B\n  c: Ref<Token>\n  d: Credential | Key\n  e: NullB\n}"],
      ["b.fsl", "@alias(Bee)\ncollection B { a: Ref<A>; bee: Bee }"],
    ]),
  );
  assert.equal(ok.collections.length, 2);
  assert.deepEqual(errors("collection A { s: Set<A> }"), [
    "main.fsl:1:19 Field `s` in collection A is not persistable",
  ]);
  assert.deepEqual(errors("collection A { s: ID }"), ["main.fsl:1:19 Type ID is not persistable"]);
  // FQL2TypecheckSpec "array with no generics doesn't blow up".
  assert.deepEqual(errors("collection A { s: Array }"), [
    "main.fsl:1:19 Type constructor `Array<>` accepts 1 parameters, received 0",
  ]);
});

test("role resources must exist in the schema or be native collections", () => {
  assert.deepEqual(
    errors(`collection Customer {}
function F() { 1 }
role r {
  membership Customer
  membership Ghost
  membership F
  privileges Customer { read }
  privileges F { call }
  privileges Credential { read }
  privileges Token { read }
  privileges Key { read }
  privileges Collection { read }
  privileges Function { read }
  privileges Role { read }
  privileges Database { read }
  privileges AccessProvider { read }
  privileges Missing { read }
}`),
    [
      "main.fsl:5:14 Resource `Ghost` does not exist",
      "main.fsl:6:14 Resource `F` does not exist",
      "main.fsl:17:14 Resource `Missing` does not exist",
    ],
  );
});

test("access-provider members may share one line", () => {
  const s = parse(
    'role r {}\nrole r2 {}\naccess provider P { issuer "https://i/" jwks_uri "https://j/" role r  role r2 { predicate ((jwt) => true) } }',
  );
  assert.deepEqual(
    s.accessProviders[0]?.roles.map((r) => [r.role, r.predicate?.text ?? null]),
    [
      ["r", null],
      ["r2", "(jwt) => true"],
    ],
  );
  assert.equal(s.accessProviders[0]?.jwksUri, "https://j/");
});

test("access providers need issuer and jwks_uri and existing non-builtin roles", () => {
  assert.deepEqual(errors('access provider A {\n  issuer "x"\n}'), ["main.fsl:1:19 Missing jwks uri"]);
  assert.deepEqual(errors('access provider A {\n  issuer "i"\n  jwks_uri "j"\n  role server\n  role ghost\n}'), [
    "main.fsl:4:8 Builtin role `server` is not allowed",
    "main.fsl:5:8 Role `ghost` does not exist",
  ]);
  assert.deepEqual(errors('access provider A {\n  issuer "a#{1}"\n}'), [
    "main.fsl:2:12 Cannot interpolate values in a string literal",
  ]);
});

test("syntax errors report where they happen", () => {
  assert.deepEqual(errors("collection A {}\ntable B {}"), ["main.fsl:2:1 Invalid schema item `table`"]);
  assert.deepEqual(errors('collection A {\n  a: String = "open\n}'), ["main.fsl:2:15 Unterminated string literal"]);
  assert.deepEqual(errors("function F() {\n  let x = (1 + 2\n}"), ["main.fsl:3:1 Unexpected `}`, expected `)`"]);
  assert.deepEqual(errors("function F() {\n  1"), ["main.fsl:1:14 Expected `}` to close the function body"]);
  assert.deepEqual(errors("function F() {\n  /* never closed\n}"), ["main.fsl:2:3 Unterminated block comment"]);
  assert.deepEqual(errors("function F() {\n  <<-END\n  text\n}"), [
    "main.fsl:2:3 Unterminated heredoc string, expected `END`",
  ]);
  assert.deepEqual(errors("collection A {\n  frobnicate 3\n}"), ["main.fsl:2:3 Invalid field or member `frobnicate`"]);
  assert.deepEqual(errors("collection A {\n  a: String extra\n}"), [
    "main.fsl:2:13 Expected end of line, found `extra`",
  ]);
  assert.deepEqual(errors("collection A {\n  a = 1\n}"), ["main.fsl:2:3 Expected a type signature"]);
  assert.deepEqual(errors("collection A {\n  a: String"), ["main.fsl:1:14 Expected `}` to close collection `A`"]);
  assert.deepEqual(errors("collection A {\n  history_days 1.5\n}"), ["main.fsl:2:16 Expected integer literal"]);
  assert.deepEqual(errors("collection A {\n  document_ttls yes\n}"), ["main.fsl:2:17 Expected boolean literal"]);
  assert.deepEqual(errors("collection A {\n  ts: Time\n}"), ["main.fsl:2:3 Invalid reserved name `ts`"]);
  assert.deepEqual(errors("collection A {\n  *: Any = 1\n}"), ["main.fsl:2:10 No default allowed for wildcard field"]);
  assert.deepEqual(errors("collection A {\n  compute c: Int\n}"), ["main.fsl:2:3 Computed fields require a value"]);
  assert.deepEqual(errors("collection A {\n  compute c = 42\n}"), ["main.fsl:2:15 Expected lambda"]);
  assert.deepEqual(errors("collection A {\n  index i { terms [asc(.a)] }\n}"), ["main.fsl:2:20 Expected 'mva'"]);
  assert.deepEqual(errors("collection A {\n  index i { values [up(.a)] }\n}"), [
    "main.fsl:2:21 Expected 'asc', 'desc', or 'mva'",
  ]);
  assert.deepEqual(errors("collection A {\n  index i { sort [.a] }\n}"), ["main.fsl:2:13 Invalid member `sort`"]);
});

test("check constraints and predicates require a parenthesised lambda", () => {
  assert.deepEqual(errors("collection A {\n  check c (doc) => doc.ok\n}"), [
    "main.fsl:2:12 Expected lambda check predicate",
  ]);
  assert.deepEqual(errors("collection A {\n  check c doc => doc.ok\n}"), [
    "main.fsl:2:11 Expected lambda check predicate",
  ]);
  assert.deepEqual(errors("collection A {}\nrole r {\n  membership A { predicate (true) }\n}"), [
    "main.fsl:3:29 Expected lambda predicate",
  ]);
  assert.deepEqual(errors("collection A {}\nrole r {\n  membership A { read }\n}"), [
    "main.fsl:3:18 Expecting a predicate",
  ]);
  assert.deepEqual(errors("collection A {}\nrole r {\n  membership A { }\n}"), [
    "main.fsl:3:16 Expected a single predicate member",
  ]);
  assert.deepEqual(
    errors("collection A {}\nrole r {\n  membership A { predicate ((a) => true) predicate ((b) => true) }\n}"),
    ["main.fsl:3:16 Expected a single predicate member"],
  );
});

test("annotations: only @alias on collections, @alias/@role on functions, none on roles", () => {
  assert.deepEqual(errors("@role(server)\ncollection A {}"), ["main.fsl:1:1 Annotation not supported here"]);
  assert.deepEqual(errors("@alias(X)\nrole r {}"), ["main.fsl:1:1 Annotations are not allowed here"]);
  assert.deepEqual(errors("@alias(X)\n@alias(Y)\nfunction f() { 1 }"), ["main.fsl:2:1 Duplicate annotation `alias`"]);
  assert.deepEqual(errors("@deprecated(x)\nfunction f() { 1 }"), ["main.fsl:1:1 Unknown annotation `@deprecated`"]);
});

test("function signatures: all-or-no types, return type rules, variadic last", () => {
  assert.deepEqual(errors("function f(a: Int, b): Int { a }"), ["main.fsl:1:10 All or no arguments must have a type"]);
  assert.deepEqual(errors("function f(a: Int) { a }"), [
    "main.fsl:1:10 Return type is required when arguments have a type",
  ]);
  assert.deepEqual(errors("function f(a): Int { a }"), [
    "main.fsl:1:14 Return type is not allowed when arguments do not have a type",
  ]);
  assert.deepEqual(errors("function f(...a, b) { a }"), ["main.fsl:1:18 Variadic argument must be the last argument."]);
});

test("errors from several files are all reported", () => {
  const errs = errors(
    new Map([
      ["a.fsl", "collection A {\n  x: Nope\n}"],
      ["b.fsl", "collection B {\n  y: Int\n  y: Int\n}"],
      ["c.fsl", "role r {\n  privileges A { fly }\n}"],
    ]),
  );
  assert.deepEqual(errs, ["b.fsl:3:3 Duplicate field `y`", "c.fsl:2:18 Invalid action `fly`"]);
});
