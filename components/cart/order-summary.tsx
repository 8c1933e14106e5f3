import { Price } from "@/components/product/price";

type Line = { key: string; name: string; quantity: number; lineTotal: number };

/** Lines as "name × quantity — total" and the grand total; used by checkout. */
export function OrderSummary({
  lines,
  total,
  title = "Order summary",
}: {
  lines: Line[];
  total: number;
  title?: string;
}) {
  return (
    <section aria-labelledby="summary-heading" className="rounded-xl border border-neutral-200 bg-white p-6 shadow-xs">
      <h2 id="summary-heading" className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="mt-4 divide-y divide-neutral-100 text-sm">
        {lines.map((line) => (
          <li key={line.key} className="flex justify-between gap-4 py-2">
            <span className="min-w-0 text-neutral-700">
              <span className="capitalize">{line.name}</span>{" "}
              <span className="text-neutral-500">× {line.quantity}</span>
            </span>
            <Price amount={line.lineTotal} className="shrink-0 font-medium" />
          </li>
        ))}
      </ul>
      <p className="mt-4 flex justify-between border-t border-neutral-200 pt-4 text-base font-semibold">
        <span>Total</span>
        <Price amount={total} />
      </p>
    </section>
  );
}
