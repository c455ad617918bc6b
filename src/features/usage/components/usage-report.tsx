import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { usageQueryOptions } from "../api/get-usage";
import { UsagePeriod } from "./usage-period";

/** What the studio has spent today, this week and this month (UTC), per person and per model. */
export function UsageReport() {
  const usage = useQuery(usageQueryOptions());

  if (usage.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
        Loading usage…
      </p>
    );
  }
  if (usage.isError) {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
        <p>Couldn't load the usage: {usage.error.message}</p>
        <Button size="sm" onClick={() => void usage.refetch()}>
          Try again
        </Button>
      </div>
    );
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
