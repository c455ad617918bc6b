import { ERROR_CODES, errorSpec, type ErrorCode } from "../../shared/api-error";

/** "connect": no connection was made, so the request certainly never reached the upstream. */
export type UpstreamErrorKind = "http" | "connect" | "network" | "timeout" | "bad_reply";

/** A failed call to the AI/ML API, already turned into words for the creator and the operator. */
export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly httpStatus: number | null,
    readonly detail: string | null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "UpstreamError";
  }

  /**
   * The status the BFF answers with when this error ends a request: the code's own when it
   * asks the creator for something (wait, change the input, choose another model), else 502. The provider not
   * knowing a path is its failure, not a missing resource of ours.
   */
  get responseStatus(): 409 | 413 | 422 | 429 | 502 {
    const status = errorSpec(this.code).status;
    return status === 409 || status === 413 || status === 422 || status === 429 ? status : 502;
  }
}

export function fromHttpStatus(status: number, detail: string | null, retryAfterMs: number | null): UpstreamError {
  const suffix = detail ? ` (${detail})` : "";
  switch (true) {
    case status === 401:
      return new UpstreamError("http", ERROR_CODES.upstreamAuth, "The AI/ML API refused the studio's key. The operator should check AIMLAPI_KEY.", status, detail);
    case status === 403:
      return new UpstreamError("http", ERROR_CODES.upstreamCredits, "The AI/ML API account is out of credits. The operator should top it up.", status, detail);
    case status === 413:
      return new UpstreamError("http", ERROR_CODES.payloadTooLarge, "The image is too large for the AI/ML API. Use a smaller image.", status, detail);
    case status === 429:
      return new UpstreamError("http", ERROR_CODES.upstreamRateLimited, "The AI/ML API is rate limiting the studio. Wait a minute and try again.", status, detail, retryAfterMs);
    case status === 400 || status === 422:
      return new UpstreamError("http", ERROR_CODES.upstreamBadInput, `The AI/ML API refused the request${suffix}. Change the input and try again.`, status, detail);
    case status === 404:
      return new UpstreamError("http", ERROR_CODES.notFound, "The AI/ML API does not know this generation.", status, detail);
    default:
      return new UpstreamError("http", ERROR_CODES.upstreamUnavailable, `The AI/ML API is having trouble (HTTP ${status}). Try again in a few minutes.`, status, detail, retryAfterMs);
  }
}
