// Fauna's official sample e-commerce app (github.com/fauna/js-sample-app) as a typecheck
// fixture (issue #8). Its schema is read at test time from a checkout of that repository,
// never copied here: FAUNA_SAMPLE_APP_DIR (a work tree or a bare git directory), else the
// bare mirror at /work/.mirror/fauna+js-sample-app/repo. The queries its app sends are
// transcribed below as facts (file, query, expected outcome); "broken copies" are string
// edits applied to its schema at test time, with the diagnostics Fauna gives for them.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DEFAULT_DIR = "/work/.mirror/fauna+js-sample-app/repo";
export const SAMPLE_FILES = ["schema/collections.fsl", "schema/functions.fsl"] as const;
export type SampleFile = (typeof SAMPLE_FILES)[number];

/** Where the sample app is, or null when it is not on this machine (callers skip then). */
export function sampleAppDir(): string | null {
  const dir = process.env.FAUNA_SAMPLE_APP_DIR ?? DEFAULT_DIR;
  return existsSync(dir) ? dir : null;
}

/** One schema file of the sample app: from a work tree if the file is there, else `git show HEAD:`. */
export function readSampleFile(dir: string, file: SampleFile): string {
  const plain = join(dir, file);
  if (existsSync(plain)) return readFileSync(plain, "utf8");
  return execFileSync("git", ["--git-dir", dir, "show", `HEAD:${file}`], { encoding: "utf8" });
}

/** The sample app's schema files, by path, ready for a schema push. */
export function loadSampleSchema(dir: string): Map<string, string> {
  return new Map(SAMPLE_FILES.map((file) => [file, readSampleFile(dir, file)]));
}

export interface SampleQuery {
  name: string;
  /** The sample app's file that sends it. */
  file: string;
  /** The query as the driver sends it, with the app's arguments inlined as literals. */
  query: string;
  /** Fauna typechecks it; `staticType` when the transcriber could settle it from the core. */
  expect: { typechecks: true; staticType?: string };
}

// Argument values are inlined as literals (the driver sends them as values whose static
// type is their literal type: ValueStaticType.findType0), so "Electronics" stands for ${category}.
export const sampleQueries: SampleQuery[] = [
  {
    name: "list products sorted by category",
    file: "src/routes/products/products.controller.ts",
    query: `Product.sortedByCategory().pageSize(10)
  .map(product => {
    let product: Any = product
    let category: Any = product.category
    {
      id: product.id,
      name: product.name,
      price: product.price,
      description: product.description,
      stock: product.stock,
      category: { id: category.id, name: category.name, description: category.description },
    }
  })`,
    expect: { typechecks: true },
  },
  {
    name: "list products of a category",
    file: "src/routes/products/products.controller.ts",
    query: `Product.byCategory(Category.byName("electronics").first()).pageSize(10)
  .map(product => {
    let product: Any = product
    let category: Any = product.category
    { id: product.id, name: product.name, category: { id: category.id, name: category.name } }
  })`,
    expect: { typechecks: true },
  },
  {
    name: "create a product",
    file: "src/routes/products/products.controller.ts",
    query: `let category = Category.byName("electronics").first()
if (category == null) abort("Category does not exist.")
let args = { name: "Tablet", price: 29999, stock: 10, description: "A tablet", category: category }
let product: Any = Product.create(args)
product {
  id,
  name,
  price,
  description,
  stock,
  category {
    id,
    name,
    description
  }
}`,
    expect: { typechecks: true },
  },
  {
    name: "update a product (Any-typed, so Object.assign is not checked)",
    file: "src/routes/products/products.controller.ts",
    query: `let product: Any = Product.byId("1")!
let category = Category.byName("electronics").first()
if (true && category == null) abort("Category does not exist.")
let fields = { name: "Tablet", price: 100, stock: 1, description: "x" }
if (category != null) {
  product!.update(Object.assign(fields, { category: category }))
} else {
  product!.update(fields)
}
product { id, name, price, description, stock, category { id, name, description } }`,
    expect: { typechecks: true },
  },
  {
    name: "products in a price range",
    file: "src/routes/products/products.controller.ts",
    query: `let products: Any = Product.sortedByPriceLowToHigh({ from: 0, to: 10000 })
.pageSize(10)

products {
  id,
  name,
  price,
  description,
  stock,
  category {
    id,
    name,
    description
  }
}`,
    expect: { typechecks: true },
  },
  {
    name: "next page by cursor",
    file: "src/routes/products/products.controller.ts",
    query: `Set.paginate("cursor")`,
    expect: { typechecks: true },
  },
  {
    name: "get a customer",
    file: "src/routes/customers/customers.controller.ts",
    query: `let customer: Any = Customer.byId("1")!
customer {
  id,
  name,
  email,
  address
}`,
    expect: { typechecks: true },
  },
  {
    name: "create a customer",
    file: "src/routes/customers/customers.controller.ts",
    query: `let customer: Any = Customer.create({ name: "Ann", email: "ann@example.com", address: { street: "1 Main", city: "X", state: "Y", postalCode: "1", country: "Z" } })
customer { id, name, email, address }`,
    expect: { typechecks: true },
  },
  {
    name: "get or create a cart (UDF)",
    file: "src/routes/customers/customers.controller.ts",
    query: `getOrCreateCart("1")`,
    expect: { typechecks: true },
  },
  {
    name: "add an item to the cart (UDF)",
    file: "src/routes/customers/customers.controller.ts",
    query: `createOrUpdateCartItem("1", "Tablet", 2)`,
    expect: { typechecks: true },
  },
  {
    name: "checkout (UDF)",
    file: "src/routes/orders/orders.controller.ts",
    query: `let order: Any = checkout("1", "processing", { type: "CC", cardNumber: "1" })
{ id: order.id, status: order.status, total: order.total }`,
    expect: { typechecks: true },
  },
  {
    name: "a customer's orders",
    file: "src/routes/orders/orders.controller.ts",
    query: `let customer: Any = Customer.byId("1")!
Order.byCustomer(customer).pageSize(10).map((order) => {
  let order: Any = order
  { id: order.id, status: order.status, total: order.total }
})`,
    expect: { typechecks: true },
  },
];

