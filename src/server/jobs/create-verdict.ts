import { ERROR_CODES } from "../../shared/api-error";
import { UpstreamError } from "../upstream/upstream-error";

/**
 * What a failed create means for the credits. "retry": the upstream certainly did not accept
 * it (no connection, 429, 503 maintenance), so sending it again can't charge twice.
 * "unknown": it may have been accepted (a timeout after sending, a reset, a gateway error, a
 * reply without an id), so it is never resent automatically. "refused": a definite no.
 */
export function createVerdict(error: UpstreamError): "retry" | "unknown" | "refused" {
  if (error.kind === "connect") return "retry";
  if (error.kind === "http") {
    if (error.httpStatus === 429 || error.httpStatus === 503) return "retry";
    // Stryker disable next-line ConditionalExpression: null >= 500 is false anyway; the null check is for the type checker
    if (error.httpStatus !== null && error.httpStatus >= 500) return "unknown";
    return "refused";
  }
  return "unknown";
}

/** What made a create ambiguous, in words that finish "The AI/ML API …". */
export function ambiguity(error: UpstreamError): string {
  if (error.kind === "bad_reply") return "accepted this take with a reply Dailies could not read";
  return error.kind === "timeout" ? "did not answer in time" : error.httpStatus ? `answered HTTP ${error.httpStatus}` : "dropped the connection";
}

/** The take's message when nothing, not even the usage log, tells whether a create started a paid job. */
export function outcomeUnknownMessage(what: string): string {
  return `The AI/ML API ${what} after receiving this take, so it may be generating (and charged) anyway. Dailies won't resend it on its own: check the provider's dashboard, then use Retry only if it isn't there.`;
}

/** The take's failure when a create may or may not have started a paid job. */
export function outcomeUnknown(error: UpstreamError): UpstreamError {
  return new UpstreamError(error.kind, ERROR_CODES.outcomeUnknown, outcomeUnknownMessage(ambiguity(error)), error.httpStatus, error.detail);
}
