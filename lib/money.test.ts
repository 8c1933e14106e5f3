import assert from "node:assert/strict";
import { test } from "node:test";
import { lineTotal, sumOf } from "./money.ts";
import { maxLineQuantity, orderableQuantity } from "./stock.ts";

test("line totals and sums are exact to the cent", () => {
  assert.equal(0.1 * 3, 0.30000000000000004);
  assert.equal(lineTotal(0.1, 3), 0.3);
  assert.equal(lineTotal(6.98, 3), 20.94);
  assert.equal(sumOf([20.94, 12, 0.1, 0.2]), 33.24);
  assert.equal(sumOf([]), 0);
});

test("orderable quantity counts the backorder allowance and never goes below zero", () => {
  assert.equal(orderableQuantity({ quantity: 5, backorderLimit: 0 }), 5);
  assert.equal(orderableQuantity({ quantity: 0, backorderLimit: 25 }), 25);
  assert.equal(orderableQuantity({ quantity: -3, backorderLimit: 2 }), 0);
  assert.equal(orderableQuantity({ quantity: 4, backorderLimit: -1 }), 4);
  assert.equal(maxLineQuantity({ quantity: 500, backorderLimit: 0 }), 99);
  assert.equal(maxLineQuantity({ quantity: 0, backorderLimit: 0 }), 0);
});
