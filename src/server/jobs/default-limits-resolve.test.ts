import { describe, expect, it } from "vitest";
import { resolveSpendLimits, type LimitSettings } from "./default-limits";

const unset: LimitSettings = { runningPerUser: undefined, runningStudio: undefined, dailyPerUser: undefined, dailyStudio: undefined };

describe("resolveSpendLimits", () => {
  it("with a real key and nothing set, starts bounded and names only the limits it defaulted", () => {
    expect(resolveSpendLimits(unset, true)).toEqual({
      limits: { runningPerUser: 4, runningStudio: 0, dailyPerUser: 0, dailyStudio: 200 },
      defaulted: ["runningPerUser", "dailyStudio"],
    });
  });

  it("keeps what the operator set, 0 included, and defaults only the rest", () => {
    expect(resolveSpendLimits({ ...unset, runningPerUser: 0, dailyPerUser: 30 }, true)).toEqual({
      limits: { runningPerUser: 0, runningStudio: 0, dailyPerUser: 30, dailyStudio: 200 },
      defaulted: ["dailyStudio"],
    });
  });

  it("the simulator spends nothing: no limit unless one is set, and nothing defaulted", () => {
    expect(resolveSpendLimits(unset, false)).toEqual({ limits: { runningPerUser: 0, runningStudio: 0, dailyPerUser: 0, dailyStudio: 0 }, defaulted: [] });
    expect(resolveSpendLimits({ ...unset, runningStudio: 2 }, false).limits).toEqual({ runningPerUser: 0, runningStudio: 2, dailyPerUser: 0, dailyStudio: 0 });
  });
});
