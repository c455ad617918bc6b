import { describe, expect, it } from "vitest";
import { checkSpendLimits, nextUtcMidnight } from "./spend-limits";

const none = { runningPerUser: 0, runningStudio: 0, dailyPerUser: 0, dailyStudio: 0 };
const counts = { runningUser: 2, runningStudio: 5, todayUser: 9, todayStudio: 40 };
const NOW = Date.UTC(2026, 10, 21, 20, 30);

describe("checkSpendLimits", () => {
  it("lets everything through with no limits set", () => {
    expect(checkSpendLimits(none, counts, 4, NOW)).toBeNull();
  });
  it("names the running limit per person and when it frees up", () => {
    const hit = checkSpendLimits({ ...none, runningPerUser: 3 }, counts, 2, NOW);
    expect(hit).toMatchObject({ limit: "runningPerUser", resetsAt: null });
    expect(hit?.message).toMatch(/2 takes running.*at once is 3 \(2 more would go over\).*when one of them finishes/);
    expect(checkSpendLimits({ ...none, runningPerUser: 3 }, counts, 1, NOW)).toBeNull();
  });
  it("names the studio's running limit", () => {
    expect(checkSpendLimits({ ...none, runningStudio: 5 }, counts, 1, NOW)?.limit).toBe("runningStudio");
  });
  it("names the daily limits with the reset time", () => {
    const user = checkSpendLimits({ ...none, dailyPerUser: 9 }, counts, 1, NOW);
    expect(user).toMatchObject({ limit: "dailyPerUser", resetsAt: "2026-11-22T00:00:00.000Z" });
    expect(user?.message).toMatch(/in 3 h 30 min/);
    expect(checkSpendLimits({ ...none, dailyStudio: 41 }, counts, 2, NOW)?.limit).toBe("dailyStudio");
  });
  it("finds the next UTC midnight", () => {
    expect(new Date(nextUtcMidnight(Date.UTC(2026, 11, 31, 23, 59))).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});
