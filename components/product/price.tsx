const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function Price({ amount, className }: { amount: number; className?: string }) {
  return <span className={className}>{usd.format(amount)}</span>;
}
