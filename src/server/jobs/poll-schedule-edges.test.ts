import { describe, expect, it } from "vitest";
import { expectedDurationMs, nextPollDelay } from "./poll-schedule";

const delay = (elapsedMs: number, expectedMs: number, maxGapMs = 5000) => nextPollDelay({ elapsedMs, expectedMs, maxGapMs });

describe("nextPollDelay, phase by phase", () => {
  it("sleeps until 96 % of the expected time while the job is young", () => {
    expect(delay(0, 25_000)).toBe(24_000);
    expect(delay(10_000, 25_000)).toBe(14_000);
  });

  it("polls briskly from 96 % on: 2 % of the expected time, within 0.4–1 s", () => {
    expect(delay(24_000, 25_000)).toBe(500);
    expect(delay(24_999, 25_000)).toBe(500);
    expect(delay(9_700, 10_000)).toBe(400);
    expect(delay(99_000, 100_000)).toBe(1000);
  });

  it("never polls briskly at a gap longer than the configured one", () => {
    expect(delay(24_500, 25_000, 300)).toBe(300);
  });

  it("adds a tenth of the lateness to the brisk gap", () => {
    expect(delay(30_000, 25_000)).toBe(1000);
    expect(delay(45_000, 25_000)).toBe(2500);
  });
});

describe("expectedDurationMs", () => {
  it("takes the middle of three or more, whatever their order", () => {
    expect(expectedDurationMs([3000, 1000, 2000])).toBe(2000);
    expect(expectedDurationMs([5000, 4000, 1000, 3000, 2000])).toBe(3000);
    expect(expectedDurationMs([])).toBeNull();
  });
});
