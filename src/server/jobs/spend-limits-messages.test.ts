import { describe, expect, it } from "vitest";
import { checkSpendLimits, nextUtcMidnight, startOfUtcDay } from "./spend-limits";

const none = { runningPerUser: 0, runningStudio: 0, dailyPerUser: 0, dailyStudio: 0 };
const counts = { runningUser: 1, runningStudio: 5, todayUser: 9, todayStudio: 40 };
const at = (h: number, m: number, s = 0) => Date.UTC(2026, 10, 21, h, m, s);

describe("checkSpendLimits, at the edges", () => {
  it("lets a take through that reaches a limit exactly, and stops the one past it", () => {
    expect(checkSpendLimits({ ...none, runningPerUser: 3 }, counts, 2, at(12, 0))).toBeNull();
    expect(checkSpendLimits({ ...none, runningStudio: 6 }, counts, 1, at(12, 0))).toBeNull();
    expect(checkSpendLimits({ ...none, dailyPerUser: 10 }, counts, 1, at(12, 0))).toBeNull();
    expect(checkSpendLimits({ ...none, dailyStudio: 40 }, counts, 1, at(12, 0))?.limit).toBe("dailyStudio");
  });

  it("checks the running limits before the daily ones", () => {
    const all = { runningPerUser: 1, runningStudio: 1, dailyPerUser: 1, dailyStudio: 1 };
    expect(checkSpendLimits(all, counts, 1, at(12, 0))?.limit).toBe("runningPerUser");
    expect(checkSpendLimits({ ...all, runningPerUser: 0 }, counts, 1, at(12, 0))?.limit).toBe("runningStudio");
    expect(checkSpendLimits({ ...all, runningPerUser: 0, runningStudio: 0 }, counts, 1, at(12, 0))?.limit).toBe("dailyPerUser");
  });

  it("words each limit for one take: singular, and no 'more would go over'", () => {
    const one = { runningUser: 1, runningStudio: 1, todayUser: 1, todayStudio: 1 };
    const message = (limits: Partial<typeof none>) => checkSpendLimits({ ...none, ...limits }, one, 1, at(23, 15))?.message;
    expect(message({ runningPerUser: 1 })).toBe("You have 1 take running; the most one person may run at once is 1. Submit again when one of them finishes.");
    expect(message({ runningStudio: 1 })).toBe("The studio has 1 take running, its limit is 1. Submit again when one finishes.");
    expect(message({ dailyPerUser: 1 })).toBe("You have made 1 take today; the daily limit per person is 1. It resets at 00:00 UTC, in 45 min.");
    expect(message({ dailyStudio: 1 })).toBe("The studio has made 1 take today; its daily cap is 1. It resets at 00:00 UTC, in 45 min.");
  });

  it("says how many more would go over for a batch, and resets at the coming midnight", () => {
    const hit = checkSpendLimits({ ...none, dailyStudio: 41 }, counts, 3, at(12, 0));
    expect(hit).toEqual({
      limit: "dailyStudio",
      message: "The studio has made 40 takes today; its daily cap is 41 (3 more would go over). It resets at 00:00 UTC, in 12 h 0 min.",
      resetsAt: "2026-11-22T00:00:00.000Z",
    });
  });

  it("rounds the wait up to whole minutes, never saying 0", () => {
    const wait = (now: number) => checkSpendLimits({ ...none, dailyPerUser: 1 }, counts, 1, now)?.message.match(/in (.*)\.$/)?.[1];
    expect(wait(at(23, 59, 50))).toBe("1 min");
    expect(wait(at(22, 58, 30))).toBe("1 h 2 min");
    expect(wait(at(0, 0))).toBe("24 h 0 min");
  });
});

describe("UTC days", () => {
  it("starts a day at its own midnight and ends it at the next", () => {
    expect(new Date(startOfUtcDay(at(23, 59))).toISOString()).toBe("2026-11-21T00:00:00.000Z");
    expect(new Date(startOfUtcDay(at(0, 0))).toISOString()).toBe("2026-11-21T00:00:00.000Z");
    expect(new Date(nextUtcMidnight(at(0, 0))).toISOString()).toBe("2026-11-22T00:00:00.000Z");
  });
});
