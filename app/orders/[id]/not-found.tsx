import Link from "next/link";

export default function OrderNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">We couldn't find that order</h1>
      <p className="mt-2 text-neutral-600">It may belong to another account, or the link is wrong.</p>
      <Link
        href="/orders"
        className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Your orders
      </Link>
    </div>
  );
}
