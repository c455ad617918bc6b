import { queryOptions } from "@tanstack/react-query";
import { modelsResponseSchema } from "@/shared/api";
import { apiFetch } from "./api-client";

/**
 * The models and whether new takes may use them, read by the form and by a take's re-run
 * actions: one cache entry, so a model found gone on one is gone on the other.
 */
export const modelQueryKeys = {
  all: ["models"] as const,
};

export function getModels(signal?: AbortSignal) {
  return apiFetch("/api/models", { schema: modelsResponseSchema, signal });
}

export const modelsQueryOptions = () =>
  queryOptions({
    queryKey: modelQueryKeys.all,
    queryFn: ({ signal }) => getModels(signal),
    select: (data) => data.models,
    // The capability table only changes with a deploy; availability is refetched when a submit finds a model gone.
    staleTime: Number.POSITIVE_INFINITY,
  });
