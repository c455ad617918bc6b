import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { uploadListSchema } from "@/shared/api";
import { LIST_DEFAULT_LIMIT } from "@/shared/limits";
import { generateKeys } from "./keys";

export function listUploads({ limit, cursor, signal }: { limit: number; cursor?: string | undefined; signal?: AbortSignal }) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`/api/uploads?${params}`, { schema: uploadListSchema, signal });
}

/** Newest first; "Load more" follows the server's cursor. */
export const uploadListQueryOptions = (limit = LIST_DEFAULT_LIMIT) =>
  infiniteQueryOptions({
    queryKey: generateKeys.uploadList({ limit }),
    queryFn: ({ pageParam, signal }) => listUploads({ limit, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
