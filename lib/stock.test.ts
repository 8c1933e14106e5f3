import assert from "node:assert/strict";
import { test } from "node:test";
import { stockLabel } from "./stock.ts";

test("availability reads in shopper words, never as counts or flags", () => {
  assert.deepEqual(stockLabel({ quantity: 90, backorderLimit: 5 }), { text: "In stock", tone: "ok" });
  assert.deepEqual(stockLabel({ quantity: 6, backorderLimit: 0 }), { text: "In stock", tone: "ok" });
  assert.deepEqual(stockLabel({ quantity: 5, backorderLimit: 0 }), { text: "Only 5 left", tone: "low" });
  assert.deepEqual(stockLabel({ quantity: 3, backorderLimit: 5 }), { text: "Only 3 left", tone: "low" });
  assert.deepEqual(stockLabel({ quantity: 1, backorderLimit: 0 }), { text: "Only 1 left", tone: "low" });
});

test("nothing on hand is a backorder while the store takes them, else sold out", () => {
  assert.deepEqual(stockLabel({ quantity: 0, backorderLimit: 25 }), {
    text: "Ships in about two weeks",
    tone: "backorder",
  });
  assert.deepEqual(stockLabel({ quantity: -4, backorderLimit: 5 }), {
    text: "Ships in about two weeks",
    tone: "backorder",
  });
  assert.deepEqual(stockLabel({ quantity: -5, backorderLimit: 5 }), { text: "Sold out", tone: "out" });
  assert.deepEqual(stockLabel({ quantity: 0, backorderLimit: 0 }), { text: "Sold out", tone: "out" });
});
