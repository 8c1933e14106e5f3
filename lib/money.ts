// Prices are dollars with at most two decimals; sums are done in whole cents so
// 0.1 × 3 is 0.3, as Fauna's Checkout rounds it.

const cents = (amount: number) => Math.round(amount * 100);

export function lineTotal(unitPrice: number, quantity: number): number {
  return (cents(unitPrice) * quantity) / 100;
}

export function sumOf(amounts: number[]): number {
  return amounts.reduce((total, amount) => total + cents(amount), 0) / 100;
}
