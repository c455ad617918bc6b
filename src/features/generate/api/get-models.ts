import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { modelsResponseSchema } from "@/shared/api";
import { generateKeys } from "./keys";

export function getModels(signal?: AbortSignal) {
  return apiFetch("/api/models", { schema: modelsResponseSchema, signal });
}

export const modelsQueryOptions = () =>
  queryOptions({
    queryKey: generateKeys.models(),
    queryFn: ({ signal }) => getModels(signal),
    select: (data) => data.models,
    // The capability table only changes with a deploy.
    staleTime: Number.POSITIVE_INFINITY,
  });
