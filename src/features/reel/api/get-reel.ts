import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { isReelDone, reelSchema } from "@/shared/reel";
import { reelKeys } from "./keys";

/** How often a reel being cut is asked after: its progress moves by the second. */
export const REEL_POLL_MS = 1000;

export function getReel(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/reels/${encodeURIComponent(id)}`, { schema: reelSchema, signal });
}

/** Polls while the reel is queued or rendering; the interval turns to `false` once it is done. */
export const reelQueryOptions = (id: string) =>
  queryOptions({
    queryKey: reelKeys.detail(id),
    queryFn: ({ signal }) => getReel(id, signal),
    refetchInterval: (query) => (query.state.data && isReelDone(query.state.data.status) ? false : REEL_POLL_MS),
  });
