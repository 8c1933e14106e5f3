"use client";

import "./globals.css";

// Replaces the root layout when it fails itself, so it brings its own <html>.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center bg-neutral-50 font-sans text-neutral-900">
        <div role="alert" className="max-w-md px-4 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">The shop is temporarily unavailable</h1>
          <p className="mt-2 text-neutral-600">Please try again in a moment.</p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
