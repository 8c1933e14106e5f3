import clsx from "clsx";
import Image from "next/image";
import { PRODUCT_IMAGE_HEIGHT, PRODUCT_IMAGE_WIDTH, productImage } from "@/lib/product-image";

/** A product's drawing (public/images/products/), 4:3, with alt text that says what it shows. */
export function ProductPicture({
  name,
  priority = false,
  className,
}: {
  name: string;
  priority?: boolean;
  className?: string;
}) {
  const { src, alt } = productImage(name);
  return (
    <Image
      src={src}
      alt={alt}
      width={PRODUCT_IMAGE_WIDTH}
      height={PRODUCT_IMAGE_HEIGHT}
      priority={priority}
      className={clsx("aspect-[4/3] w-full rounded-lg bg-neutral-100 object-cover", className)}
    />
  );
}
