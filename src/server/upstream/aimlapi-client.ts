import type { ModelId } from "../../shared/models";
import { ERROR_CODES } from "../../shared/api-error";
import { parsePollReply, type PollReply } from "./parse-reply";
import { UpstreamError, fromHttpStatus } from "./upstream-error";
import { parseLogPage, parseUsageTotals, readCharge } from "./read-charge";
import type { ReplyCharge, RequestLogPage, UsageTotals } from "./read-charge";

/** What the BFF asks for; image fields are HTTPS URLs or data URIs already. */
export type UpstreamCreate = {
  model: ModelId;
  prompt: string;
  imageUrl: string;
  lastImageUrl: string | null;
  ratio: string;
  duration: number;
  seed: number;
};

export type UpstreamClient = {
  /** `clientRequestId` goes out as `X-Client-Request-Id` (the take's id), so the logs can find the request. */
  create(request: UpstreamCreate, clientRequestId: string): Promise<PollReply & { id: string; charge: ReplyCharge }>;
  /**
   * `otherFamilyOn404`: when this family's URL says 404, ask the other family's before giving up
   * (a take sent before AIMLAPI_ENDPOINTS changed was made there); one GET more, so the runner
   * asks it only on a poll that would fail the take.
   */
  poll(upstreamId: string, options?: { otherFamilyOn404?: boolean }): Promise<PollReply & { charge: ReplyCharge }>;
  /** One page of the usage log, newest first, for a window of epoch milliseconds. */
  requestLogs(window: { start: number; end: number; limit: number; offset: number }): Promise<RequestLogPage>;
  /** The key's spend and charged requests over a window of epoch milliseconds (`GET /v2/usage`). */
  usageTotals(window: { start: number; end: number }): Promise<UsageTotals>;
  /** The model catalogue with prices; with the ETag of the copy held, "not_modified" when it still holds. */
  catalogue(etag: string | null): Promise<{ status: "not_modified" } | { status: "ok"; etag: string | null; json: unknown }>;
};

/** The catalogue's id for each model: the vendor URL's `model` string. */
export function upstreamModelName(model: ModelId): string {
  return UPSTREAM_MODEL[model];
}

/** Whether a catalogue id names a model Dailies makes takes with (`gen3a_turbo` has no `runway/`). */
export function isModelUsedHere(catalogueId: string): boolean {
  return (Object.values(UPSTREAM_MODEL) as string[]).includes(catalogueId);
}

/** The documented alphabet and length of `X-Client-Request-Id`: anything else is dropped silently upstream. */
export function isClientRequestId(value: string): boolean {
  return /^[A-Za-z0-9._:-]{1,128}$/.test(value);
}

/** `vendor`: the Runway URL Dailies has always used; `universal`: the AI/ML API's newer one URL for every video model. */
export type EndpointFamily = "vendor" | "universal";

const LOGS_PATH = "/v2/logs";
const USAGE_PATH = "/v2/usage";
const CATALOGUE_PATH = "/v1/models?include=pricing";
const UPSTREAM_MODEL: Record<ModelId, string> = { gen4_turbo: "runway/gen4_turbo", gen3a_turbo: "gen3a_turbo" };

/** A create body with a family's names for the two fields the families name differently. */
function bodyNaming(names: { ratio: string; lastImage: string }) {
  return (request: UpstreamCreate): Record<string, unknown> => ({
    model: UPSTREAM_MODEL[request.model],
    image_url: request.imageUrl,
    ...(request.lastImageUrl ? { [names.lastImage]: request.lastImageUrl } : {}),
    ...(request.prompt ? { prompt: request.prompt } : {}),
    [names.ratio]: request.ratio,
    duration: request.duration,
    seed: request.seed,
  });
}

export const toVendorBody = bodyNaming({ ratio: "ratio", lastImage: "last_image_url" });
/** The universal family names two fields differently: `aspect_ratio` and `tail_image_url`. */
export const toUniversalBody = bodyNaming({ ratio: "aspect_ratio", lastImage: "tail_image_url" });

