import type { z } from "zod";
import { apiErrorSchema } from "@/shared/api-error";

export const UNREACHABLE_MESSAGE = "Can't reach the Dailies server. Check that it is running.";

/** A failed BFF call, carrying the server's own code, sentence and per-field messages. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type ApiFetchOptions<T> = {
  schema: z.ZodType<T>;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
};

/** The one way the SPA talks to the BFF: JSON in, zod-parsed JSON out, `ApiError` on failure. */
export async function apiFetch<T>(path: string, { schema, method = "GET", body, signal }: ApiFetchOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
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
    throw new ApiError(0, "network_error", UNREACHABLE_MESSAGE);
  }

  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, json);

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "unexpected_response",
      "The server sent an answer this page doesn't understand. Reload the page; if it keeps happening, the app and server are out of step.",
    );
  }
  return parsed.data;
}

/** Multipart upload of one file under the form field `file`. */
export function apiUpload<T>(path: string, file: File, { schema, signal }: { schema: z.ZodType<T>; signal?: AbortSignal }) {
  const form = new FormData();
  form.append("file", file);
  return apiFetch(path, { schema, method: "POST", body: form, signal });
}

function toApiError(status: number, json: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(json);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message, fields);
  }
  if (status >= 500) {
    return new ApiError(status, "server_error", `The Dailies server failed (HTTP ${status}). Try again in a moment.`);
  }
  return new ApiError(status, "unexpected_error", `The request was refused (HTTP ${status}).`);
}
