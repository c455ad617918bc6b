import { describe, expect, it } from "vitest";
import { expectedDurationMs, nextPollDelay } from "./poll-schedule";

/** Simulates one job finishing at `doneMs`: how many polls, and how late the finish was seen. */
function run(expectedMs: number, doneMs: number, maxGapMs = 5000) {
  let t = 0;
  let polls = 0;
  for (;;) {
    t += nextPollDelay({ elapsedMs: t, expectedMs, maxGapMs });
    polls++;
    if (t >= doneMs) return { polls, lagMs: t - doneMs };
  }
}
/** The AI/ML API's documented loop: a poll every 10 s. */
const fixedLoop = (doneMs: number) => Math.ceil(doneMs / 10_000);

describe("nextPollDelay", () => {
  it.each([
    ["gen3a_turbo (~25 s)", 25_000],
    ["gen4_turbo (~65 s)", 65_000],
  ])("%s on time: seen within a second, in no more calls than the fixed 10 s loop", (_label, expected) => {
    const { polls, lagMs } = run(expected, expected);
    expect(lagMs).toBeLessThanOrEqual(expected * 0.02);
    expect(polls).toBeLessThanOrEqual(fixedLoop(expected));
  });

  it("eases off when a job runs late, never past the configured gap", () => {
    const expected = 25_000;
    expect(nextPollDelay({ elapsedMs: 26_000, expectedMs: expected, maxGapMs: 5000 })).toBeCloseTo(600);
    expect(nextPollDelay({ elapsedMs: 200_000, expectedMs: expected, maxGapMs: 5000 })).toBe(5000);
    const late = run(expected, 90_000);
    expect(late.lagMs).toBeLessThanOrEqual(5000);
  });

  it("never sleeps more than a minute at once, and honours a small configured gap", () => {
    expect(nextPollDelay({ elapsedMs: 0, expectedMs: 600_000, maxGapMs: 5000 })).toBe(60_000);
    expect(nextPollDelay({ elapsedMs: 30, expectedMs: 30, maxGapMs: 100 })).toBe(100);
  });
});

describe("expectedDurationMs", () => {
  it("uses the median of recent takes once there are a few", () => {
    expect(expectedDurationMs([10, 12])).toBeNull();
    expect(expectedDurationMs([9000, 1000, 5000, 7000])).toBe(7000);
  });
  it("polls at the steady interval until something is learned", () => {
    expect(nextPollDelay({ elapsedMs: 0, expectedMs: null, maxGapMs: 5000 })).toBe(5000);
  });
});
