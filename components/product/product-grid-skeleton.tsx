export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul aria-hidden className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3 xl:grid-cols-4">
      {Array.from({ length: count }, (_, index) => (
        <li key={index} className="animate-pulse rounded-xl border border-neutral-200 bg-white p-3">
          <div className="aspect-[4/3] rounded-lg bg-neutral-100" />
          <div className="mt-3 space-y-2 px-1">
            <div className="h-3 w-1/3 rounded bg-neutral-100" />
            <div className="h-4 w-2/3 rounded bg-neutral-200" />
            <div className="h-3 w-full rounded bg-neutral-100" />
            <div className="h-4 w-1/4 rounded bg-neutral-200" />
          </div>
        </li>
      ))}
    </ul>
  );
}
