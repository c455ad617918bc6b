import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import type { StudioDeps } from "../studio";
import { checkSpendLimits, startOfUtcDay } from "./spend-limits";

/**
 * Throws 429 naming the limit when `asking` more takes would break one. Callers insert the
 * takes right after, with no `await` in between: Node runs the check and the insert as one
 * uninterrupted step, so two racing submits can't both take the last slot.
 */
export function enforceSpendLimits(deps: Pick<StudioDeps, "store" | "limits">, author: string, asking: number): void {
  const now = Date.now();
  const hit = checkSpendLimits(deps.limits, deps.store.spendCounts(author, startOfUtcDay(now)), asking, now);
  if (hit) throw new HttpError(ERROR_CODES.limitReached, hit.message);
}
