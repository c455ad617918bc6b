import { infiniteQueryOptions, keepPreviousData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { generationListSchema } from "@/shared/generation";
import type { GenerationFilters } from "@/shared/generation";
import { LIST_DEFAULT_LIMIT } from "@/shared/limits";
import { generationKeys } from "./keys";
import type { GenerationListFilters } from "./keys";

type ListArgs = { filters: GenerationListFilters; cursor?: string | undefined; signal?: AbortSignal };

export function listGenerations({ filters, cursor, signal }: ListArgs) {
  const params = new URLSearchParams({ limit: String(filters.limit) });
  if (cursor) params.set("cursor", cursor);
  for (const [name, value] of Object.entries(filters)) {
    if (name !== "limit" && value !== undefined && value !== "") params.set(name, String(value));
  }
  return apiFetch(`/api/generations?${params}`, { schema: generationListSchema, signal });
}

/** Newest first, a page per cursor; changing filters keeps the old grid up until the new one lands. */
export const generationListQueryOptions = (filters: GenerationFilters = {}, limit = LIST_DEFAULT_LIMIT) => {
  const listFilters: GenerationListFilters = { ...filters, limit };
  return infiniteQueryOptions({
    queryKey: generationKeys.list(listFilters),
    queryFn: ({ pageParam, signal }) => listGenerations({ filters: listFilters, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
};
