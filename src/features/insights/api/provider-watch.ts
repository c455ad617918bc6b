import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { catalogueWatchSchema, reconciliationSchema } from "@/shared/provider-watch";

export const providerWatchKeys = {
  all: ["provider-watch"] as const,
  reconciliation: () => [...providerWatchKeys.all, "reconciliation"] as const,
  catalogue: () => [...providerWatchKeys.all, "catalogue"] as const,
};

/** The ledger beside the provider's `GET /v2/usage`, per UTC day, as last checked (admins only). */
export const reconciliationQueryOptions = () =>
  queryOptions({
    queryKey: providerWatchKeys.reconciliation(),
    queryFn: ({ signal }) => apiFetch("/api/insights/reconciliation", { schema: reconciliationSchema, signal }),
    staleTime: 0,
  });

/** Models the provider's catalogue started or stopped listing (admins only). */
export const catalogueWatchQueryOptions = () =>
  queryOptions({
    queryKey: providerWatchKeys.catalogue(),
    queryFn: ({ signal }) => apiFetch("/api/insights/catalogue", { schema: catalogueWatchSchema, signal }),
    staleTime: 0,
  });

/** Checks the ledger against the provider now; the answer replaces the days shown. */
export function useReconcileNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch("/api/insights/reconciliation", { method: "POST", schema: reconciliationSchema }),
    onSuccess: (days) => queryClient.setQueryData(providerWatchKeys.reconciliation(), days),
  });
}
