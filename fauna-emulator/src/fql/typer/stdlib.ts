// Signatures of FQL's standard library as the core types them (faunadb
// ext/model/.../runtime/fql2/stdlib/*.scala: `defMethod("name" -> ret)("param" -> type)`),
// written in FQL type syntax. `A`…`G` are type parameters: a shape's own (`Array<A>`) are
// bound to its arguments, the others are fresh for every use. A list is an overload.
type Sig = string | string[];
export interface ShapeSpec {
  params?: string[];
  fields: Record<string, Sig>;
  apply?: Sig;
  access?: Sig;
  alias?: string;
}

const PRED = "(predicate: (A => Boolean | Null))";
const ORDERING = "{ asc: A => Any } | { desc: A => Any } | (A => Any)";

const arrayLike = (self: string): Record<string, Sig> => ({
  any: `${PRED} => Boolean`,
  every: `${PRED} => Boolean`,
  where: `${PRED} => ${self}<A>`,
  firstWhere: `${PRED} => A | Null`,
  lastWhere: `${PRED} => A | Null`,
  map: `(mapper: (A => B)) => ${self}<B>`,
  forEach: "(callback: (A => Any)) => Null",
  fold: "(seed: B, reducer: ((B, A) => B)) => B",
  foldRight: "(seed: B, reducer: ((B, A) => B)) => B",
  reduce: "(reducer: ((A, A) => A)) => A | Null",
  reduceRight: "(reducer: ((A, A) => A)) => A | Null",
  aggregate: "(seed: A, combiner: ((A, A) => A)) => A",
  first: "() => A | Null",
  last: "() => A | Null",
  distinct: `() => ${self}<A>`,
  drop: `(amount: Number) => ${self}<A>`,
  take: `(limit: Number) => ${self}<A>`,
  reverse: `() => ${self}<A>`,
  order: `(...ordering: Array<${ORDERING}>) => ${self}<A>`,
  includes: "(element: A) => Boolean",
  isEmpty: "() => Boolean",
  nonEmpty: "() => Boolean",
  toSet: "() => Set<A>",
  toString: "() => String",
});

