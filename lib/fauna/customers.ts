import "server-only";
import { fql } from "fauna";
import { cache } from "react";
import { withShopperToken } from "./client";
import type { Customer } from "./types";

/**
 * The signed-in shopper's own Customer document (the `customer` role lets them read only
 * it). Cached per request: the header's verification notice and /account both ask.
 */
export const getCurrentCustomer = cache(async (tokenSecret: string): Promise<Customer | null> => {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<Customer | null>(fql`Query.identity() { id, email, name, emailVerified: .emailVerifiedAt != null }`),
  );
  return data;
});
