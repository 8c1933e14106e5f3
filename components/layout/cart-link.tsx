import Link from "next/link";
import { cartCountForHeader } from "@/lib/dal";

/** The header's "Cart" link with the number of items; without a count if Fauna cannot say. */
export async function CartLink({ token }: { token: string }) {
  return <CartLinkView count={await cartCountForHeader(token)} />;
}

export function CartLinkView({ count }: { count: number | null }) {
  const label = count === null ? "Cart" : `Cart, ${count} ${count === 1 ? "item" : "items"}`;
  return (
    <Link
      href="/cart"
      aria-label={label}
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 sm:px-3"
    >
      Cart
      {count !== null ? (
        <span
          data-testid="cart-count"
          className="grid min-w-5 place-items-center rounded-full bg-indigo-600 px-1.5 text-xs leading-5 font-semibold text-white"
        >
          {count}
        </span>
      ) : null}
    </Link>
  );
}