export const SHAPES: Record<string, ShapeSpec> = {
  Null: { fields: { toString: "() => String" }, access: "(key: Any) => Never" },
  Boolean: { fields: { toString: "() => String" } },
  Number: { fields: { toString: "() => String" } },
  Int: { fields: { toString: "() => String" } },
  Long: { fields: { toString: "() => String" } },
  Double: { fields: { toString: "() => String" } },
  ID: { fields: { toString: "() => String" } },
  Bytes: { fields: { toString: "() => String", toBase64: "() => String" } },
  String: {
    fields: {
      length: "Number",
      at: "(index: Number) => String",
      concat: "(other: String) => String",
      endsWith: "(suffix: String) => Boolean",
      startsWith: "(prefix: String) => Boolean",
      includes: "(pattern: String) => Boolean",
      includesRegex: "(regex: String) => Boolean",
      insert: "(index: Number, other: String) => String",
      indexOf: ["(pattern: String) => Number | Null", "(pattern: String, start: Number) => Number | Null"],
      indexOfRegex: ["(regex: String) => Number | Null", "(regex: String, start: Number) => Number | Null"],
      lastIndexOf: ["(pattern: String) => Number | Null", "(pattern: String, end: Number) => Number | Null"],
      matches: "(regex: String) => Array<String>",
      matchIndexes: "(regex: String) => Array<[Number, String]>",
      replace: [
        "(pattern: String, replacement: String) => String",
        "(pattern: String, replacement: String, amount: Number) => String",
      ],
      replaceAll: "(pattern: String, replacement: String) => String",
      replaceRegex: [
        "(regex: String, replacement: String) => String",
        "(regex: String, replacement: String, amount: Number) => String",
      ],
      replaceAllRegex: "(regex: String, replacement: String) => String",
      slice: ["(start: Number) => String", "(start: Number, end: Number) => String"],
      toLowerCase: "() => String",
      toUpperCase: "() => String",
      casefold: ["() => String", "(format: String) => String"],
      parseNumber: "() => Number | Null",
      parseDouble: "() => Number | Null",
      parseLong: ["() => Number | Null", "(radix: Number) => Number | Null"],
      parseInt: ["() => Number | Null", "(radix: Number) => Number | Null"],
      split: "(separator: String) => Array<String>",
      splitRegex: "(regex: String) => Array<String>",
      splitAt: "(index: Number) => [String, String]",
      toString: "() => String",
    },
    access: "(index: Number) => String",
  },
  Array: {
    params: ["A"],
    fields: {
      ...arrayLike("Array"),
      length: "Number",
      at: "(index: Number) => A",
      append: "(element: B) => Array<A | B>",
      prepend: "(element: B) => Array<A | B>",
      concat: "(other: Array<B>) => Array<A | B>",
      entries: "() => Array<[Number, A]>",
      filter: `${PRED} => Array<A>`,
      flatten: "() => Array<Any>",
      flatMap: "(mapper: (A => Array<B>)) => Array<B>",
      indexOf: ["(element: A) => Number | Null", "(element: A, start: Number) => Number | Null"],
      lastIndexOf: ["(element: A) => Number | Null", "(element: A, end: Number) => Number | Null"],
      indexWhere: [`${PRED} => Number | Null`, "(predicate: (A => Boolean | Null), start: Number) => Number | Null"],
      lastIndexWhere: [`${PRED} => Number | Null`, "(predicate: (A => Boolean | Null), end: Number) => Number | Null"],
      slice: ["(from: Number) => Array<A>", "(from: Number, until: Number) => Array<A>"],
    },
    access: "(index: Number) => A",
  },
  Set: {
    params: ["A"],
    fields: {
      ...arrayLike("Set"),
      flatMap: "(mapper: (A => Set<B>)) => Set<B>",
      concat: "(other: Set<B>) => Set<A | B>",
      paginate: [
        "() => { data: Array<A>, after: String | Null }",
        "(size: Number) => { data: Array<A>, after: String | Null }",
      ],
      pageSize: "(size: Number) => Set<A>",
      toArray: "() => Array<A>",
      count: "() => Number",
      toStream: "() => EventSource<A>",
      eventSource: "() => EventSource<A>",
      changesOn: "(...fields: Array<(A => Any)>) => EventSource<A>",
      eventsOn: "(...fields: Array<(A => Any)>) => EventSource<A>",
    },
  },
  EventSource: {
    params: ["A"],
    fields: {
      where: `${PRED} => EventSource<A>`,
      map: "(mapper: (A => B)) => EventSource<B>",
      toString: "() => String",
    },
  },
  Time: {
    fields: {
      dayOfMonth: "Number",
      dayOfWeek: "Number",
      dayOfYear: "Number",
      hour: "Number",
      minute: "Number",
      second: "Number",
      month: "Number",
      year: "Number",
      toMicros: "() => Number",
      toMillis: "() => Number",
      toSeconds: "() => Number",
      add: "(amount: Number, unit: String) => Time",
      subtract: "(amount: Number, unit: String) => Time",
      difference: "(start: Time, unit: String) => Number",
      toString: "() => String",
    },
  },
  TransactionTime: { fields: { toString: "() => String" } },
  Date: {
    fields: {
      dayOfMonth: "Number",
      dayOfWeek: "Number",
      dayOfYear: "Number",
      month: "Number",
      year: "Number",
      add: "(amount: Number, unit: String) => Date",
      subtract: "(amount: Number, unit: String) => Date",
      difference: "(start: Date) => Number",
      toString: "() => String",
    },
  },
  TimeModule: {
    fields: {
      now: "() => Time",
      fromString: "(time: String) => Time",
      epoch: "(offset: Number, unit: String) => Time",
    },
    apply: "(time: String) => Time",
  },
  DateModule: {
    fields: { today: "() => Date", fromString: "(date: String) => Date" },
    apply: "(date: String) => Date",
  },
  MathModule: {
    fields: {
      E: "Number",
      Infinity: "Number",
      NaN: "Number",
      PI: "Number",
      ...Object.fromEntries(
        [
          "abs",
          "acos",
          "asin",
          "atan",
          "ceil",
          "cos",
          "cosh",
          "degrees",
          "exp",
          "floor",
          "log",
          "log10",
          "radians",
          "round",
          "sign",
          "sin",
          "sinh",
          "sqrt",
          "tan",
          "tanh",
          "trunc",
        ].map((n) => [n, "(x: Number) => Number"]),
      ),
      round: ["(x: Number) => Number", "(x: Number, precision: Number) => Number"],
      trunc: ["(x: Number) => Number", "(x: Number, precision: Number) => Number"],
      hypot: "(x: Number, y: Number) => Number",
      pow: "(x: Number, exponent: Number) => Number",
      max: "(x: Number, y: Number) => Number",
      min: "(x: Number, y: Number) => Number",
      mean: "(x: Array<Number>) => Number",
      sum: "(x: Array<Number>) => Number",
    },
  },
  ObjectModule: {
    fields: {
      keys: "(object: { *: Any }) => Array<String>",
      values: "(object: { *: A }) => Array<A>",
      entries: "(object: { *: A }) => Array<[String, A]>",
      fromEntries: "(entries: Array<[String, A]>) => { *: A }",
      assign: "(destination: { *: A }, source: { *: B }) => { *: A | B }",
      select: "(object: { *: Any }, path: Array<String>) => Any",
      hasPath: "(object: { *: Any }, path: Array<String>) => Boolean",
      toString: "(object: Any) => String",
    },
  },
  ArrayModule: { fields: { sequence: "(from: Number, until: Number) => Array<Number>" } },
  SetModule: {
    fields: {
      single: "(element: A) => Set<A>",
      sequence: "(from: Number, until: Number) => Set<Number>",
      paginate: [
        "(cursor: String) => { data: Array<Any>, after: String | Null }",
        "(cursor: String, size: Number) => { data: Array<Any>, after: String | Null }",
      ],
    },
  },
  QueryModule: {
    fields: {
      identity: "() => { *: Any } | Null",
      token: "() => { *: Any } | Null",
      isEnvTypechecked: "() => Boolean",
      isEnvProtected: "() => Boolean",
    },
  },
  StringModule: { fields: {} },
  NumberModule: { fields: {} },
  IntModule: { fields: {} },
  LongModule: { fields: {} },
  DoubleModule: { fields: {} },
  BooleanModule: { fields: {} },
  BytesModule: { fields: { fromBase64: "(encoded: String) => Bytes" }, apply: "(encoded: String) => Bytes" },
  // A UDF as a value (faunadb UserFunction<Sig>): called through its signature.
  UserFunction: { params: ["A"], fields: { definition: "FunctionDef" }, apply: "A" },
  // The static globals are added to it once they exist (env.ts); `evalV4` is FQL's own.
  FQLModule: { fields: { evalV4: "(expr: { *: Any }) => Any" } },
};