// The one place that knows each family's URL and field names; replies are read the same way
// for both (parse-reply.ts already takes `video: {url}` and `meta.usage.credits_used`).
const FAMILY: Record<EndpointFamily, { path: string; body: (request: UpstreamCreate) => Record<string, unknown> }> = {
  vendor: { path: "/v2/generate/video/runway/generation", body: toVendorBody },
  universal: { path: "/v2/video/generations", body: toUniversalBody },
};

/**
 * A 404 on a create is not "no such generation": either the model is gone (the detail names
 * it; model-availability.ts reads that) or the URL is, as on the day a family is switched off.
 */
function createNotFound(error: UpstreamError, path: string, other: EndpointFamily): UpstreamError {
  return new UpstreamError(
    "http",
    ERROR_CODES.upstreamUnavailable,
    `The AI/ML API answered 404 to a create at ${path}. If it has switched that URL off, set AIMLAPI_ENDPOINTS=${other} and restart.`,
    404,
    error.detail,
  );
}

// Errors that mean no connection was ever made: the request cannot have been received.
const CONNECT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

function neverConnected(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  // Stryker disable next-line OptionalChaining,ArrayDeclaration,ArrowFunction: fetch's network errors always have a cause, and Node puts an AggregateError's first code on it too
  const codes = [cause?.code, ...(cause?.errors ?? []).map((e) => e.code)];
  // Stryker disable next-line MethodExpression,LogicalOperator,ConditionalExpression: Node gives one code, where some and every agree; undefined is in no set
  return codes.some((code) => code !== undefined && CONNECT_CODES.has(code));
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

// A create or poll reply is a few hundred bytes; anything near this is not a reply to read.
const MAX_REPLY_BYTES = 1024 * 1024;

/**
 * The body as text, read chunk by chunk and abandoned past the cap whatever Content-Length
 * claims: null when too large, "" when it broke off.
 */
async function readCappedText(response: Response): Promise<string | null> {
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement,LogicalOperator: only spares reading the body; the streamed cap below refuses the same replies
  if (Number(response.headers.get("content-length") ?? "0") > MAX_REPLY_BYTES) {
    // Stryker disable next-line OptionalChaining: a reply announcing over 1 MB has a body
    await response.body?.cancel().catch(() => {});
    return null;
  }
  // Stryker disable next-line ConditionalExpression: without a body getReader() throws, and the caller reads that as "" too
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_REPLY_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(read.value, { stream: true });
  }
  return text + decoder.decode();
}

function errorDetail(body: unknown, text: string): string | null {
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string") {
    const extra = "errors" in body && Array.isArray(body.errors)
      ? body.errors.map((e) => (e && typeof e === "object" && "message" in e ? String(e.message) : "")).filter(Boolean).join("; ")
      : "";
    return extra ? `${body.message} ${extra}` : body.message;
  }
  return text ? text.slice(0, 300) : null;
}

