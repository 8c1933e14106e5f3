import Link from "next/link";

type Props = {
  page: number;
  firstHref: string | null;
  nextHref: string | null;
};

// Fauna cursors only point forward; the browser's back button covers the way back.
export function Pagination({ page, firstHref, nextHref }: Props) {
  const linkClass =
    "rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-50";
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4">
      <div>
        {firstHref ? (
          <Link href={firstHref} className={linkClass}>
            ← First page
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-neutral-500">Page {page}</p>
      <div>
        {nextHref ? (
          <Link href={nextHref} rel="next" className={linkClass}>
            Next page →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
