/**
 * When to ask the upstream about a running job: a plan of poll times, made once per model and
 * length from what this studio has seen (src/shared/completion-times.ts), that finds a finished
 * job as soon as possible for the GETs it may spend.
 *
 * The reasoning. A job that finished at time T is noticed at the first poll at or after T, so
 * with polls at t1 < t2 < … the expected detection delay is Σ ∫(t(i-1), t(i)] (t(i) − s) dF(s),
 * and the expected number of GETs is Σ S(t(i-1)), with S = 1 − F and t0 = 0: poll i goes out
 * only if the job was still running at poll i−1. Polls are worth most where completions are
 * dense. Minimising delay + λ·GETs over poll times on a grid is a shortest path (each step's
 * cost depends only on the previous poll), solved exactly by dynamic programming; λ is the
 * price of one GET, found by bisection as the smallest price whose plan stays within the
 * budget. By the Lagrangian argument, no schedule on the grid with as many or fewer expected
 * GETs has a smaller expected delay. For a tight distribution this gives a long quiet wait and
 * a few polls across the band where jobs finish; for a wide one, polls spread over the band.
 *
 * - Budget: the GETs the AI/ML API's documented fixed 10 s loop would spend on a job drawn
 *   from the same distribution (polls at 10, 20, 30 s …).
 * - The first poll comes early (at most 8 s, and at most 0.3× the time by which 2 % of jobs
 *   were done) when the budget affords it, so a job's move to `generating` and its start time
 *   are seen before it finishes.
 * - Past the median, no gap is longer than the budget's loop (10 s) when the budget affords
 *   it: minimising the mean alone leaves the rare slow job waiting a long gap.
 * - No gap is longer than `maxGapMs` (POLL_MAX_GAP_MS).
 * - While fewer than MIN_SAMPLES takes are known: one poll 2 s after the create, then the
 *   steady interval (POLL_INTERVAL_MS).
 * - Past the plan's end, the job is later than every take seen: it eases off, a gap of half
 *   its lateness, from 1 s up to the steady interval.
 */
import { MIN_SAMPLES, type CompletionTimes } from "../../shared/completion-times";

export const FIXED_LOOP_MS = 10_000;
const EARLY_MAX_MS = 8_000;
const EARLY_SHARE = 0.02;
const EARLY_FRACTION = 0.3;
// About this many grid steps across the range of times seen.
const GRID = 240;
const LATE_MIN_GAP_MS = 1_000;
// Nothing learned yet: the first poll still comes early, then the steady interval.
const EARLY_UNLEARNED_MS = 2_000;

export type PollPlan = {
  /** Poll times, ms after the create, ascending; empty when nothing is learned (steady polls). */
  timesMs: number[];
  budgetGets: number;
  expectedGets: number;
  expectedDelayMs: number;
};

export type PlanOptions = { maxGapMs: number; budgetLoopMs?: number };

type Grid = { t: number[]; f: number[]; integral: number[] };

/**
 * cdf on the grid, and ∫0..t F(s) ds at each point (Simpson on each cell). The step divides
 * `maxGapMs` exactly, so the longest gap, and every fixed loop at it, lies on the grid.
 */
function gridOf(times: CompletionTimes, top: number, maxGapMs: number): Grid {
  const step = maxGapMs / Math.ceil((maxGapMs * GRID) / top);
  const t = [0];
  const f = [times.cdf(0)];
  const integral = [0];
  for (let k = 1; t[k - 1]! < top; k++) {
    const at = Math.min(step * k, top);
    const before = t[k - 1]!;
    const mid = times.cdf((before + at) / 2);
    const end = times.cdf(at);
    t.push(at);
    f.push(end);
    integral.push(integral[k - 1]! + ((at - before) * (f[k - 1]! + 4 * mid + end)) / 6);
  }
  return { t, f, integral };
}

/** ∫a..b (F(s) − F(a)) ds: the delay of the jobs that finish between polls at a and b. */
const bandDelay = (g: Grid, i: number, j: number) => g.integral[j]! - g.integral[i]! - g.f[i]! * (g.t[j]! - g.t[i]!);

type Path = { points: number[]; gets: number; delay: number };

/** Where polls may go: the longest gap, the latest first poll, and past `tailFromMs` gaps of at most `tailGapMs`. */
type Bounds = { maxGapMs: number; firstBy: number; tailFromMs: number; tailGapMs: number };

