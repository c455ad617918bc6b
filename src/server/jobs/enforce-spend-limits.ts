import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import type { GenerationsStore } from "../store/generations-store";
import { checkSpendLimits, startOfUtcDay, type SpendLimits } from "./spend-limits";

/** Who asks for a take, and how to recognise a repeat of the same request. */
export type TakeRequest = { author: string; idempotencyKey: string | null; fingerprint: string | null; sourceId?: string | null };

/**
 * Throws 429 naming the limit when `asking` more takes would break one. Callers insert the
 * takes right after, with no `await` in between: Node runs the check and the insert as one
 * uninterrupted step, so two racing submits can't both take the last slot.
 */
export function enforceSpendLimits(deps: { store: GenerationsStore; limits: SpendLimits }, author: string, asking: number): void {
  const now = Date.now();
  const hit = checkSpendLimits(deps.limits, deps.store.spendCounts(author, startOfUtcDay(now)), asking, now);
  if (hit) throw new HttpError(ERROR_CODES.limitReached, hit.message);
}
