import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client";
import { projectQueryOptions } from "@/lib/project-queries";

/** The board is shared: others add takes and circle them while it is open. */
export const BOARD_REFRESH_MS = 15_000;

/** The project as its board follows it. */
export const boardQueryOptions = (id: string) => queryOptions({ ...projectQueryOptions(id), refetchInterval: BOARD_REFRESH_MS });

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
