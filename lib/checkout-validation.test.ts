import assert from "node:assert/strict";
import { test } from "node:test";
import { addressErrorsOf, addressFrom, addressSchema, cartLineSchema } from "./checkout-validation.ts";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

test("an address is five trimmed, non-empty fields within Fauna's limits", () => {
  const parsed = addressSchema.safeParse(
    addressFrom(
      form({ street: "  1 Main St ", city: "Springfield", state: "IL", postalCode: "62701", country: "USA" }),
    ),
  );
  assert.deepEqual(parsed.data, {
    street: "1 Main St",
    city: "Springfield",
    state: "IL",
    postalCode: "62701",
    country: "USA",
  });

  const bad = addressSchema.safeParse(
    addressFrom(form({ street: "   ", city: "x".repeat(101), postalCode: "1".repeat(21) })),
  );
  assert.equal(bad.success, false);
  assert.deepEqual(Object.keys(addressErrorsOf(bad.error!)).sort(), [
    "city",
    "country",
    "postalCode",
    "state",
    "street",
  ]);
  assert.deepEqual(addressErrorsOf(bad.error!).street, ["Enter your street address."]);
});

test("cart lines take a document id and a whole quantity in range", () => {
  assert.deepEqual(cartLineSchema(1).safeParse({ productId: "123", quantity: "4" }).data, {
    productId: "123",
    quantity: 4,
  });
  for (const quantity of ["0", "100", "2.5", "", "x"]) {
    assert.equal(cartLineSchema(1).safeParse({ productId: "123", quantity }).success, false, quantity);
  }
  assert.equal(cartLineSchema(0).safeParse({ productId: "123", quantity: "0" }).success, true);
  assert.equal(cartLineSchema(0).safeParse({ productId: "123", quantity: "" }).success, false, "empty is not 0");
  for (const productId of ["", "abc", "1".repeat(20), "12 "]) {
    assert.equal(cartLineSchema(1).safeParse({ productId, quantity: "1" }).success, false, productId);
  }
});
