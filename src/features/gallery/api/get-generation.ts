import { queryOptions } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { generationSchema } from "@/shared/generation";
import type { Generation } from "@/shared/generation";
import { generationKeys } from "./keys";
import { nextTakePollMs } from "./poll-delay";

/** Before the first reply: the slow gap of the schedule. */
const FIRST_POLL_MS = 2000;

export function getGeneration(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, { schema: generationSchema, signal });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * Polls while the job runs, on the schedule of poll-delay.ts; the interval itself turns to
 * `false` once the status is terminal (or the take is gone). `learnedMs` says how long such a
 * take has been taking, when the caller knows.
 */
export const generationQueryOptions = (id: string, learnedMs: (generation: Generation) => number | null = () => null) =>
  queryOptions({
    queryKey: generationKeys.detail(id),
    queryFn: ({ signal }) => getGeneration(id, signal),
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (isNotFound(error)) return false;
      return data ? nextTakePollMs(data, learnedMs(data)) : FIRST_POLL_MS;
    },
  });
