import { infiniteQueryOptions, keepPreviousData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { takeListSchema } from "@/shared/take";
import type { TakeFilters } from "@/shared/take";
import { LIST_DEFAULT_LIMIT } from "@/shared/limits";
import { takeKeys } from "./keys";
import type { TakeListFilters } from "./keys";

type ListArgs = { filters: TakeListFilters; cursor?: string | undefined; signal?: AbortSignal };

export function listTakes({ filters, cursor, signal }: ListArgs) {
  const params = new URLSearchParams({ limit: String(filters.limit) });
  if (cursor) params.set("cursor", cursor);
  for (const [name, value] of Object.entries(filters)) {
    if (name !== "limit" && value !== undefined && value !== "") params.set(name, String(value));
  }
  return apiFetch(`/api/generations?${params}`, { schema: takeListSchema, signal });
}

/** Newest first, a page per cursor; changing filters keeps the old grid up until the new one lands. */
export const takeListQueryOptions = (filters: TakeFilters = {}, limit = LIST_DEFAULT_LIMIT) => {
  const listFilters: TakeListFilters = { ...filters, limit };
  return infiniteQueryOptions({
    queryKey: takeKeys.list(listFilters),
    queryFn: ({ pageParam, signal }) => listTakes({ filters: listFilters, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
};
