import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { Price } from "@/components/product/price";
import { ProductTile } from "@/components/product/product-tile";
import { StockStatus } from "@/components/product/stock-status";
import { withShopper } from "@/lib/dal";
import { getProduct } from "@/lib/fauna/products";
import { maxLineQuantity } from "@/lib/stock";

// One Fauna read per request, shared by the metadata and the page.
const loadProduct = cache((id: string) => withShopper(`/products/${id}`, (token) => getProduct(token, id)));

export async function generateMetadata({ params }: PageProps<"/products/[id]">): Promise<Metadata> {
  const product = await loadProduct((await params).id);
  return { title: product ? product.name : "Product not found" };
}

export default async function ProductPage({ params }: PageProps<"/products/[id]">) {
  const product = await loadProduct((await params).id);
  if (!product) notFound();

  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-neutral-500">
        <Link href="/products" className="hover:text-neutral-900">
          Shop all
        </Link>
        <span aria-hidden className="mx-2">
          /
        </span>
        <span className="text-neutral-900 capitalize">{product.name}</span>
      </nav>
      <article className="grid gap-8 rounded-2xl border border-neutral-200 bg-white p-6 md:grid-cols-2 md:p-10">
        <ProductTile name={product.name} size="lg" />
        <div className="flex flex-col">
          <p className="text-sm font-medium tracking-wide text-neutral-500 uppercase" data-testid="store-name">
            {product.store?.name ?? "Unknown store"}
          </p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight capitalize">{product.name}</h1>
          <p className="mt-3 text-lg text-neutral-700">{product.description}</p>
          <Price amount={product.price} className="mt-6 text-3xl font-semibold" />
          <div className="mt-4">
            <StockStatus product={product} />
          </div>
          <div className="mt-6">
            <AddToCartForm productId={product.id} maxQuantity={maxLineQuantity(product)} />
          </div>
          <dl className="mt-8 grid grid-cols-2 gap-4 border-t border-neutral-200 pt-6 text-sm">
            <div>
              <dt className="text-neutral-500">In stock</dt>
              <dd className="mt-1 font-medium" data-testid="quantity">
                {product.quantity}
              </dd>
            </div>
            <div>
              <dt className="text-neutral-500">Backorder</dt>
              <dd className="mt-1 font-medium" data-testid="backorder">
                {product.backordered ? "On backorder" : "Not backordered"}
                <span className="block font-normal text-neutral-500">
                  up to {product.backorderLimit} {product.backorderLimit === 1 ? "unit" : "units"}
                </span>
              </dd>
            </div>
          </dl>
        </div>
      </article>
    </div>
  );
}
