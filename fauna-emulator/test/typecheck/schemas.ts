// FSL the corpus pushes before its queries. Each mirrors a fixture of the core's specs
// (named in its comment), written as FSL so any runner can push it.

/** TyperCoreSpec's test environment has a collection `User { name: String }`. */
export const USER = `collection User {
  name: String
}
`;

/** FQL2TypecheckSpec's "Author": no defined fields (so a `*: Any` wildcard) and a byName index. */
export const AUTHOR = `collection Author {
  index byName {
    terms [.name]
  }
}
`;

/** FQL2DefinedFieldsSpec's "Foo" with one defined field. */
export const FOO_NUMBER = `collection Foo {
  my_field: Number
}
`;

/** FQL2DefinedFieldsSpec "wildcard shows up when typechecking doc": a field plus `*: Any`. */
export const FOO_WILDCARD = `collection Foo {
  my_field: Number
  *: Any
}
`;

/** FQL2TypecheckSpec "types updates with refs": a Ref field and an index on it. */
export const FOO_BAR_REFS = `collection Foo {
  x: String
}

collection Bar {
  foo: Ref<Foo>

  index byFoo {
    terms [.foo]
  }
}
`;

/** FQL2ComputedFieldsSpec: computed fields without signatures, indexed. */
export const COMPUTED = `collection Foo {
  compute foo = (x => 1)
  compute bar = (doc => 3)
  compute nested = (doc => { a: 4 })

  index byBar {
    terms [.bar]
  }
  index byNested {
    terms [.nested, .nested.a]
  }
}
`;

/** FQL2ComputedFieldsSpec "typechecks computed fields for index signatures": mva on and off. */
export const MVA = `collection Foo {
  compute c = (doc => [doc.a, doc.b])

  index mva_on {
    terms [mva(.c)]
  }
  index mva_off {
    terms [.c]
  }
}
`;

/** A literal-union field and nullable fields, as in Fauna's e-commerce sample (js-sample-app). */
export const ORDERS = `collection Customer {
  name: String
  email: String
  lockedUntil: Time?

  index byEmail {
    terms [.email]
  }
}

collection Order {
  customer: Ref<Customer>
  status: "cart" | "processing" | "shipped" | "delivered"
  createdAt: Time
  total: Number?

  index byCustomer {
    terms [.customer]
    values [desc(.createdAt), .status]
  }
}
`;

/** Collections with document TTLs on and off: `ttl` in create input only where they are on. */
export const TTLS = `collection Attempt {
  email: String
  lockedUntil: Time?

  document_ttls true
}

collection Note {
  text: String
}
`;

/** TyperCoreSpec's record-taking test functions, written as typed UDFs. */
export const RECORD_FUNCTIONS = `function gimmeAandB(x: { a: Int, b: String }): Int {
  x.a
}

function gimmeAandwildstr(x: { a: Int, *: String }): Int {
  x.a
}

function gimmeoptA(x: { a: Int | Null }): Int {
  1
}

function createAandwildany(): { a: Int, *: Any } {
  { a: 1 }
}

function createAandwildstr(): { a: Int, *: String } {
  { a: 1 }
}

function enumABC(x: "a" | "b" | "c"): Int {
  1
}
`;
