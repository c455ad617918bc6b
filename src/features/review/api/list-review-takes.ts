import { queryOptions } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { LIST_MAX_LIMIT } from "@/shared/limits";
import { takeListSchema, takeSchema } from "@/shared/take";
import type { Take } from "@/shared/take";
import { reviewKeys } from "./keys";

/** What a review session goes through: a selection (in its order), or what a filter of the list finds. */
export type ReviewSource = { ids: string[] } | { filters: Record<string, string> };

/** A review session stops at this many takes; the page says when there were more. */
export const REVIEW_SESSION_MAX = 200;

export type ReviewSession = { takes: Take[]; missing: string[]; more: boolean };

async function selected(ids: string[], signal?: AbortSignal): Promise<ReviewSession> {
  const answers = await Promise.allSettled(
    ids.map((id) => apiFetch(`/api/generations/${encodeURIComponent(id)}`, { schema: takeSchema, signal })),
  );
  const takes: Take[] = [];
  const missing: string[] = [];
  answers.forEach((answer, i) => {
    if (answer.status === "fulfilled") takes.push(answer.value);
    else if (answer.reason instanceof ApiError && answer.reason.status === 404) missing.push(ids[i] ?? "");
    else throw answer.reason;
  });
  return { takes, missing, more: false };
}

async function filtered(filters: Record<string, string>, signal?: AbortSignal): Promise<ReviewSession> {
  const takes: Take[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...filters, limit: String(Math.min(LIST_MAX_LIMIT, REVIEW_SESSION_MAX)) });
    if (cursor) params.set("cursor", cursor);
    const page = await apiFetch(`/api/generations?${params}`, { schema: takeListSchema, signal });
    takes.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && takes.length < REVIEW_SESSION_MAX);
  return { takes: takes.slice(0, REVIEW_SESSION_MAX), missing: [], more: cursor !== null || takes.length > REVIEW_SESSION_MAX };
}

/**
 * Resolved once when the session opens and then held: circling a take under `review=unreviewed`
 * must not pull it out from under the reviewer (the session keeps each take's changes itself).
 */
export const reviewSessionQueryOptions = (source: ReviewSource) =>
  queryOptions({
    queryKey: reviewKeys.session(source),
    queryFn: ({ signal }) => ("ids" in source ? selected(source.ids, signal) : filtered(source.filters, signal)),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    // A session opened again later starts from the takes as they are then.
    gcTime: 0,
  });
