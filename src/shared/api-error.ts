import { z } from "zod";

/**
 * Who may read a failed take's `detail`: "everyone" for the provider's words or ours,
 * "operator" for low-level reasons (addresses, stack traces) that stay in the log and the
 * database and never go on the wire.
 */
export type DetailAudience = "everyone" | "operator";

type ErrorSpec = {
  code: string;
  /** The status when the code answers a request; null when only a take fails with it. */
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 429 | 500 | 502 | 503 | null;
  /** A take failed with it may succeed with the same settings (the SPA offers "Retry"). */
  retryable: boolean;
  detail: DetailAudience;
};

/** The one list of error codes: every code the BFF answers or a take fails with comes from here. */
const ERRORS = {
  validation: { code: "validation_failed", status: 400, retryable: false, detail: "everyone" },
  badRequest: { code: "bad_request", status: 400, retryable: false, detail: "everyone" },
  notFound: { code: "not_found", status: 404, retryable: true, detail: "everyone" },
  malformedJson: { code: "malformed_json", status: 400, retryable: false, detail: "everyone" },
  unsupportedContentType: { code: "unsupported_content_type", status: 415, retryable: false, detail: "everyone" },
  payloadTooLarge: { code: "payload_too_large", status: 413, retryable: false, detail: "everyone" },
  unsupportedImage: { code: "unsupported_image", status: 422, retryable: false, detail: "everyone" },
  stillRunning: { code: "still_running", status: 409, retryable: false, detail: "everyone" },
  notCompleted: { code: "not_completed", status: 409, retryable: false, detail: "everyone" },
  /** Another shot of the project already has this code (compared without case). */
  shotCodeTaken: { code: "shot_code_taken", status: 409, retryable: false, detail: "everyone" },
  /** A project or shot that still holds takes: they are never deleted along with it. */
  hasTakes: { code: "has_takes", status: 409, retryable: false, detail: "everyone" },
  /** A reel asked for with no shot that has a circled or chosen take. */
  reelEmpty: { code: "reel_empty", status: 400, retryable: false, detail: "everyone" },
  /** A reel whose render did not finish (ffmpeg failed, a take went missing, the studio restarted). */
  reelFailed: { code: "reel_failed", status: null, retryable: true, detail: "everyone" },
  upstreamAuth: { code: "upstream_auth", status: 502, retryable: false, detail: "everyone" },
  upstreamCredits: { code: "upstream_out_of_credits", status: 502, retryable: false, detail: "everyone" },
  upstreamRateLimited: { code: "upstream_rate_limited", status: 429, retryable: true, detail: "everyone" },
  upstreamBadInput: { code: "upstream_bad_input", status: 422, retryable: false, detail: "everyone" },
  upstreamUnavailable: { code: "upstream_unavailable", status: 502, retryable: true, detail: "everyone" },
  /** A create that may have started a paid job: never resent on its own. */
  outcomeUnknown: { code: "outcome_unknown", status: 502, retryable: true, detail: "everyone" },
  safetyInput: { code: "safety_input", status: null, retryable: false, detail: "everyone" },
  safetyOutput: { code: "safety_output", status: null, retryable: false, detail: "everyone" },
  badOutput: { code: "bad_output", status: null, retryable: true, detail: "everyone" },
  invalidAsset: { code: "invalid_asset", status: null, retryable: false, detail: "everyone" },
  upstreamInternal: { code: "upstream_internal", status: null, retryable: true, detail: "everyone" },
  generationFailed: { code: "generation_failed", status: null, retryable: true, detail: "everyone" },
  deadlineExceeded: { code: "deadline_exceeded", status: null, retryable: true, detail: "everyone" },
  archiveFailed: { code: "archive_failed", status: null, retryable: true, detail: "everyone" },
  submitInterrupted: { code: "submit_interrupted", status: null, retryable: true, detail: "everyone" },
  /** A model the provider refused as retired or unknown, or that MODELS_ENABLED leaves out: nothing is sent. */
  modelUnavailable: { code: "model_unavailable", status: 409, retryable: false, detail: "everyone" },
  /** An ambiguous create the provider's usage log shows never arrived: nothing was charged. */
  notReceived: { code: "not_received", status: null, retryable: true, detail: "everyone" },
  /** A batch's later take that never left the studio because an earlier one was refused. */
  notSent: { code: "not_sent", status: null, retryable: true, detail: "everyone" },
  internal: { code: "internal_error", status: 500, retryable: true, detail: "operator" },
  unauthenticated: { code: "unauthenticated", status: 401, retryable: false, detail: "everyone" },
  crossSite: { code: "cross_site_refused", status: 403, retryable: false, detail: "everyone" },
  forbidden: { code: "forbidden", status: 403, retryable: false, detail: "everyone" },
  limitReached: { code: "limit_reached", status: 429, retryable: false, detail: "everyone" },
  idempotencyKeyReused: { code: "idempotency_key_reused", status: 422, retryable: false, detail: "everyone" },
  misdirected: { code: "misdirected_request", status: 421, retryable: false, detail: "everyone" },
  noSignIn: { code: "no_sign_in", status: 409, retryable: false, detail: "everyone" },
  wrongPassword: { code: "wrong_password", status: 401, retryable: false, detail: "everyone" },
  tooManyAttempts: { code: "too_many_attempts", status: 429, retryable: false, detail: "everyone" },
  signInBusy: { code: "sign_in_busy", status: 503, retryable: false, detail: "everyone" },
  badProxyHeader: { code: "bad_proxy_header", status: 400, retryable: false, detail: "everyone" },
} as const satisfies Record<string, ErrorSpec>;

type Errors = typeof ERRORS;
export type ErrorCode = Errors[keyof Errors]["code"];

/** Each code by the name code uses for it: `ERROR_CODES.notFound` is `"not_found"`. */
export const ERROR_CODES = Object.fromEntries(Object.entries(ERRORS).map(([name, spec]) => [name, spec.code])) as {
  readonly [K in keyof Errors]: Errors[K]["code"];
};

const SPECS = new Map<string, ErrorSpec>(Object.values(ERRORS).map((spec) => [spec.code, spec]));

export const errorSpec = (code: ErrorCode): Readonly<ErrorSpec> => SPECS.get(code)!;

export const isErrorCode = (value: string): value is ErrorCode => SPECS.has(value);

export const errorCodeSchema = z.enum(Object.values(ERRORS).map((spec) => spec.code) as [ErrorCode, ...ErrorCode[]]);

/** Every BFF error body: `{"error": {"code", "message", "fields"?}}`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
