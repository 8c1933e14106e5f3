// In the route group only, so /orders/[id] renders without a Suspense boundary and
// notFound() there answers with a real 404 status.
export default function OrdersLoading() {
  return (
    <div role="status" aria-label="Loading orders" className="mx-auto max-w-3xl space-y-6">
      <div className="h-8 w-48 animate-pulse rounded bg-neutral-200" />
      <div className="space-y-px overflow-hidden rounded-xl border border-neutral-200">
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="h-16 animate-pulse bg-neutral-100" />
        ))}
      </div>
    </div>
  );
}
