// Every product has a picture: /images/products/<slug>.svg, drawn by
// `npm run images` (scripts/generate-product-images.ts) for each product of the
// seed catalog. A product added later without a drawing gets the placeholder.
import { displayName } from "./product-name";
import { productImages } from "./product-images.generated";
import { productSlug } from "./product-slug";

export const PRODUCT_IMAGE_WIDTH = 400;
export const PRODUCT_IMAGE_HEIGHT = 300;

export type ProductImage = { src: string; alt: string };

export function productImage(name: string): ProductImage {
  const slug = productSlug(name);
  const shows = Object.hasOwn(productImages, slug) ? productImages[slug] : undefined;
  if (!shows) return { src: "/images/products/placeholder.svg", alt: `${displayName(name)}: no picture yet` };
  return { src: `/images/products/${slug}.svg`, alt: `${displayName(name)}: drawing of ${shows}` };
}
