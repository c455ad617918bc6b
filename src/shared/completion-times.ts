/**
 * How long takes of one model and length take at the provider, as this studio has seen them.
 *
 * A poll only brackets the moment a job finished: it was not done at the last poll that said
 * so (`lowMs`) and was done at the first poll that said so (`highMs`), both counted from the
 * create. Treating the finish as equally likely anywhere in that bracket, and each take as
 * one sample, gives a distribution without the detection lag: a take noticed 9 s late adds
 * a 9 s-wide bracket that still starts where the job was last seen running, so the learned
 * figure does not drift upward as the old median-of-detection-times did.
 *
 * The BFF builds it from brackets; the browser gets it as quantiles (`quantilesMs`, at every
 * 5 %) and rebuilds the same curve from them, piecewise linear.
 */
export type CompletionBracket = { lowMs: number; highMs: number };

export type CompletionTimes = {
  samples: number;
  /** Share of takes done by `ms` after the create (0 to 1, never decreasing). */
  cdf(ms: number): number;
  /** The time by which share `p` of takes were done. */
  quantile(p: number): number;
};

/** Quantiles sent to the browser: at 0 %, 5 %, …, 100 %. */
export const QUANTILE_STEPS = 20;

/** Fewer takes than this and nothing is claimed: polls run at the steady interval. */
export const MIN_SAMPLES = 5;

export function fromBrackets(brackets: readonly CompletionBracket[]): CompletionTimes {
  const parts = brackets.map(({ lowMs, highMs }) => ({ low: Math.max(0, Math.min(lowMs, highMs)), high: Math.max(0, highMs) }));
  const cdf = (ms: number) => {
    if (parts.length === 0) return 0;
    let sum = 0;
    for (const { low, high } of parts) {
      if (ms >= high) sum += 1;
      else if (ms > low) sum += (ms - low) / (high - low);
    }
    return sum / parts.length;
  };
  const top = parts.reduce((max, part) => Math.max(max, part.high), 0);
  return { samples: parts.length, cdf, quantile: (p) => invert(cdf, p, 0, top) };
}

/** The curve the browser rebuilds from `quantilesMs`: linear between neighbouring quantiles. */
export function fromQuantiles(quantilesMs: readonly number[], samples: number): CompletionTimes {
  const q = [...quantilesMs];
  for (let i = 1; i < q.length; i++) q[i] = Math.max(q[i]!, q[i - 1]!);
  const steps = q.length - 1;
  const cdf = (ms: number) => {
    if (steps < 1 || ms < q[0]!) return 0;
    if (ms >= q[steps]!) return 1;
    let i = 0;
    while (i < steps - 1 && ms >= q[i + 1]!) i++;
    const span = q[i + 1]! - q[i]!;
    return (i + (span > 0 ? (ms - q[i]!) / span : 1)) / steps;
  };
  const quantile = (p: number) => {
    if (steps < 1) return q[0] ?? 0;
    const at = Math.min(Math.max(p, 0), 1) * steps;
    const i = Math.min(Math.floor(at), steps - 1);
    return q[i]! + (q[i + 1]! - q[i]!) * (at - i);
  };
  return { samples, cdf, quantile };
}

export function quantilesOf(times: CompletionTimes): number[] {
  return Array.from({ length: QUANTILE_STEPS + 1 }, (_, i) => Math.round(times.quantile(i / QUANTILE_STEPS)));
}

/** The smallest time whose cdf reaches p, by bisection (to 1 ms). */
function invert(cdf: (ms: number) => number, p: number, low: number, high: number): number {
  if (p <= 0) {
    // The first time anything could have finished.
    let lo = low;
    let hi = high;
    while (hi - lo > 1) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) > 0) hi = mid;
      else lo = mid;
    }
    return lo;
  }
  let lo = low;
  let hi = high;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}

export type TimeLeft = { kind: "unknown" } | { kind: "left"; ms: number } | { kind: "late" };

/** Past this share of earlier takes a running one is "running longer than usual". */
export const LATE_SHARE = 0.95;

/**
 * What to tell someone waiting, `elapsedMs` after the create: the median of what is left
 * for takes that ran at least this long, or "late" once nearly every past take was done by
 * now, or nothing while too few takes have been seen.
 */
export function timeLeft(times: CompletionTimes | null, elapsedMs: number): TimeLeft {
  if (!times || times.samples < MIN_SAMPLES) return { kind: "unknown" };
  const done = times.cdf(elapsedMs);
  if (done >= LATE_SHARE) return { kind: "late" };
  const medianEnd = times.quantile(done + (1 - done) / 2);
  return { kind: "left", ms: Math.max(0, medianEnd - elapsedMs) };
}

/** "about 20 s left", "about 2 min left", "any moment now", "running longer than usual"; null when unknown. */
export function describeTimeLeft(left: TimeLeft): string | null {
  if (left.kind === "unknown") return null;
  if (left.kind === "late") return "running longer than usual";
  const seconds = left.ms / 1000;
  if (seconds < 3) return "any moment now";
  if (seconds < 60) return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