export const GLOBALS: Record<string, Sig> = {
  Time: "TimeModule",
  Date: "DateModule",
  Math: "MathModule",
  Object: "ObjectModule",
  Query: "QueryModule",
  Set: "SetModule",
  Array: "ArrayModule",
  String: "StringModule",
  Number: "NumberModule",
  Int: "IntModule",
  Long: "LongModule",
  Double: "DoubleModule",
  Boolean: "BooleanModule",
  Bytes: "BytesModule",
  FQL: "FQLModule",
  ID: "(id: String | Number) => ID",
  newId: "() => ID",
  abort: "(return: Any) => Never",
  dbg: "(value: A) => A",
  log: "(...args: Array<Any>) => Null",
  asc: "(accessor: (A => Any)) => { asc: A => Any }",
  desc: "(accessor: (A => Any)) => { desc: A => Any }",
  TransactionTime: "() => TransactionTime",
};

/** Operators (faunadb Typer.HardcodedOps plus the Number/String/Boolean prototypes' ops). */
export const OPS: Record<string, Sig> = {
  // faunadb Typer.HardcodedOps: `+` is numeric addition or string concatenation (String + String).
  "+": ["(Number, Number) => Number", "(String, String) => String"],
  "-": "(Number, Number) => Number",
  "*": "(Number, Number) => Number",
  "/": "(Number, Number) => Number",
  "%": "(Number, Number) => Number",
  "**": "(Number, Number) => Number",
  "&": "(Number, Number) => Number",
  "|": "(Number, Number) => Number",
  "^": "(Number, Number) => Number",
  "==": "(Any, Any) => Boolean",
  "!=": "(Any, Any) => Boolean",
  "<": "(Any, Any) => Boolean",
  ">": "(Any, Any) => Boolean",
  "<=": "(Any, Any) => Boolean",
  ">=": "(Any, Any) => Boolean",
  "=~": "(Any, Any) => Boolean",
  "!~": "(Any, Any) => Boolean",
  "unary -": "Number => Number",
  "unary !": "Boolean => Boolean",
};

/**
 * Native schema collections (faunadb NativeCollection companions): global name, the type of
 * their documents, and how their documents are addressed (`byName` for named schema docs).
 */
export const NATIVE_COLLECTIONS: {
  global: string;
  doc: string;
  named: boolean;
  extra?: Record<string, Sig>;
  docExtra?: Record<string, Sig>;
}[] = [
  { global: "Collection", doc: "CollectionDef", named: true },
  { global: "Function", doc: "FunctionDef", named: true },
  { global: "Role", doc: "RoleDef", named: true },
  { global: "AccessProvider", doc: "AccessProviderDef", named: true },
  { global: "Database", doc: "DatabaseDef", named: true },
  { global: "Key", doc: "Key", named: false },
  {
    global: "Token",
    doc: "Token",
    named: false,
    extra: { byDocument: "(document: { *: Any }) => Set<Token>" },
  },
  {
    global: "Credential",
    doc: "Credential",
    named: false,
    extra: { byDocument: "(document: { *: Any } | Null) => Ref<Credential>" },
    docExtra: {
      verify: "(secret: String) => Boolean",
      login: ["(secret: String) => Token", "(secret: String, ttl: Time) => Token"],
    },
  },
];
