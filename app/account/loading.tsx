export default function AccountLoading() {
  return (
    <div role="status" aria-label="Loading account" className="mx-auto max-w-xl animate-pulse py-6">
      <div className="h-8 w-48 rounded bg-neutral-200" />
      <div className="mt-6 h-48 rounded-xl border border-neutral-200 bg-white" />
    </div>
  );
}
