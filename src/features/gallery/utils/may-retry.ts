import { ERROR_CODES } from "@/shared/api-error";
import type { Take } from "@/shared/take";

/**
 * A failure worth another go: one the error table calls retryable, or a model found gone (the
 * retry then uses the closest available model, or the same one once it is back).
 */
export function mayRetry(take: Take): boolean {
  return take.status === "failed" && (take.error?.retryable === true || take.error?.code === ERROR_CODES.modelUnavailable);
}
