import { queryOptions } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { projectDetailSchema } from "@/shared/project";
import { projectKeys } from "./keys";

/** The board is shared: others add takes and circle them while it is open. */
export const BOARD_REFRESH_MS = 15_000;

export function getProject(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/projects/${encodeURIComponent(id)}`, { schema: projectDetailSchema, signal });
}

/** The project and its shots in order, with each shot's counts and circled take. */
export const projectQueryOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => getProject(id, signal),
    refetchInterval: BOARD_REFRESH_MS,
  });

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
