import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import type { CountSpend } from "../store/spend-counts";
import { checkSpendLimits, startOfUtcDay, type SpendLimits } from "./spend-limits";

/**
 * The admission check a store runs in the same transaction as the insert (see createTakes),
 * so two racing submits can't both take the last slot: throws 429 naming the limit when
 * `asking` more takes would break one.
 */
export function withinSpendLimits(limits: SpendLimits, author: string, asking: number): (count: CountSpend) => void {
  return (count) => {
    const now = Date.now();
    const hit = checkSpendLimits(limits, count(author, startOfUtcDay(now)), asking, now);
    if (hit) throw new HttpError(ERROR_CODES.limitReached, hit.message);
  };
}
