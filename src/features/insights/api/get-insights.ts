import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { insightsSchema, type INSIGHT_GROUPS } from "@/shared/insights";

export type InsightGroup = (typeof INSIGHT_GROUPS)[number];

export const insightsKeys = {
  all: ["insights"] as const,
  report: (groupBy: InsightGroup) => [...insightsKeys.all, groupBy] as const,
};

export function getInsights(groupBy: InsightGroup, signal?: AbortSignal) {
  return apiFetch(`/api/insights?groupBy=${groupBy}`, { schema: insightsSchema, signal });
}

/** The last 28 days, asked again on each visit: spend and outcomes move with every take. */
export const insightsQueryOptions = (groupBy: InsightGroup) =>
  queryOptions({ queryKey: insightsKeys.report(groupBy), queryFn: ({ signal }) => getInsights(groupBy, signal), staleTime: 0 });
