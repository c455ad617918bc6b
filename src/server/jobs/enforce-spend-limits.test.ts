import { describe, expect, it } from "vitest";
import { HttpError } from "../http/http-error";
import type { SpendCounts } from "../store/spend-counts";
import { withinSpendLimits } from "./enforce-spend-limits";
import { startOfUtcDay } from "./spend-limits";

const none = { runningPerUser: 0, runningStudio: 0, dailyPerUser: 0, dailyStudio: 0 };
const counts: SpendCounts = { runningUser: 3, runningStudio: 3, todayUser: 3, todayStudio: 3, monthUserUsd: 4, monthStudioUsd: 9 };
const noBudget = { budgets: { monthlyPerUserUsd: 0, monthlyStudioUsd: 0 }, askingUsd: 0 };

/** Runs the admission check against fixed counts; returns what it threw, or null. */
async function admit(limits: typeof none, asking: number, budget = noBudget) {
  const asked: [string, number][] = [];
  try {
    await withinSpendLimits(limits, "ana@studio", asking, budget)(async (author, since) => {
      asked.push([author, since]);
      return counts;
    });
    return { thrown: null, asked };
  } catch (error) {
    return { thrown: error, asked };
  }
}

describe("withinSpendLimits", async () => {
  it("admits takes that reach a limit exactly", async () => {
    expect((await admit({ ...none, runningPerUser: 4 }, 1)).thrown).toBeNull();
    expect((await admit({ ...none, dailyStudio: 5 }, 2)).thrown).toBeNull();
  });

  it("refuses one take over a limit with a 429 naming it", async () => {
    const { thrown } = await admit({ ...none, runningPerUser: 4 }, 2);
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ code: "limit_reached", status: 429, message: expect.stringMatching(/You have 3 takes running.*at once is 4 \(2 more would go over\)/) });
    expect((await admit({ ...none, dailyStudio: 5 }, 3)).thrown).toMatchObject({ code: "limit_reached", message: expect.stringMatching(/daily cap is 5/) });
  });

  it("counts the asker's takes since the start of today (UTC)", async () => {
    const before = Date.now();
    const { asked } = await admit(none, 1);
    expect(asked).toHaveLength(1);
    expect(asked[0]![0]).toBe("ana@studio");
    expect([startOfUtcDay(before), startOfUtcDay(Date.now())]).toContain(asked[0]![1]);
  });
});