export function createAimlapiClient(options: { baseUrl: string; apiKey: string; timeoutMs: number; endpoints?: EndpointFamily }): UpstreamClient {
  const familyName = options.endpoints ?? "vendor";
  const otherName: EndpointFamily = familyName === "vendor" ? "universal" : "vendor";
  const family = FAMILY[familyName];
  const otherFamily = FAMILY[otherName];
  /** `start` and `end` of a window of epoch milliseconds, as the usage endpoints take them. */
  const windowQuery = (window: { start: number; end: number }) => ({ start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() });
  // Upstream text can echo the request (and so the key); it is scrubbed before it goes anywhere.
  const scrub = (text: string | null) => (text === null ? null : text.split(options.apiKey).join("[redacted]"));

  async function call(method: "GET" | "POST", url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<{ json: unknown; headers: Headers; status: number }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...extraHeaders,
        },
        // Stryker disable next-line ConditionalExpression: JSON.stringify(undefined) is undefined
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      // Stryker disable next-line LogicalOperator,ConditionalExpression: fetch rejects with a DOMException only for its timeout signal
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      throw new UpstreamError(
        timedOut ? "timeout" : neverConnected(error) ? "connect" : "network",
        ERROR_CODES.upstreamUnavailable,
        timedOut
          ? "The AI/ML API did not answer in time. Try again in a few minutes."
          : "Can't reach the AI/ML API. Check the network or AIMLAPI_BASE_URL.",
        null,
        scrub(error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : String(error)),
      );
    }
    // A conditional GET whose copy still holds: no body to read.
    if (response.status === 304) {
      await response.body?.cancel().catch(() => {});
      return { json: null, headers: response.headers, status: 304 };
    }
    // Stryker disable next-line ArrowFunction: undefined and "" read the same below
    const capped = await readCappedText(response).catch(() => "");
    if (capped === null && response.ok) {
      throw new UpstreamError(
        "bad_reply",
        ERROR_CODES.upstreamUnavailable,
        `The AI/ML API sent a reply over ${MAX_REPLY_BYTES / 1024 / 1024} MB; Dailies does not read replies that large.`,
        response.status,
        null,
      );
    }
    const text = capped ?? "";
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: json stays undefined.
    }
    if (!response.ok) {
      throw fromHttpStatus(response.status, scrub(errorDetail(json, text)), retryAfterMs(response.headers.get("retry-after")));
    }
    if (json === undefined) {
      throw new UpstreamError("bad_reply", ERROR_CODES.upstreamUnavailable, "The AI/ML API sent a reply that isn't JSON.", response.status, scrub(text.slice(0, 300)));
    }
    return { json, headers: response.headers, status: response.status };
  }

  return {
    async create(request, clientRequestId) {
      const tag: Record<string, string> = isClientRequestId(clientRequestId) ? { "x-client-request-id": clientRequestId } : {};
      const { json, headers } = await call("POST", `${options.baseUrl}${family.path}`, family.body(request), tag).catch((error: unknown) => {
        throw error instanceof UpstreamError && error.httpStatus === 404 ? createNotFound(error, family.path, otherName) : error;
      });
      const reply = parsePollReply(json);
      if (!reply.id) {
        throw new UpstreamError("bad_reply", ERROR_CODES.upstreamUnavailable, "The AI/ML API accepted the request but sent no generation id.", null, null);
      }
      return { ...reply, id: reply.id, charge: readCharge(headers) };
    },
    async poll(upstreamId, pollOptions = {}) {
      const at = (path: string) => call("GET", `${options.baseUrl}${path}?generation_id=${encodeURIComponent(upstreamId)}`);
      const { json, headers } = await at(family.path).catch(async (error: unknown) => {
        // A take sent before AIMLAPI_ENDPOINTS changed was made on the other family's URL: ask
        // there before "not found" fails a take that was paid for.
        if (!(pollOptions.otherFamilyOn404 && error instanceof UpstreamError && error.httpStatus === 404)) throw error;
        return at(otherFamily.path).catch(() => {
          throw error;
        });
      });
      return { ...parsePollReply(json), charge: readCharge(headers) };
    },
    async requestLogs(window) {
      const query = new URLSearchParams({ ...windowQuery(window), limit: String(window.limit), offset: String(window.offset) });
      const { json } = await call("GET", `${options.baseUrl}${LOGS_PATH}?${query}`);
      return parseLogPage(json);
    },
    async usageTotals(window) {
      const query = new URLSearchParams(windowQuery(window));
      const { json } = await call("GET", `${options.baseUrl}${USAGE_PATH}?${query}`);
      return parseUsageTotals(json);
    },
    async catalogue(etag) {
      const { json, headers, status } = await call("GET", `${options.baseUrl}${CATALOGUE_PATH}`, undefined, etag ? { "if-none-match": etag } : {});
      return status === 304 ? { status: "not_modified" } : { status: "ok", etag: headers.get("etag"), json };
    },
  };
}
