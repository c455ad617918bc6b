import type { UpstreamClient } from "../upstream/aimlapi-client";
import type { RequestLogRow } from "../upstream/read-charge";

/**
 * Finds one create in the provider's usage log (`GET /v2/logs`) by the client request id it was
 * sent with (the take's id). The log has no filter by that id, so the window around the send is
 * paged, newest first, a bounded number of pages; a row whose `client_request_id` is null was
 * sent without one and never matches.
 *
 * "absent" only when every page of the window was read and none matched. A window too busy to
 * page within the bound proves nothing, and says so ("too_busy"), as does a log that can't be read.
 */
export type LookupResult = { kind: "found"; row: RequestLogRow } | { kind: "absent" } | { kind: "too_busy" };

/** Clocks differ: the window reaches this far either side of when the take was sent. */
export const LOOKUP_MARGIN_MS = 5 * 60_000;
export const LOOKUP_PAGE_SIZE = 100;
/** At most this many pages (1,000 rows) per lookup. */
export const LOOKUP_MAX_PAGES = 10;

export async function findRequest(
  client: Pick<UpstreamClient, "requestLogs">,
  clientRequestId: string,
  sentAt: number,
  now: number,
  /** Waits for the rate limit before each call. */
  pace: () => Promise<void>,
): Promise<LookupResult> {
  const window = { start: sentAt - LOOKUP_MARGIN_MS, end: now + LOOKUP_MARGIN_MS, limit: LOOKUP_PAGE_SIZE };
  for (let page = 0; page < LOOKUP_MAX_PAGES; page++) {
    await pace();
    const { rows, hasMore } = await client.requestLogs({ ...window, offset: page * LOOKUP_PAGE_SIZE });
    const row = rows.find((r) => r.clientRequestId === clientRequestId);
    if (row) return { kind: "found", row };
    if (!hasMore) return { kind: "absent" };
  }
  return { kind: "too_busy" };
}

/**
 * Spaces calls to the usage log so the studio stays under its documented limit (200 per 60 s)
 * however many takes are being checked: one call at most every `gapMs`.
 */
export function createPacer(
  gapMs: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
) {
  let next = 0;
  return async function pace(): Promise<void> {
    const at = Math.max(now(), next);
    next = at + gapMs;
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  };
}

/** 60 s / 200 calls = 300 ms; 400 ms leaves room for the other tools that share the key. */
export const LOGS_CALL_GAP_MS = 400;
