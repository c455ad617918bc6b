import { useQuery } from "@tanstack/react-query";
import { usageQueryOptions } from "../api/get-usage";
import { UsagePeriod } from "./usage-period";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";

/** What the studio has spent today, this week and this month (UTC), per person and per model. */
export function UsageReport() {
  const usage = useQuery(usageQueryOptions());

  if (usage.isPending) return <LoadingNote>Loading usage…</LoadingNote>;
  if (usage.isError) {
    return <LoadFailed what="the usage" error={usage.error} onRetry={usage.refetch} box />;
  }
  const { periods } = usage.data;
  if (periods.every((period) => period.takes === 0)) {
    return (
      <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-16 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        No takes this month yet — spend shows here once the studio makes some.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {periods.map((period) => (
        <UsagePeriod key={period.period} period={period} />
      ))}
    </div>
  );
}
