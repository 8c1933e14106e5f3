import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { Price } from "@/components/product/price";
import { ProductPicture } from "@/components/product/product-picture";
import { StockStatus } from "@/components/product/stock-status";
import { withShopper } from "@/lib/dal";
import { getProduct } from "@/lib/fauna/products";
import { displayName } from "@/lib/product-name";
import { maxLineQuantity, stockLabel } from "@/lib/stock";

// One Fauna read per request, shared by the metadata and the page.
const loadProduct = cache((id: string) => withShopper(`/products/${id}`, (token) => getProduct(token, id)));

export async function generateMetadata({ params }: PageProps<"/products/[id]">): Promise<Metadata> {
  const product = await loadProduct((await params).id);
  return { title: product ? displayName(product.name) : "Product not found" };
}

export default async function ProductPage({ params }: PageProps<"/products/[id]">) {
  const product = await loadProduct((await params).id);
  if (!product) notFound();
  const name = displayName(product.name);
  const backorder = stockLabel(product).tone === "backorder";

  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-neutral-500">
        <Link href="/products" className="hover:text-neutral-900">
          Shop all
        </Link>
        <span aria-hidden className="mx-2">
          /
        </span>
        <span className="text-neutral-900" aria-current="page">
          {name}
        </span>
      </nav>
      <article className="grid gap-8 rounded-2xl border border-neutral-200 bg-white p-6 md:grid-cols-2 md:p-10">
        <ProductPicture name={product.name} priority />
        <div className="flex flex-col">
          <p className="text-sm font-medium tracking-wide text-neutral-500 uppercase" data-testid="store-name">
            {product.store?.name ?? "Unknown store"}
          </p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight">{name}</h1>
          <p className="mt-3 text-lg text-neutral-700">{product.description}</p>
          <Price amount={product.price} className="mt-6 text-3xl font-semibold" />
          <div className="mt-4">
            <StockStatus product={product} size="lg" />
            {backorder ? (
              <p className="mt-1 text-sm text-neutral-600">
                Out of stock for now: order today and we send it when it arrives.
              </p>
            ) : null}
          </div>
          <div className="mt-6">
            <AddToCartForm productId={product.id} maxQuantity={maxLineQuantity(product)} />
          </div>
        </div>
      </article>
    </div>
  );
}
