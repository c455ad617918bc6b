import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import type { CountSpend } from "../store/spend-counts";
import { checkBudgets, startOfUtcMonth, type Budgets } from "./budgets";
import { checkSpendLimits, startOfUtcDay, type SpendLimits } from "./spend-limits";

/**
 * The admission check a store runs in the same transaction as the insert (see createTakes),
 * so two racing submits can't both take the last slot or the last of a budget: throws 429
 * naming the limit when `asking` more takes, expected to cost `askingUsd`, would break one.
 */
export function withinSpendLimits(limits: SpendLimits, author: string, asking: number, budget: { budgets: Budgets; askingUsd: number }): (count: CountSpend) => Promise<void> {
  return async (count) => {
    const now = Date.now();
    const counts = await count(author, startOfUtcDay(now), startOfUtcMonth(now));
    const hit = checkSpendLimits(limits, counts, asking, now);
    if (hit) throw new HttpError(ERROR_CODES.limitReached, hit.message);
    const over = checkBudgets(budget.budgets, { userUsd: counts.monthUserUsd, studioUsd: counts.monthStudioUsd }, budget.askingUsd, now);
    if (over) throw new HttpError(ERROR_CODES.limitReached, over);
  };
}
