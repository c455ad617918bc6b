import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { LIST_MAX_LIMIT } from "@/shared/limits";
import { isTerminal } from "@/shared/status";
import { takeListSchema } from "@/shared/take";
import { BOARD_REFRESH_MS } from "./get-project";
import { projectKeys } from "./keys";

/** While a take of the row renders, the row follows it more closely. */
const RUNNING_REFRESH_MS = 4000;

export function listShotTakes(shotId: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ shotId, limit: String(LIST_MAX_LIMIT) });
  return apiFetch(`/api/generations?${params}`, { schema: takeListSchema, signal });
}

/** One shot's takes (its first page: a shot rarely holds more than a hundred). */
export const shotTakesQueryOptions = (shotId: string) =>
  queryOptions({
    queryKey: projectKeys.shotTake(shotId),
    queryFn: ({ signal }) => listShotTakes(shotId, signal),
    refetchInterval: (query) => (query.state.data?.items.some((take) => !isTerminal(take.status)) ? RUNNING_REFRESH_MS : BOARD_REFRESH_MS),
  });
