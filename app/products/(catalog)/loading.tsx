// The skeleton lives in this route group only: the detail page renders without a
// Suspense boundary, so notFound() there still answers with a real 404 status.
import { ProductGridSkeleton } from "@/components/product/product-grid-skeleton";

export default function ProductsLoading() {
  return (
    <div role="status" aria-label="Loading products">
      <div className="mb-8 space-y-2">
        <div className="h-8 w-64 animate-pulse rounded bg-neutral-200" />
        <div className="h-4 w-80 animate-pulse rounded bg-neutral-100" />
      </div>
      <ProductGridSkeleton count={12} />
    </div>
  );
}
