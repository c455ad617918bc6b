import type { z } from "zod";
import { apiErrorSchema, type ErrorCode } from "@/shared/api-error";

/** Failures the page names itself, when no BFF answer says what went wrong. */
const CLIENT_ERROR_CODES = {
  unreachable: "network_error",
  unexpectedResponse: "unexpected_response",
  serverFailed: "server_error",
  refused: "unexpected_error",
} as const;
type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];

export const UNREACHABLE_MESSAGE = "Can't reach the Dailies server. Check that it is running.";

/** A failed BFF call, carrying the server's own code, sentence and per-field messages. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: Record<string, string>;

  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** The call got no answer at all (the server is down or the network is): not an error the server chose. */
export const isUnreachable = (error: unknown): boolean => error instanceof ApiError && error.code === CLIENT_ERROR_CODES.unreachable;

type ApiFetchOptions<T> = {
  schema: z.ZodType<T>;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** The one way the SPA talks to the BFF: JSON in, zod-parsed JSON out, `ApiError` on failure. */
export async function apiFetch<T>(path: string, { schema, method = "GET", body, headers: extra, signal }: ApiFetchOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...extra };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary itself
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, CLIENT_ERROR_CODES.unreachable, UNREACHABLE_MESSAGE);
  }

  const json: unknown = await response.json().catch(() => undefined);
  return readAnswer(response.status, json, schema);
}

/** The user stopped an upload: not a failure to report. */
export class UploadCancelledError extends Error {
  override readonly name = "UploadCancelledError";
  constructor() {
    super("The upload was cancelled.");
  }
}

type UploadOptions<T> = {
  schema: z.ZodType<T>;
  /** Fraction sent, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/**
 * Multipart upload of one file under the form field `file`. XMLHttpRequest, because fetch
 * reports no upload progress. Rejects with `ApiError` like `apiFetch`, or `UploadCancelledError`.
 */
export function uploadWithProgress<T>(path: string, file: File, { schema, onProgress, signal }: UploadOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UploadCancelledError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const settle = (finish: () => void) => {
      signal?.removeEventListener("abort", abort);
      finish();
    };
    xhr.open("POST", path);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () =>
      settle(() => {
        try {
          resolve(readAnswer(xhr.status, parseJson(xhr.responseText), schema));
        } catch (error) {
          reject(error);
        }
      });
    xhr.onerror = () => settle(() => reject(new ApiError(0, CLIENT_ERROR_CODES.unreachable, UNREACHABLE_MESSAGE)));
    xhr.onabort = () => settle(() => reject(new UploadCancelledError()));
    signal?.addEventListener("abort", abort, { once: true });
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readAnswer<T>(status: number, json: unknown, schema: z.ZodType<T>): T {
  if (status < 200 || status > 299) throw toApiError(status, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      status,
      CLIENT_ERROR_CODES.unexpectedResponse,
      "The server sent an answer this page doesn't understand. Reload the page; if it keeps happening, the app and server are out of step.",
    );
  }
  return parsed.data;
}

function toApiError(status: number, json: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(json);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message, fields);
  }
  if (status >= 500) {
    return new ApiError(status, CLIENT_ERROR_CODES.serverFailed, `The Dailies server failed (HTTP ${status}). Try again in a moment.`);
  }
  return new ApiError(status, CLIENT_ERROR_CODES.refused, `The request was refused (HTTP ${status}).`);
}
