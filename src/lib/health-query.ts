import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { healthSchema } from "@/shared/api";

/** Shared: the simulator banner reads the provider from it, every amount of money its currency. */
export const healthKeys = {
  all: ["studio"] as const,
  health: () => [...healthKeys.all, "health"] as const,
};

export function getHealth(signal?: AbortSignal) {
  return apiFetch("/api/health", { schema: healthSchema, signal });
}

export const healthQueryOptions = () =>
  queryOptions({ queryKey: healthKeys.health(), queryFn: ({ signal }) => getHealth(signal), staleTime: 60_000 });
