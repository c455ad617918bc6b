import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { healthSchema } from "@/shared/api";
import { statusKeys } from "./keys";

export function getHealth(signal?: AbortSignal) {
  return apiFetch("/api/health", { schema: healthSchema, signal });
}

export const healthQueryOptions = () =>
  queryOptions({ queryKey: statusKeys.health(), queryFn: ({ signal }) => getHealth(signal), staleTime: 60_000 });
