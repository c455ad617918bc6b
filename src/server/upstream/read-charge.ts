/**
 * Readers for the AI/ML API's tracing and cost fields (the contract's "Cost and tracing"),
 * documented but not checked against the live service: every field is optional, and anything
 * unreadable is null ("not known"), never zero.
 */

/** What a reply's tracing and cost headers said; null where a header was missing or unreadable. */
export type ReplyCharge = { inferenceId: string | null; credits: number | null; usd: number | null };

/** One row of `GET /v2/logs`, as far as Dailies reads it. */
export type RequestLogRow = { clientRequestId: string | null; inferenceId: string | null; status: "succeeded" | "failed" | null; createdAt: number | null; credits: number | null; usd: number | null };

export type RequestLogPage = { rows: RequestLogRow[]; hasMore: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A non-negative figure from a header or a JSON field ("0.001240000", 500000), else null. */
function amount(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== "string" || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  return Number(value);
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

export function readCharge(headers: Headers): ReplyCharge {
  const credits = amount(headers.get("x-aimlapi-credits-used"));
  return {
    inferenceId: text(headers.get("x-inference-id")),
    credits: credits === null ? null : Math.round(credits),
    usd: amount(headers.get("x-aimlapi-usd-spent")),
  };
}

function readRow(value: unknown): RequestLogRow | null {
  if (!isRecord(value)) return null;
  const cost = isRecord(value.cost) ? value.cost : {};
  const created = text(value.created);
  const time = created === null ? NaN : Date.parse(created);
  const status = value.status === "succeeded" || value.status === "failed" ? value.status : null;
  return {
    clientRequestId: text(value.client_request_id),
    inferenceId: text(value.inference_id),
    status,
    createdAt: Number.isNaN(time) ? null : time,
    credits: amount(cost.credits),
    usd: amount(cost.usd),
  };
}

/** A page of `GET /v2/logs`; `hasMore` only when the reply says so (an unreadable page ends the paging). */
export function parseLogPage(json: unknown): RequestLogPage {
  if (!isRecord(json) || !Array.isArray(json.data)) return { rows: [], hasMore: false };
  const rows = json.data.map(readRow).filter((row): row is RequestLogRow => row !== null);
  const pagination = isRecord(json.pagination) ? json.pagination : {};
  return { rows, hasMore: pagination.has_more === true };
}

/** `GET /v2/usage`: the key's spend in USD and its charged requests over a window; null where unreadable. */
export type UsageTotals = { usd: number | null; requests: number | null; currency: string | null };

export function parseUsageTotals(json: unknown): UsageTotals {
  if (!isRecord(json)) return { usd: null, requests: null, currency: null };
  const requests = amount(json.requests);
  return { usd: amount(json.spend), requests: requests !== null && Number.isInteger(requests) ? requests : null, currency: text(json.currency) };
}