export interface BrokenCopy {
  name: string;
  source: string;
  file: SampleFile;
  /** Replaced once, exactly; the runner fails if `find` is not in the file. */
  find: string;
  replace: string;
  /** The push is refused with "Invalid database schema update." and these diagnostics (first lines, no `error: `). */
  messages: string[];
}

const CORE = "ext/fql/shared/src/test/scala/typer/TyperCoreSpec.scala";

export const brokenCopies: BrokenCopy[] = [
  {
    name: "createOrUpdateCartItem without ! on the looked-up product",
    source: `${CORE} "typecheck documents" (a nullable value's field needs ! or ?.)`,
    file: "schema/functions.fsl",
    find: "if (product!.stock < quantity) {",
    replace: "if (product.stock < quantity) {",
    messages: ["Type `Null` does not have field `stock`"],
  },
  {
    name: "Order.total reads a Ref<Product>'s field without Any",
    source: `${CORE} "typecheck documents"; the product field is Ref<Product>, whose null side has no \`price\``,
    file: "schema/collections.fsl",
    find: "    let orderItem: Any = orderItem\n",
    replace: "",
    messages: ["Type `Null` does not have field `price`"],
  },
  {
    name: "a status that is not in the literal union",
    source: `${CORE} "type enums/union overloads"; FQL2DefinedFieldsSpec "expected type is in the create signature"`,
    file: "schema/functions.fsl",
    find: `      status: "cart",`,
    replace: `      status: "carts",`,
    messages: ['Type `"carts"` is not a subtype of `"cart" | "processing" | "shipped" | "delivered"`'],
  },
];

/** The sample schema with one broken copy's edit applied. */
export function applyBrokenCopy(files: Map<string, string>, broken: BrokenCopy): Map<string, string> {
  const text = files.get(broken.file);
  if (text === undefined || !text.includes(broken.find)) {
    throw new Error(`broken copy "${broken.name}": text to replace not found in ${broken.file}`);
  }
  return new Map(files).set(broken.file, text.replace(broken.find, broken.replace));
}
