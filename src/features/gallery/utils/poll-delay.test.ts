import { describe, expect, it } from "vitest";
import type { Take } from "@/shared/take";
import { expectedDurationMs, nextTakePollMs, takeDurationMs } from "./poll-delay";

const SUBMITTED = Date.parse("2026-01-01T10:00:00.000Z");

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
    expect(nextTakePollMs(take({ status: "completed" }), null, SUBMITTED)).toBe(false);
    expect(nextTakePollMs(take({ status: "failed" }), null, SUBMITTED)).toBe(false);
    expect(nextTakePollMs(take({ status: "finishing" }), null, SUBMITTED)).toBe(150);
  });

  it("asks slowly early on and briskly near the learned end, easing off when late", () => {
    const learned = 5_000;
    expect(nextTakePollMs(take(), learned, SUBMITTED + 1_000)).toBe(2000);
    expect(nextTakePollMs(take(), learned, SUBMITTED + 4_000)).toBe(400);
    expect(nextTakePollMs(take(), learned, SUBMITTED + 5_000)).toBe(400);
    expect(nextTakePollMs(take(), learned, SUBMITTED + 15_000)).toBe(1400);
    expect(nextTakePollMs(take(), learned, SUBMITTED + 600_000)).toBe(2000);
  });

  it("goes by the model's typical time until a few takes have been seen", () => {
    // gen3a_turbo usually takes about 25 s: nothing brisk at 10 s.
    expect(nextTakePollMs(take(), null, SUBMITTED + 10_000)).toBe(2000);
    expect(nextTakePollMs(take(), null, SUBMITTED + 22_000)).toBe(400);
  });

  it("learns from completed takes only, as the median once three are known", () => {
    const done = (seconds: number) =>
      take({
        status: "completed",
        timings: { submittedAt: new Date(SUBMITTED).toISOString(), startedAt: null, finishedAt: new Date(SUBMITTED + seconds * 1000).toISOString() },
      });
    expect(takeDurationMs(done(6))).toBe(6000);
    expect(takeDurationMs(take())).toBeNull();
    expect(expectedDurationMs([5000, 6000])).toBeNull();
    expect(expectedDurationMs([9000, 5000, 6000])).toBe(6000);
  });
});
