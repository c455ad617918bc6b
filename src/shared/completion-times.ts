/**
 * How long takes of one model and length take at the provider, as this studio has seen them.
 *
 * A poll only brackets the moment a job finished: it was not done at the last poll that said
 * so (`lowMs`) and was done at the first poll that said so (`highMs`), both counted from the
 * create. The curve is the nonparametric maximum-likelihood estimate for such interval-
 * censored data (Turnbull's self-consistency algorithm, an EM): mass goes where brackets
 * overlap, so a 9 s-wide bracket from a sparse poll and a few narrow ones inside it agree on
 * where takes finish, instead of the wide one smearing the curve. Within each piece between
 * bracket ends the mass is spread evenly. There is no detection lag in it: a take noticed
 * late still has its bracket start where the job was last seen running, so the learned figure
 * does not drift upward as the old median-of-detection-times did.
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

const EM_ROUNDS = 300;

export function fromBrackets(brackets: readonly CompletionBracket[]): CompletionTimes {
  // A bracket of no width (both polls at once) is read as 1 ms wide.
  const parts = brackets.map(({ lowMs, highMs }) => {
    const low = Math.max(0, Math.min(lowMs, highMs));
    return { low, high: Math.max(low + 1, highMs) };
  });
  // Pieces between consecutive bracket ends, and which pieces each bracket covers.
  const ends = [...new Set(parts.flatMap((p) => [p.low, p.high]))].sort((a, b) => a - b);
  const pieces = ends.slice(0, -1).map((from, k) => ({ from, to: ends[k + 1]! }));
  const covers = parts.map((p) => pieces.flatMap((piece, k) => (piece.from >= p.low && piece.to <= p.high ? [k] : [])));
  // Start from each take spread evenly over its bracket, then let the brackets agree.
  let mass = pieces.map(() => 1);
  for (let round = 0; round <= EM_ROUNDS; round++) {
    const next = pieces.map(() => 0);
    for (const c of covers) {
      const total = c.reduce((sum, k) => sum + mass[k]!, 0);
      if (total > 0) for (const k of c) next[k]! += mass[k]! / total / parts.length;
    }
    const moved = next.reduce((sum, m, k) => sum + Math.abs(m - mass[k]!), 0);
    mass = next;
    if (moved < 1e-9) break;
  }
  // Cumulative mass at each piece's start, for the cdf.
  const before = [0];
  for (const m of mass) before.push(before[before.length - 1]! + m);
  const cdf = (ms: number) => {
    if (pieces.length === 0 || ms < pieces[0]!.from) return 0;
    if (ms >= pieces[pieces.length - 1]!.to) return 1;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.from <= ms) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo]!;
    return Math.min(1, before[lo]! + (mass[lo]! * (ms - piece.from)) / (piece.to - piece.from));
  };
  const top = ends[ends.length - 1] ?? 0;
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

/** A `GET /api/timings` entry as a curve; null for a kind with too few takes to claim anything. */
export function timesOfTiming(timing: { samples: number; quantilesMs: readonly number[] } | undefined): CompletionTimes | null {
  return timing && timing.samples >= MIN_SAMPLES && timing.quantilesMs.length > 1 ? fromQuantiles(timing.quantilesMs, timing.samples) : null;
}

export function quantilesOf(times: CompletionTimes): number[] {
  return Array.from({ length: QUANTILE_STEPS + 1 }, (_, i) => Math.round(times.quantile(i / QUANTILE_STEPS)));
}

/**
 * The smallest time whose cdf reaches p, by bisection (to 1 ms); for p = 0, the last time
 * nothing had yet finished (the first moment anything could have).
 */
function invert(cdf: (ms: number) => number, p: number, low: number, high: number): number {
  const reached = p <= 0 ? (ms: number) => cdf(ms) > 0 : (ms: number) => cdf(ms) >= p;
  let lo = low;
  let hi = high;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return p <= 0 ? lo : hi;
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
