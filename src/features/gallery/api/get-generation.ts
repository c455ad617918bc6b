import { queryOptions } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { generationSchema } from "@/shared/generation";
import { isTerminal } from "@/shared/status";
import { generationKeys } from "./keys";

export const POLL_INTERVAL_MS = 2000;

export function getGeneration(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, { schema: generationSchema, signal });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Polls while the job runs; the interval itself turns to `false` once the status is terminal (or the take is gone). */
export const generationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: generationKeys.detail(id),
    queryFn: ({ signal }) => getGeneration(id, signal),
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (isNotFound(error)) return false;
      return data && isTerminal(data.status) ? false : POLL_INTERVAL_MS;
    },
  });
