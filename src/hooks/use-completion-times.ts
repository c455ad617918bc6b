import { useCallback } from "react";
import { useQuery } from "@tanstack/react-query";
import { timingsQueryOptions } from "@/lib/timing-queries";
import { timesOfTiming, type CompletionTimes } from "@/shared/completion-times";

export type TimesFor = (take: { model: string; duration: number }) => CompletionTimes | null;

/** What this studio has seen of each model and length; null for a kind with too few takes (or before the answer). */
export function useCompletionTimes(): TimesFor {
  const { data } = useQuery(timingsQueryOptions());
  return useCallback((take) => timesOfTiming(data?.find((t) => t.model === take.model && t.duration === take.duration)), [data]);
}
