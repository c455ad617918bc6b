import { describe, expect, it } from "vitest";
import { backoffMs } from "./backoff";

/** Many draws, since the jitter is random: the smallest and largest wait seen. */
function spread(attempt: number, baseMs: number, maxMs: number, retryAfterMs?: number | null) {
  const waits = Array.from({ length: 200 }, () => backoffMs(attempt, baseMs, maxMs, retryAfterMs));
  return { min: Math.min(...waits), max: Math.max(...waits) };
}

describe("backoffMs", () => {
  it("waits between half and all of base·2^(attempt−1)", () => {
    for (const [attempt, ceiling] of [[1, 100], [2, 200], [4, 800]] as const) {
      const { min, max } = spread(attempt, 100, 60_000);
      expect(min).toBeGreaterThanOrEqual(ceiling / 2);
      expect(max).toBeLessThanOrEqual(ceiling);
      // Full jitter: 200 draws spread over most of the upper half, not bunched at one end.
      expect(max - min).toBeGreaterThan(ceiling / 4);
    }
  });

  it("treats attempt 0 like the first attempt", () => {
    const { min, max } = spread(0, 100, 60_000);
    expect(min).toBeGreaterThanOrEqual(50);
    expect(max).toBeLessThanOrEqual(100);
  });

  it("never waits past the cap, however many attempts", () => {
    const { min, max } = spread(30, 100, 1000);
    expect(min).toBeGreaterThanOrEqual(500);
    expect(max).toBeLessThanOrEqual(1000);
  });

  it("waits at least as long as the upstream asked", () => {
    expect(spread(1, 100, 1000, 5000)).toEqual({ min: 5000, max: 5000 });
    expect(spread(1, 100, 1000, null).max).toBeLessThanOrEqual(100);
  });
});
