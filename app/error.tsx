"use client";

import { useEffect } from "react";

// Server errors reach the browser without their details (Next strips them in
// production); the shopper sees what they can do, never a stack trace.
// Pages read Fauna before any output — no loading.tsx or <Suspense> in front of a Fauna
// read — so a failed read (e.g. Fauna unavailable, see lib/fauna/deadline.ts) fails the
// render before the status is sent and Next answers 500, not a streamed 200.
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">The shop is temporarily unavailable</h1>
      <p className="mt-2 text-neutral-600">We couldn&apos;t load this page. Please try again in a moment.</p>
      <div className="mt-6 flex justify-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Try again
        </button>
        <a
          href="/"
          className="rounded-md px-4 py-2 text-sm font-medium text-neutral-700 ring-1 ring-neutral-300 hover:bg-neutral-50"
        >
          Go home
        </a>
      </div>
      {error.digest ? <p className="mt-6 text-xs text-neutral-400">Reference: {error.digest}</p> : null}
    </div>
  );
}
