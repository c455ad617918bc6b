import { ERROR_CODES } from "../../shared/api-error";

/**
 * Failures that trying the same settings again may get past. The rest need a change first:
 * a different image or prompt (safety, invalid asset, bad input) or the operator (key, credits).
 */
const RETRYABLE: ReadonlySet<string> = new Set([
  "upstream_internal",
  "bad_output",
  "submit_interrupted",
  "outcome_unknown",
  "not_sent",
  ERROR_CODES.upstreamUnavailable,
  ERROR_CODES.upstreamRateLimited,
  ERROR_CODES.deadlineExceeded,
  ERROR_CODES.archiveFailed,
  ERROR_CODES.generationFailed,
  ERROR_CODES.notFound,
  ERROR_CODES.internal,
]);

export function isRetryable(code: string): boolean {
  return RETRYABLE.has(code);
}
