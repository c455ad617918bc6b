/** Nearest-rank quantile (q in 0..1) of a sample; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
