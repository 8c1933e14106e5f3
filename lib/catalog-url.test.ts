import assert from "node:assert/strict";
import { test } from "node:test";
import {
  catalogHref,
  firstPage,
  MAX_CURSOR_HISTORY,
  nextPage,
  parseCatalogState,
  previousPage,
} from "./catalog-url.ts";

const parse = (href: string) =>
  parseCatalogState(
    Object.fromEntries(
      [...new URL(href, "http://shop.test").searchParams.keys()].map((key) => {
        const values = new URL(href, "http://shop.test").searchParams.getAll(key);
        return [key, values.length === 1 ? values[0] : values];
      }),
    ),
  );

test("the first page keeps search, store and sort and nothing else", () => {
  const state = parseCatalogState({ q: "  Dog  food ", store: "412", sort: "price-asc" });
  assert.deepEqual(state, { q: "Dog food", storeId: "412", sort: "price-asc", page: 1, after: null, back: [] });
  assert.equal(catalogHref(state), "/products?q=Dog+food&store=412&sort=price-asc");
  assert.equal(catalogHref(parseCatalogState({})), "/products");
});

test("unknown sorts, malformed store ids and a stray page number are ignored", () => {
  assert.deepEqual(parseCatalogState({ sort: "cheapest", store: "../1", page: "7", back: "c1" }), {
    q: "",
    storeId: null,
    sort: "featured",
    page: 1,
    after: null,
    back: [],
  });
});

test("Next and Previous walk forward and back through the cursor history in the URL", () => {
  const one = parseCatalogState({ q: "dog", sort: "name" });
  const two = parse(catalogHref(nextPage(one, "cursor-2")));
  assert.deepEqual(two, { q: "dog", storeId: null, sort: "name", page: 2, after: "cursor-2", back: [] });
  const three = parse(catalogHref(nextPage(two, "cursor-3")));
  assert.deepEqual(three, { ...two, page: 3, after: "cursor-3", back: ["cursor-2"] });
  const four = parse(catalogHref(nextPage(three, "cursor-4")));
  assert.deepEqual(four.back, ["cursor-2", "cursor-3"]);

  assert.deepEqual(previousPage(four), three);
  assert.deepEqual(previousPage(three), two);
  assert.deepEqual(previousPage(two), one);
  assert.equal(previousPage(one), null);
  assert.deepEqual(firstPage(four), one);
});

test("the history keeps the last 10 cursors; beyond them there is no Previous, only the first page", () => {
  let state = parseCatalogState({});
  for (let page = 2; page <= MAX_CURSOR_HISTORY + 4; page++)
    state = parse(catalogHref(nextPage(state, `cursor-${page}`)));
  assert.equal(state.page, MAX_CURSOR_HISTORY + 4);
  assert.equal(state.back.length, MAX_CURSOR_HISTORY);
  let steps = 0;
  for (let previous = previousPage(state); previous; previous = previousPage(previous)) {
    state = previous;
    steps++;
  }
  assert.equal(steps, MAX_CURSOR_HISTORY);
  assert.equal(state.page, 4, "page 4 still knows it is page 4");
  assert.equal(previousPage(state), null);
});

test("a page number cannot claim fewer pages than the history holds", () => {
  const state = parseCatalogState({ after: "c4", back: ["c2", "c3"], page: "1" });
  assert.equal(state.page, 4);
});
