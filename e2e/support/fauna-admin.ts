import { Client, fql, type QueryValue, type Query } from "fauna";
import { readStackState } from "./config";

// One client per test process, never closed: closing one of several clients that share the
// driver's HTTP/2 session can cut another's query once the session has idled out (see
// lib/fauna/client.ts); the driver closes the idle session by itself.
let admin: { key: string; client: Client } | null = null;

/** Runs a query with the admin secret: what an operator could do behind the app's back. */
export async function adminQuery<T extends QueryValue>(query: Query<T>): Promise<T> {
  const { faunaEndpoint, rootSecret } = readStackState();
  const key = `${faunaEndpoint}|${rootSecret}`;
  if (admin?.key !== key) admin = { key, client: new Client({ endpoint: new URL(faunaEndpoint), secret: rootSecret }) };
  return (await admin.client.query<T>(query)).data;
}

export const deleteTokensOf = (email: string) =>
  adminQuery(fql`Token.byDocument(Customer.byEmail(${email}).first()!).forEach(.delete())`);

export const allProductIds = () => adminQuery<string[]>(fql`Product.all().map(.id).toArray()`);

export const productIdByName = (name: string) => adminQuery<string>(fql`Product.byName(${name}).first()!.id`);

export type ProductStock = {
  id: string;
  price: number;
  quantity: number;
  backorderLimit: number;
  backordered: boolean;
};

export const productByName = (name: string) =>
  adminQuery<ProductStock>(fql`Product.byName(${name}).first()! { id, price, quantity, backorderLimit, backordered }`);

/** Changes a product behind the shop's back (stock sold elsewhere, a new price). */
export const updateProduct = (name: string, fields: Partial<Omit<ProductStock, "id">>) =>
  adminQuery(fql`Product.byName(${name}).first()!.update(${fields}) { id }`);
