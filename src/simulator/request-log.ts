import { randomUUID } from "node:crypto";
import type { Job } from "./jobs";
import { outcomeAt } from "./jobs";

/**
 * The AI/ML API's usage log (`GET /v2/logs`, see the contract's "Cost and tracing"): one row per
 * inference request that reached the provider, newest first. A create answered before it was
 * processed (the `http`, `reset` and `hang` faults) never reached it and has no row; a create
 * whose reply was lost after the job was made (`*-after-create`) has one, which is how a client
 * tells the two apart. Only creates are logged here: they are the billed requests and the only
 * ones a client tags with `X-Client-Request-Id`.
 */
export type LogRow = {
  created: string;
  status: "succeeded" | "failed";
  origin: "api";
  model: string;
  cost: { usd: number; credits: number };
  tokens: { input: number; output: number; total: number };
  request_id: string;
  inference_id: string | null;
  client_request_id: string | null;
};

/** `GET /v2/usage`'s reply (docs: service-endpoints/usage-v2.json). */
export type UsageTotals = { api_key_prefix: string | null; start: string; end: string; spend: number; currency: "USD"; requests: number };

type Entry = { at: number; model: string; job: Job | null; inferenceId: string | null; clientRequestId: string | null; requestId: string };

/** USD per credit: the contract's example row charges 0.25 USD as 500,000 credits. */
export const USD_PER_CREDIT = 0.25 / 500_000;

/** `X-Client-Request-Id`: 1–128 of `A–Z a–z 0–9 . _ : -`; anything else is dropped silently. */
export function validClientRequestId(value: string | undefined): string | null {
  return value !== undefined && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : null;
}

/** What a job has been charged by `now`: video charges post once it reports completed; a failed job is billed nothing. */
export function chargeOf(job: Job, now: number): { credits: number; usd: number } {
  if (outcomeAt(job, now).status !== "completed") return { credits: 0, usd: 0 };
  const credits = job.model.tokensUsed[job.duration] ?? 0;
  return { credits, usd: credits * USD_PER_CREDIT };
}

const PERIODS: Record<string, number> = { "24h": 24 * 3_600_000, "7d": 7 * 24 * 3_600_000 };
const MAX_WINDOW_MS = 92 * 24 * 3_600_000;
const RATE_LIMIT = 200;
const RATE_WINDOW_MS = 60_000;
/** Rows kept: a busy chaos or load run must not grow the simulator without bound. */
const MAX_ROWS = 20_000;

type Refusal = { status: 400 | 429; message: string; retryAfterSeconds?: number };

export function createRequestLog(now: () => number = Date.now) {
  const entries: Entry[] = [];
  let calls: number[] = [];

  function row(entry: Entry): LogRow {
    const failed = entry.job === null || outcomeAt(entry.job, now()).status === "error";
    const cost = entry.job ? chargeOf(entry.job, now()) : { credits: 0, usd: 0 };
    return {
      created: new Date(entry.at).toISOString(),
      status: failed ? "failed" : "succeeded",
      origin: "api",
      model: entry.model,
      cost,
      tokens: { input: 0, output: 0, total: 0 },
      request_id: entry.requestId,
      inference_id: entry.inferenceId,
      client_request_id: entry.clientRequestId,
    };
  }

  function windowOf(query: URLSearchParams): [number, number] | Refusal {
    const period = query.get("period");
    const start = query.get("start");
    const end = query.get("end");
    if (period !== null) {
      const span = PERIODS[period];
      if (span === undefined) return { status: 400, message: `period must be one of ${Object.keys(PERIODS).join(", ")}` };
      return [now() - span, now()];
    }
    if (start === null || end === null) return { status: 400, message: "Give period, or start and end (ISO-8601)" };
    const from = Date.parse(start);
    const to = Date.parse(end);
    if (Number.isNaN(from) || Number.isNaN(to)) return { status: 400, message: "start and end must be ISO-8601 dates" };
    if (to < from) return { status: 400, message: "end must not be before start" };
    if (to - from > MAX_WINDOW_MS) return { status: 400, message: "The window must not exceed 92 days" };
    return [from, to];
  }

  function rateLimited(): Refusal | null {
    const at = now();
    calls = calls.filter((t) => t > at - RATE_WINDOW_MS);
    if (calls.length >= RATE_LIMIT) return { status: 429, message: "Too Many Requests: rate limit exceeded", retryAfterSeconds: Math.ceil((calls[0]! + RATE_WINDOW_MS - at) / 1000) };
    calls.push(at);
    return null;
  }

  return {
    /** A create that reached the provider: `job` is null when it was refused (its row says failed). */
    add(entry: { model: string; job: Job | null; clientRequestId: string | null }): void {
      entries.unshift({ at: now(), inferenceId: entry.job?.id ?? randomUUID(), requestId: `req-${randomUUID()}`, ...entry });
      if (entries.length > MAX_ROWS) entries.length = MAX_ROWS;
    },

    query(query: URLSearchParams): { body: { data: LogRow[]; pagination: { limit: number; offset: number; total: number; has_more: boolean } } } | Refusal {
      const limited = rateLimited();
      if (limited) return limited;
      const statuses = query.getAll("status");
      if (statuses.some((s) => s.includes(","))) return { status: 400, message: "status must be repeated, not comma-joined" };
      if (statuses.some((s) => s !== "succeeded" && s !== "failed")) return { status: 400, message: "status must be succeeded or failed" };
      const limit = query.has("limit") ? Number(query.get("limit")) : 50;
      const offset = query.has("offset") ? Number(query.get("offset")) : 0;
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { status: 400, message: "limit must be a whole number from 1 to 100" };
      if (!Number.isInteger(offset) || offset < 0) return { status: 400, message: "offset must be a whole number from 0" };
      const window = windowOf(query);
      if (!Array.isArray(window)) return window;
      const models = query.getAll("model");
      const rows = entries
        .filter((e) => e.at >= window[0] && e.at <= window[1] && (models.length === 0 || models.includes(e.model)))
        .map(row)
        .filter((r) => statuses.length === 0 || statuses.includes(r.status));
      const data = rows.slice(offset, offset + limit);
      return { body: { data, pagination: { limit, offset, total: rows.length, has_more: offset + data.length < rows.length } } };
    },

    /** `GET /v2/usage`: the key's spend in USD and its charged requests over the same windows as the log. */
    usage(query: URLSearchParams): { body: UsageTotals } | Refusal {
      const limited = rateLimited();
      if (limited) return limited;
      const window = windowOf(query);
      if (!Array.isArray(window)) return window;
      let spend = 0;
      let requests = 0;
      for (const entry of entries) {
        if (entry.at < window[0] || entry.at > window[1] || !entry.job) continue;
        const { usd } = chargeOf(entry.job, now());
        spend += usd;
        if (usd > 0) requests += 1;
      }
      return {
        body: { api_key_prefix: null, start: new Date(window[0]).toISOString(), end: new Date(window[1]).toISOString(), spend: Math.round(spend * 1e6) / 1e6, currency: "USD", requests },
      };
    },
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
