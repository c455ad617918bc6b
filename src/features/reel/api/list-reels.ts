import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { reelListSchema } from "@/shared/reel";
import { reelKeys } from "./keys";

export function listReels(projectId: string, signal?: AbortSignal) {
  return apiFetch(`/api/projects/${encodeURIComponent(projectId)}/reels`, { schema: reelListSchema, signal });
}

/** A project's reels, newest first. */
export const reelListQueryOptions = (projectId: string) =>
  queryOptions({ queryKey: reelKeys.list(projectId), queryFn: ({ signal }) => listReels(projectId, signal) });