function solve(g: Grid, price: number, bounds: Bounds): Path | null {
  const { maxGapMs, firstBy } = bounds;
  const n = g.t.length - 1;
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Array<number>(n + 1).fill(-1);
  for (let j = 1; j <= n && g.t[j]! <= Math.max(firstBy, g.t[1]!); j++) {
    if (g.t[j]! > maxGapMs) break;
    cost[j] = price + bandDelay(g, 0, j);
  }
  for (let i = 1; i < n; i++) {
    if (!Number.isFinite(cost[i]!)) continue;
    const survive = 1 - g.f[i]!;
    const longest = g.t[i]! >= bounds.tailFromMs ? Math.min(maxGapMs, bounds.tailGapMs) : maxGapMs;
    for (let j = i + 1; j <= n && g.t[j]! - g.t[i]! <= longest; j++) {
      const c = cost[i]! + price * survive + bandDelay(g, i, j);
      if (c < cost[j]!) {
        cost[j] = c;
        from[j] = i;
      }
    }
  }
  if (!Number.isFinite(cost[n]!)) return null;
  const points: number[] = [];
  for (let k = n; k > 0; k = from[k]!) points.unshift(k);
  return measure(g, points);
}

/** Expected GETs and detection delay of polls at grid points `points` (ascending, ending at the top). */
function measure(g: Grid, points: number[]): Path {
  let gets = 0;
  let delay = 0;
  let previous = 0;
  for (const k of points) {
    gets += previous === 0 ? 1 : 1 - g.f[previous]!;
    delay += bandDelay(g, previous, k);
    previous = k;
  }
  return { points, gets, delay };
}

/** Expected GETs of the fixed loop with gap `loopMs` on this distribution. */
export function fixedLoopGets(times: CompletionTimes, loopMs: number): number {
  return evaluateSchedule(times, fixedLoopTimes(times, loopMs)).gets;
}

/** Expected detection delay and GETs of any schedule on this distribution (fine numeric integration). */
export function evaluateSchedule(times: CompletionTimes, scheduleMs: readonly number[]): { gets: number; delayMs: number } {
  let gets = 0;
  let delayMs = 0;
  let previous = 0;
  for (const at of scheduleMs) {
    gets += previous === 0 ? 1 : 1 - times.cdf(previous);
    const steps = 64;
    const width = (at - previous) / steps;
    const base = times.cdf(previous);
    for (let k = 0; k < steps; k++) delayMs += width * (times.cdf(previous + (k + 0.5) * width) - base);
    previous = at;
  }
  return { gets, delayMs };
}

/** The fixed loop's poll times until every take seen would be done. */
export function fixedLoopTimes(times: CompletionTimes, loopMs: number): number[] {
  const top = times.quantile(1);
  const out: number[] = [];
  for (let at = loopMs; ; at += loopMs) {
    out.push(at);
    if (at >= top) return out;
  }
}

