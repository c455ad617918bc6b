import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_CODES, errorSpec, type ErrorCode } from "../../shared/api-error";
import type { UpstreamError } from "../upstream/upstream-error";

type Options = {
  /** Defaults to the code's status in the table (500 for a code that only fails takes). */
  status?: ContentfulStatusCode;
  fields?: Record<string, string>;
};

/** An error the BFF answers with as `{"error": {"code", "message", "fields"?}}`. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly fields: Record<string, string> | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: Options = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = options.status ?? errorSpec(code).status ?? 500;
    this.fields = options.fields;
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/** The error for one bad field: its message is the answer's message and the field's. */
export function fieldError(field: string, message: string, code: ErrorCode = ERROR_CODES.validation, options: Pick<Options, "status"> = {}): HttpError {
  return new HttpError(code, message, { ...options, fields: { [field]: message } });
}

/** A create the upstream refused, as the request's answer. */
export function upstreamRefusal(error: UpstreamError): HttpError {
  return new HttpError(error.code, error.message, { status: error.responseStatus });
}
