import type { Context } from "hono";
import type { Logger } from "pino";
import { bodyLimit } from "hono/body-limit";
import type { TakeRequest } from "../jobs/take-request";
import type { AppEnv } from "./app-env";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "./http-error";
import { requestFingerprint } from "../jobs/idempotent-replay";

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The limit of bodies that hold only a few words (projects, shots, notes). */
export const SMALL_JSON_KB = 16;

/** JSON bodies are small: images travel as uploads, never embedded. */
export const jsonBodyLimit = (maxSize = 64 * 1024, advice = "Upload images instead of embedding them.") =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError(ERROR_CODES.payloadTooLarge, `The request is larger than ${Math.round(maxSize / 1024)} KB. ${advice}`);
    },
  });

/** The limit of a project, shot or note body: a name, a code, a few sentences. */
export const smallJsonBody = () => jsonBodyLimit(SMALL_JSON_KB * 1024, "Projects, shots and notes hold a few sentences: shorten the text.");

/** A browser's key for one submit: a retried or doubled POST returns the first result. */
export function idempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new HttpError(ERROR_CODES.validation, "The Idempotency-Key header must be 8–100 letters, digits, '-' or '_'.");
  }
  return header;
}

/** The app's dependencies with the request's own logger, so its lines carry the request id. */
export function withRequestLog<D extends { log: Logger }>(deps: D, c: Context<AppEnv>): D {
  return { ...deps, log: c.get("log") ?? deps.log };
}

/** The asker and the repeat key of a request that creates takes, bound to its validated body. */
export function takeRequest(c: Context<AppEnv>, body: unknown): TakeRequest {
  const author = c.get("user").name;
  const key = idempotencyKey(c.req.header("idempotency-key"));
  return { author, idempotencyKey: key, fingerprint: key ? requestFingerprint(author, `${c.req.method} ${c.req.path}`, body) : null };
}
