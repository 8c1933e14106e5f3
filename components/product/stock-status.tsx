import clsx from "clsx";
import { stockLabel, type StockLevels } from "@/lib/stock";

export function StockStatus({ product, size = "sm" }: { product: StockLevels; size?: "sm" | "lg" }) {
  const { text, tone } = stockLabel(product);
  return (
    <span
      data-testid="stock-status"
      className={clsx(
        "inline-flex items-center gap-1.5 font-medium",
        size === "sm" ? "text-xs" : "text-base",
        tone === "ok" && "text-emerald-700",
        tone === "low" && "text-amber-700",
        tone === "backorder" && "text-sky-700",
        tone === "out" && "text-rose-700",
      )}
    >
      <span
        aria-hidden
        className={clsx(
          "rounded-full",
          size === "sm" ? "size-1.5" : "size-2",
          tone === "ok" && "bg-emerald-500",
          tone === "low" && "bg-amber-500",
          tone === "backorder" && "bg-sky-500",
          tone === "out" && "bg-rose-500",
        )}
      />
      {text}
    </span>
  );
}
