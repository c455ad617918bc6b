import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { estimateSchema } from "@/shared/usage";
import { generateKeys } from "./keys";
import type { EstimateParams } from "./keys";

export function getCostEstimate({ model, duration, variations }: EstimateParams, signal?: AbortSignal) {
  const params = new URLSearchParams({ model, duration: String(duration), variations: String(variations) });
  return apiFetch(`/api/usage/estimate?${params}`, { schema: estimateSchema, signal });
}

/**
 * Follows the form as it changes; the last figure stays up (dimmed) until the next one lands,
 * so each answer carries the settings it was asked for and is never described with newer ones.
 */
export const costEstimateQueryOptions = (params: EstimateParams) =>
  queryOptions({
    queryKey: generateKeys.estimate(params),
    queryFn: async ({ signal }) => ({ params, estimate: await getCostEstimate(params, signal) }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
