import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, fql } from "fauna";
import { logInCustomer, signUpCustomer } from "./auth.ts";
import { getCurrentCustomer } from "./customers.ts";
import { startTestFauna, testClient, uniqueEmail, type TestFauna } from "./test-support.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

async function asClient<T>(secret: string, run: (client: Client) => Promise<T>) {
  const client = new Client({ endpoint: new URL(fauna.endpoint), secret });
  try {
    return await run(client);
  } finally {
    client.close();
  }
}

test("a shopper reads their own Customer document", async () => {
  const email = uniqueEmail("me");
  await signUpCustomer(email, "correct horse", testClient());
  const { secret } = await logInCustomer(email, "correct horse", testClient());
  const customer = await getCurrentCustomer(secret);
  assert.equal(customer?.email, email);
});

test("the customer role cannot see other customers", async () => {
  const mine = uniqueEmail("mine");
  const theirs = uniqueEmail("theirs");
  await signUpCustomer(mine, "correct horse", testClient());
  await signUpCustomer(theirs, "correct horse", testClient());
  const { secret } = await logInCustomer(mine, "correct horse", testClient());
  const { data } = await asClient(secret, (client) =>
    client.query<string[]>(fql`Customer.all().toArray().map(.email)`),
  );
  assert.deepEqual(data, [mine]);
});

test("the unauthenticated key reads no products, stores or customers", async () => {
  const key = process.env.FAUNA_SECRET!;
  const { data } = await asClient(key, (client) =>
    client.query<number[]>(fql`[Product.all().count(), Store.all().count(), Customer.all().count()]`),
  );
  assert.deepEqual(data, [0, 0, 0]);
});

test("the unauthenticated key cannot call UserLogout", async () => {
  const key = process.env.FAUNA_SECRET!;
  await assert.rejects(
    asClient(key, (client) => client.query(fql`UserLogout()`)),
    (error: { code?: string }) => error.code === "permission_denied",
  );
});
