import { z } from "zod";

/** Every BFF error body: `{"error": {"code", "message", "fields"?}}`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export const ERROR_CODES = {
  validation: "validation_failed",
  notFound: "not_found",
  malformedJson: "malformed_json",
  unsupportedContentType: "unsupported_content_type",
  payloadTooLarge: "payload_too_large",
  unsupportedImage: "unsupported_image",
  upstreamAuth: "upstream_auth",
  upstreamCredits: "upstream_out_of_credits",
  upstreamRateLimited: "upstream_rate_limited",
  upstreamBadInput: "upstream_bad_input",
  upstreamUnavailable: "upstream_unavailable",
  generationFailed: "generation_failed",
  deadlineExceeded: "deadline_exceeded",
  archiveFailed: "archive_failed",
  submitInterrupted: "submit_interrupted",
  internal: "internal_error",
  unauthenticated: "unauthenticated",
  crossSite: "cross_site_refused",
  forbidden: "forbidden",
  limitReached: "limit_reached",
  idempotencyKeyReused: "idempotency_key_reused",
  misdirected: "misdirected_request",
  noSignIn: "no_sign_in",
  wrongPassword: "wrong_password",
  tooManyAttempts: "too_many_attempts",
  signInBusy: "sign_in_busy",
  badProxyHeader: "bad_proxy_header",
} as const;