export function planPolls(times: CompletionTimes | null, options: PlanOptions): PollPlan {
  const budgetLoopMs = options.budgetLoopMs ?? FIXED_LOOP_MS;
  if (!times || times.samples < MIN_SAMPLES) return { timesMs: [], budgetGets: 0, expectedGets: 0, expectedDelayMs: 0 };
  const top = Math.max(1, times.quantile(1));
  const g = gridOf(times, top, options.maxGapMs);
  const budget = fixedLoopGets(times, budgetLoopMs);
  // Well before the first finishes (the provider's queue is a small part of a job), so the
  // poll finds the job generating rather than done.
  const early = Math.min(EARLY_MAX_MS, EARLY_FRACTION * times.quantile(EARLY_SHARE));
  // Preferred: an early first poll, and past the median no gap longer than the budget's loop
  // (a job later than most is found as soon as the fixed loop would find it: the tail is
  // cheap, as only the jobs still running pay for its polls). Each is dropped in turn when
  // the budget cannot afford it.
  const tail = { tailFromMs: times.quantile(0.5), tailGapMs: budgetLoopMs };
  const loose = { tailFromMs: Number.POSITIVE_INFINITY, tailGapMs: Number.POSITIVE_INFINITY };
  const maxGapMs = options.maxGapMs;
  // A preference is kept only while no fixed loop spending as few GETs finds the end sooner:
  // on a few small, lumpy distributions the early poll or the tight tail costs more than it
  // gains, and the price search (exact only on the hull of GETs against delay) can miss too.
  // Then the next, looser plan; past the loosest, the best such loop itself.
  let path: Path | null = null;
  let beaten: Path | null = null;
  for (const bounds of [
    { maxGapMs, firstBy: early, ...tail },
    { maxGapMs, firstBy: top, ...tail },
    { maxGapMs, firstBy: early, ...loose },
    { maxGapMs, firstBy: top, ...loose },
  ]) {
    const found = bestWithin(g, budget, bounds);
    if (!found) continue;
    const candidate = lateFirst(g, found, early, maxGapMs);
    const loop = bestLoop(g, maxGapMs, candidate.gets);
    if (!loop || loop.delay >= candidate.delay) {
      path = candidate;
      break;
    }
    beaten = loop;
  }
  // Nothing fits the budget under the gap bound (a short budget loop, a long gap): the
  // fewest GETs the bound allows.
  path ??= beaten ?? lateFirst(g, solve(g, top * 1e6, { maxGapMs, firstBy: top, ...loose })!, early, maxGapMs);
  // Whole milliseconds, rounded up (a poll never lands before the time it was planned for).
  const timesMs = [...new Set(path.points.map((k) => Math.ceil(g.t[k]!)))];
  return { timesMs, budgetGets: budget, expectedGets: path.gets, expectedDelayMs: path.delay };
}

/**
 * The first poll as late as the early window allows, when nothing finishes before it: the
 * plan costs the same, and the job has more likely left the provider's queue by then.
 */
function lateFirst(g: Grid, path: Path, firstBy: number, maxGapMs: number): Path {
  const [first, second] = path.points;
  if (first === undefined || second === undefined) return path;
  let k = first;
  while (k + 1 < second && g.t[k + 1]! <= Math.min(firstBy, maxGapMs) && g.f[k + 1]! === 0 && g.t[second]! - g.t[k + 1]! <= maxGapMs) k++;
  if (k === first) return path;
  return { ...path, points: [k, ...path.points.slice(1)] };
}

/**
 * The fixed loop on the grid (every m-th point, m steps at most the longest gap, the last poll
 * at the top) that finds the end soonest for at most `gets` expected GETs; null if none is that cheap.
 */
function bestLoop(g: Grid, maxGapMs: number, gets: number): Path | null {
  const n = g.t.length - 1;
  const step = g.t[1]!;
  let best: Path | null = null;
  for (let m = 1; m <= n && g.t[m]! <= maxGapMs && (m === n || m * step <= maxGapMs); m++) {
    const points: number[] = [];
    for (let k = m; k < n; k += m) points.push(k);
    points.push(n);
    const loop = measure(g, points);
    if (loop.gets <= gets + 1e-9 && (!best || loop.delay < best.delay)) best = loop;
  }
  return best;
}

function bestWithin(g: Grid, budget: number, bounds: Bounds): Path | null {
  const top = g.t[g.t.length - 1]!;
  const fewest = solve(g, top * 1e6, bounds);
  if (!fewest || fewest.gets > budget + 1e-9) return null;
  let low = 0;
  let high = top * 1e6;
  let best = fewest;
  for (let round = 0; round < 48; round++) {
    const price = (low + high) / 2;
    const path = solve(g, price, bounds);
    if (path && path.gets <= budget + 1e-9) {
      best = path;
      high = price;
    } else low = price;
  }
  return best;
}

/**
 * The wait before the next poll of a job `elapsedMs` after its create: the plan's next time,
 * the steady interval while nothing is learned, easing off once past the plan.
 */
export function nextPollDelay(plan: PollPlan, elapsedMs: number, steadyMs: number): number {
  if (plan.timesMs.length === 0) return elapsedMs < EARLY_UNLEARNED_MS ? Math.min(steadyMs, EARLY_UNLEARNED_MS - elapsedMs) : steadyMs;
  const next = plan.timesMs.find((at) => at > elapsedMs);
  if (next !== undefined) return next - elapsedMs;
  const lateMs = elapsedMs - plan.timesMs[plan.timesMs.length - 1]!;
  return Math.min(steadyMs, Math.max(LATE_MIN_GAP_MS, lateMs / 2));
}
