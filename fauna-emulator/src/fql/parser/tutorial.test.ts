// Real queries and UDF bodies from Fauna's end-user authentication tutorial and driver usage.
import assert from "node:assert/strict";
import { test } from "node:test";
import { body, e, q } from "../../../test/support/parser.js";

test("the login UDF body with an optional chain on its second line", () => {
  assert.equal(
    body(
      `{ let customer = Customer.byEmail(email)?.first()\n Credential.byDocument(customer)?.login(password, Time.now().add(60, "minutes")) }`,
    ),
    "(block (let customer (call (?. (call (. Customer byEmail) email) first))) " +
      `(call (?. (call (. Credential byDocument) customer) login) password (call (. (call (. Time now)) add) 60 "minutes")))`,
  );
});

test("the login UDF body with `!` and a leading `?.` continuation line", () => {
  const src = `{
  let customer = Customer.byEmail(email)!.first()
  Credential.byDocument(customer)
    ?.login(password, Time.now().add(3600, "second"))
}`;
  assert.equal(
    body(src),
    "(block (let customer (call (. (nonnull (call (. Customer byEmail) email)) first))) " +
      `(call (?. (call (. Credential byDocument) customer) login) password (call (. (call (. Time now)) add) 3600 "second")))`,
  );
});

test("the signup UDF body with comments and multi-line object arguments", () => {
  const src = `{

  // Creates a \`Customer\` collection document.
  let customer = Customer.create({
    email: email
  })

  // Creates a credential that associates the
  // \`Customer\` document with an end user's password.
  Credential.create({
    document: customer,
    password: password
  })
}`;
  assert.equal(
    body(src),
    "(block (let customer (call (. Customer create) {email: email})) (call (. Credential create) {document: customer, password: password}))",
  );
});

test("tutorial one-liners", () => {
  assert.equal(q("Object.assign({ }, credential)"), "(call (. Object assign) {} credential)");
  assert.equal(q("Query.token()!.delete()"), "(call (. (nonnull (call (. Query token))) delete))");
  assert.equal(q("Product.all().pageSize(20)"), "(call (. (call (. Product all)) pageSize) 20)");
  assert.equal(q("Set.paginate($0)"), "(call (. Set paginate) $0)");
  assert.equal(q(`Key.create({ role: "unauthenticated" })`), `(call (. Key create) {role: "unauthenticated"})`);
  assert.equal(q(`userLogin("fake@fauna.com", "secret")`), `(call userLogin "fake@fauna.com" "secret")`);
  assert.equal(q("Query.identity()"), "(call (. Query identity))");
});

test("driver-style template queries with placeholders", () => {
  assert.equal(
    q("Product.byName($0).first() { name, price }"),
    "(project (call (. (call (. Product byName) $0) first)) name: (. . name), price: (. . price))",
  );
  assert.equal(q("[$0, $1].map(x => x * $2)"), "(call (. [$0 $1] map) (fn [x] (* x $2)))");
  assert.equal(
    q("let p = Product.byId($0)!\np.update({ stock: p.stock - 1 })"),
    "(block (let p (nonnull (call (. Product byId) $0))) (call (. p update) {stock: (- (. p stock) 1)}))",
  );
});

test("FSL expression snippets parse with parseExpression", () => {
  assert.equal(e(`(doc) => doc.email.includes("@")`), `(fn [doc] (call (. (. doc email) includes) "@"))`);
  assert.equal(e("Time.now()"), "(call (. Time now))");
  assert.equal(e(`"active"`), `"active"`);
  assert.equal(
    e("(ref) => Query.identity() == ref.customer"),
    "(fn [ref] (== (call (. Query identity)) (. ref customer)))",
  );
  assert.equal(e("(customer) => customer.isAdmin == true"), "(fn [customer] (== (. customer isAdmin) true))");
});

test("a shorthand filter and projection over a collection", () => {
  assert.equal(
    q("Product.where(.price < 10 && .stock > 0).order(desc(.price)) { name, category { name }, cost: .price * 100 }"),
    "(project (call (. (call (. Product where) (fn [.] (&& (< (. . price) 10) (> (. . stock) 0)))) order) (call desc (fn [.] (. . price)))) " +
      "name: (. . name), category: (project (. . category) name: (. . name)), cost: (* (. . price) 100))",
  );
});
