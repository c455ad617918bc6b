/**
 * When to ask the upstream again about a running job. Waiting blindly costs latency and
 * polling often costs calls, so: stay quiet for most of the job's expected time, then poll
 * briskly, easing off the longer it runs late. With the expected time learned from past
 * takes, a job is noticed within about a second of finishing, in no more calls than the
 * AI/ML API's documented fixed 10 s loop.
 */
export type PollTiming = {
  /** Since the upstream accepted the job. */
  elapsedMs: number;
  /** How long such a job usually takes; null until a few have been seen. */
  expectedMs: number | null;
  /** The longest gap between polls (POLL_INTERVAL_MS). */
  maxGapMs: number;
};

const QUIET_SHARE = 0.96;
// Near the end, a gap of 2% of the expected time (0.5 s for a 25 s job), kept within 0.4–1 s.
const briskGapFor = (expectedMs: number) => Math.min(1000, Math.max(400, expectedMs * 0.02));
const LONGEST_QUIET_MS = 60_000;

export function nextPollDelay({ elapsedMs, expectedMs, maxGapMs }: PollTiming): number {
  // Nothing learned yet: poll at the steady interval rather than trust a published figure
  // that may be far off (the simulator, a busy day at the provider).
  if (expectedMs === null) return maxGapMs;
  const briskGap = Math.min(briskGapFor(expectedMs), maxGapMs);
  const quietUntil = QUIET_SHARE * expectedMs;
  if (elapsedMs < quietUntil) return Math.min(quietUntil - elapsedMs, LONGEST_QUIET_MS);
  // Late: widen the gap by a tenth of the lateness, up to the configured interval.
  const lateMs = Math.max(0, elapsedMs - expectedMs);
  return Math.min(maxGapMs, Math.max(briskGap, briskGap + lateMs / 10));
}

/** The median of recent durations; null until there are a few to go by. */
export function expectedDurationMs(recent: readonly number[]): number | null {
  if (recent.length < 3) return null;
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
