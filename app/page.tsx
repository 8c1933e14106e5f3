import Link from "next/link";
import { ProductGrid } from "@/components/product/product-grid";
import { getSession, withShopper } from "@/lib/dal";
import { listProducts } from "@/lib/fauna/products";

export default async function HomePage() {
  const session = await getSession();
  // Read before any output, so a Fauna outage answers with a 5xx (see app/error.tsx).
  const featured = session ? await withShopper("/", (token) => listProducts(token, { pageSize: 4 })) : null;
  return (
    <div className="space-y-12">
      <section className="overflow-hidden rounded-2xl bg-gradient-to-br from-indigo-600 to-violet-600 px-6 py-12 text-white sm:px-12 sm:py-16">
        <p className="text-sm font-medium tracking-wide text-indigo-100 uppercase">Three stores, one cart</p>
        <h1 className="mt-2 max-w-2xl text-3xl font-semibold tracking-tight sm:text-5xl">
          {session ? "Welcome back!" : "Welcome to Storefront"}
        </h1>
        <p className="mt-4 max-w-xl text-indigo-100">
          Party supplies, fresh groceries and everything for your dog, from Party Supplies, Foggy Bottom Market and
          DogExpress.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          {session ? (
            <Link
              href="/products"
              className="rounded-md bg-white px-5 py-2.5 text-sm font-semibold text-indigo-700 hover:bg-indigo-50"
            >
              Browse the catalog
            </Link>
          ) : (
            <>
              <Link
                href="/signup"
                className="rounded-md bg-white px-5 py-2.5 text-sm font-semibold text-indigo-700 hover:bg-indigo-50"
              >
                Create an account
              </Link>
              <Link
                href="/login"
                className="rounded-md px-5 py-2.5 text-sm font-semibold text-white ring-1 ring-white/60 hover:bg-white/10"
              >
                Log in to shop
              </Link>
            </>
          )}
        </div>
      </section>

      {featured ? (
        <section aria-labelledby="teaser-heading">
          <div className="mb-4 flex items-end justify-between">
            <h2 id="teaser-heading" className="text-xl font-semibold tracking-tight">
              Fresh in the catalog
            </h2>
            <Link href="/products" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
              See everything →
            </Link>
          </div>
          <ProductGrid products={featured.data} label="Featured products" />
        </section>
      ) : (
        <section className="rounded-xl border border-dashed border-neutral-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">Sign in to see prices and stock</h2>
          <p className="mt-1 text-sm text-neutral-600">Our catalog is for members. It takes a few seconds to join.</p>
        </section>
      )}
    </div>
  );
}
