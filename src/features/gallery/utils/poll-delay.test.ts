import { describe, expect, it } from "vitest";
import type { Take } from "@/shared/take";
import { fromBrackets } from "@/shared/completion-times";
import { ApiError } from "@/lib/api-client";
import { nextTakePollMs, offlineBackoffMs } from "./poll-delay";

const SUBMITTED = Date.parse("2026-01-01T10:00:00.000Z");
// Takes like it finished between 20 s and 30 s after the create.
const TIMES = fromBrackets(Array.from({ length: 10 }, (_, i) => ({ lowMs: 20_000 + i * 1_000, highMs: 21_000 + i * 1_000 })));

function take(patch: Partial<Take> = {}): Take {
  return {
    status: "generating",
    model: "gen3a_turbo",
    createdAt: new Date(SUBMITTED).toISOString(),
    timings: { submittedAt: new Date(SUBMITTED).toISOString(), startedAt: null, finishedAt: null },
    ...patch,
  } as Take;
}

describe("the tab's poll schedule for a running take", () => {
  it("stops at a terminal status and hurries while the video is being saved", () => {
    expect(nextTakePollMs(take({ status: "completed" }), TIMES, SUBMITTED)).toBe(false);
    expect(nextTakePollMs(take({ status: "failed" }), TIMES, SUBMITTED)).toBe(false);
    expect(nextTakePollMs(take({ status: "finishing" }), TIMES, SUBMITTED)).toBe(150);
  });

  it("asks slowly until just before the first take like it ever finished, briskly through the band, easing off when late", () => {
    expect(nextTakePollMs(take(), TIMES, SUBMITTED + 1_000)).toBe(2000);
    expect(nextTakePollMs(take(), TIMES, SUBMITTED + 16_500)).toBeCloseTo(500, -1);
    expect(nextTakePollMs(take(), TIMES, SUBMITTED + 17_000)).toBe(400);
    expect(nextTakePollMs(take(), TIMES, SUBMITTED + 25_000)).toBe(400);
    expect(nextTakePollMs(take(), TIMES, SUBMITTED + 40_000)).toBeCloseTo(400 + (40_000 - TIMES.quantile(0.98)) / 10, 0);
    expect(nextTakePollMs(take(), TIMES, SUBMITTED + 600_000)).toBe(2000);
  });

  it("keeps the slow pace while nothing like it has been timed", () => {
    expect(nextTakePollMs(take(), null, SUBMITTED + 22_000)).toBe(2000);
    // A take being checked in the usage log has no render timeline to be brisk around.
    expect(nextTakePollMs(take({ status: "checking" }), TIMES, SUBMITTED + 22_000)).toBe(2000);
  });

  it("backs off while the server cannot be reached: 1 s, 2 s, 4 s … up to 30 s", () => {
    const offline = new ApiError(0, "network_error", "Can't reach the Dailies server.");
    expect(offlineBackoffMs(offline, 1)).toBe(1000);
    expect(offlineBackoffMs(offline, 3)).toBe(4000);
    expect(offlineBackoffMs(offline, 9)).toBe(30_000);
    expect(offlineBackoffMs(offline, 0)).toBeNull();
    expect(offlineBackoffMs(new ApiError(503, "server_error", "down"), 3)).toBeNull();
    expect(offlineBackoffMs(null, 3)).toBeNull();
  });
});
