import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { generationListSchema } from "@/shared/generation";
import { LIST_DEFAULT_LIMIT } from "@/shared/limits";
import { generationKeys } from "./keys";

export function listGenerations({ limit, cursor, signal }: { limit: number; cursor?: string | undefined; signal?: AbortSignal }) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`/api/generations?${params}`, { schema: generationListSchema, signal });
}

export const generationListQueryOptions = (limit = LIST_DEFAULT_LIMIT) =>
  infiniteQueryOptions({
    queryKey: generationKeys.list({ limit }),
    queryFn: ({ pageParam, signal }) => listGenerations({ limit, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
