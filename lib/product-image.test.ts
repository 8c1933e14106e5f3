import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { catalog } from "../scripts/data/catalog.ts";
import { productImage } from "./product-image.ts";
import { productImages } from "./product-images.generated.ts";

const publicDir = resolve("public");

test("every seeded product has its own drawing with alt text that names it", () => {
  const sources = new Set<string>();
  for (const product of catalog.flatMap((store) => store.products)) {
    const { src, alt } = productImage(product.name);
    assert.notEqual(src, "/images/products/placeholder.svg", product.name);
    assert.ok(existsSync(resolve(publicDir, `.${src}`)), `${src} exists`);
    assert.match(alt, /^[A-Z].*: drawing of .+/, alt);
    assert.ok(alt.toLowerCase().startsWith(product.name), alt);
    sources.add(src);
  }
  assert.equal(sources.size, catalog.flatMap((store) => store.products).length, "no two products share a file");
});

test("the image list matches the files (run `npm run images` after changing the catalog)", () => {
  const files = readdirSync(resolve(publicDir, "images", "products")).filter((file) => file.endsWith(".svg"));
  assert.deepEqual(
    files.sort(),
    [...Object.keys(productImages).map((slug) => `${slug}.svg`), "placeholder.svg"].sort(),
  );
});

test("a product without a drawing gets the placeholder, still with alt text", () => {
  assert.deepEqual(productImage("mystery box"), {
    src: "/images/products/placeholder.svg",
    alt: "Mystery Box: no picture yet",
  });
  assert.equal(productImage("toString").src, "/images/products/placeholder.svg");
});
