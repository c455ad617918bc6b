import { describe, expect, it } from "vitest";
import { describeTimeLeft, fromBrackets, fromQuantiles, quantilesOf, timeLeft } from "./completion-times";

const tight = fromBrackets(Array.from({ length: 10 }, (_, i) => ({ lowMs: 20_000 + i * 1_000, highMs: 21_000 + i * 1_000 })));

describe("completion times", () => {
  it("spreads each take over its bracket: a take seen late adds no lag to the curve", () => {
    expect(tight.cdf(19_999)).toBe(0);
    expect(tight.cdf(25_000)).toBeCloseTo(0.5, 6);
    expect(tight.cdf(30_000)).toBe(1);
    expect(tight.quantile(0.5)).toBeCloseTo(25_000, -1);
    // A bracket 9 s wide that starts where the job was last seen running adds mass from there on, not at its end.
    const lagged = fromBrackets([{ lowMs: 20_000, highMs: 29_000 }]);
    expect(lagged.quantile(0.5)).toBeCloseTo(24_500, -1);
  });

  it("survives the trip to the browser as quantiles", () => {
    const again = fromQuantiles(quantilesOf(tight), tight.samples);
    for (const ms of [19_000, 21_000, 23_500, 25_000, 28_000, 31_000]) expect(again.cdf(ms)).toBeCloseTo(tight.cdf(ms), 2);
    for (const p of [0, 0.1, 0.5, 0.9, 1]) expect(again.quantile(p)).toBeCloseTo(tight.quantile(p), -2);
  });

  it("says how long is left, and when a take runs longer than usual", () => {
    expect(timeLeft(tight, 5_000)).toEqual({ kind: "left", ms: expect.closeTo(20_000, -2) });
    expect(describeTimeLeft(timeLeft(tight, 5_000))).toBe("about 20 s left");
    expect(describeTimeLeft(timeLeft(tight, 24_000))).toMatch(/^about [0-9]+ s left$/);
    expect(describeTimeLeft(timeLeft(tight, 29_800))).toBe("running longer than usual");
    expect(describeTimeLeft({ kind: "left", ms: 1_000 })).toBe("any moment now");
    expect(describeTimeLeft({ kind: "left", ms: 150_000 })).toBe("about 3 min left");
    expect(timeLeft(fromBrackets(tight.samples > 0 ? [{ lowMs: 1, highMs: 2 }] : []), 0)).toEqual({ kind: "unknown" });
    expect(describeTimeLeft(timeLeft(null, 0))).toBeNull();
  });
});
