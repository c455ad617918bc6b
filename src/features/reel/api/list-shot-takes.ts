import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { LIST_MAX_LIMIT } from "@/shared/limits";
import { takeListSchema } from "@/shared/take";
import { reelKeys } from "./keys";

/** The completed takes of a shot, newest first: what could go on the reel for it (a shot has a handful, so one page). */
export const shotTakesQueryOptions = (shotId: string) =>
  queryOptions({
    queryKey: reelKeys.shotTakes(shotId),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ shotId, status: "completed", limit: String(LIST_MAX_LIMIT) });
      return apiFetch(`/api/generations?${params}`, { schema: takeListSchema, signal });
    },
  });
