import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { usageSchema } from "@/shared/usage";
import { usageKeys } from "./keys";

export function getUsage(signal?: AbortSignal) {
  return apiFetch("/api/usage", { schema: usageSchema, signal });
}

/** Spend moves with every take, so a visit to the page always asks again. */
export const usageQueryOptions = () =>
  queryOptions({ queryKey: usageKeys.report(), queryFn: ({ signal }) => getUsage(signal), staleTime: 0 });
