import { queryOptions } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { takeSchema } from "@/shared/take";
import type { Take } from "@/shared/take";
import { takeKeys } from "./keys";
import type { CompletionTimes } from "@/shared/completion-times";
import { nextTakePollMs, offlineBackoffMs } from "../utils/poll-delay";

/** Before the first reply: the slow gap of the schedule. */
const FIRST_POLL_MS = 2000;

export function getTake(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, { schema: takeSchema, signal });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * Polls while the job runs, on the schedule of poll-delay.ts; the interval itself turns to
 * `false` once the status is terminal (or the take is gone), and backs off while the server
 * cannot be reached. `timesFor` says how long takes like it have taken, when the caller knows.
 */
export const takeQueryOptions = (id: string, timesFor: (take: Take) => CompletionTimes | null = () => null) =>
  queryOptions({
    queryKey: takeKeys.detail(id),
    queryFn: ({ signal }) => getTake(id, signal),
    refetchInterval: (query) => {
      const { data, error, fetchFailureCount } = query.state;
      if (isNotFound(error)) return false;
      const offline = offlineBackoffMs(query.state.fetchFailureReason, fetchFailureCount);
      if (offline !== null && !(data && nextTakePollMs(data, null) === false)) return offline;
      return data ? nextTakePollMs(data, timesFor(data)) : FIRST_POLL_MS;
    },
  });
