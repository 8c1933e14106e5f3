import Link from "next/link";

type Props = {
  page: number;
  pageCount: number;
  previousHref: string | null;
  nextHref: string | null;
  /** Shown instead of "Previous" when the URL no longer holds the cursor of the page before. */
  firstHref: string | null;
};

const linkClass =
  "inline-flex rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-50";

export function Pagination({ page, pageCount, previousHref, nextHref, firstHref }: Props) {
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4">
      <div className="flex-1">
        {previousHref ? (
          <Link href={previousHref} rel="prev" className={linkClass}>
            <span aria-hidden>←&nbsp;</span>Previous
          </Link>
        ) : firstHref ? (
          <Link href={firstHref} className={linkClass}>
            <span aria-hidden>←&nbsp;</span>First page
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-neutral-600">
        Page {page} of {pageCount}
      </p>
      <div className="flex flex-1 justify-end">
        {nextHref ? (
          <Link href={nextHref} rel="next" className={linkClass}>
            Next<span aria-hidden>&nbsp;→</span>
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
