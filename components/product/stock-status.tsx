import clsx from "clsx";
import type { Product } from "@/lib/fauna/types";

type Stock = Pick<Product, "quantity" | "backordered" | "backorderLimit">;

const LOW_STOCK = 5;

export function stockLabel({ quantity, backordered, backorderLimit }: Stock): {
  text: string;
  tone: "ok" | "low" | "out";
} {
  if (backordered) return { text: "On backorder", tone: "out" };
  if (quantity <= 0) {
    return backorderLimit > 0
      ? { text: "Out of stock — backorder available", tone: "out" }
      : { text: "Out of stock", tone: "out" };
  }
  if (quantity <= LOW_STOCK) return { text: `Only ${quantity} left`, tone: "low" };
  return { text: "In stock", tone: "ok" };
}

export function StockStatus({ product }: { product: Stock }) {
  const { text, tone } = stockLabel(product);
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1.5 text-xs font-medium",
        tone === "ok" && "text-emerald-700",
        tone === "low" && "text-amber-700",
        tone === "out" && "text-rose-700",
      )}
    >
      <span
        aria-hidden
        className={clsx(
          "size-1.5 rounded-full",
          tone === "ok" && "bg-emerald-500",
          tone === "low" && "bg-amber-500",
          tone === "out" && "bg-rose-500",
        )}
      />
      {text}
    </span>
  );
}
