import "server-only";
import { fql } from "fauna";
import { withShopperToken } from "./client";
import type { Customer } from "./types";

/** The signed-in shopper's own Customer document (the `customer` role lets them read only it). */
export async function getCurrentCustomer(tokenSecret: string): Promise<Customer | null> {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<Customer | null>(fql`Query.identity() { id, email, name }`),
  );
  return data;
}
