const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 3 });
const count = new Intl.NumberFormat("en-US");

/** What the provider charged, as people read money: $0.125, $12.50. The AI/ML API bills in USD. */
export function formatUsd(value: number): string {
  return usd.format(value);
}

/** The provider's own unit, for the hover: "250,000 credits". */
export function formatCredits(value: number): string {
  return `${count.format(value)} credits`;
}
