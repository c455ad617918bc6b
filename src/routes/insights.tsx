import { useQuery } from "@tanstack/react-query";
import { InsightsReport } from "@/features/insights/components/insights-report";
import { ProviderWatch } from "@/features/insights/components/provider-watch";
import { sessionQueryOptions } from "@/features/session/api/get-session";

/** `/insights`: how the studio's takes went, and what they cost; admins also see the provider's side. Loaded on demand (React.lazy). */
export function InsightsRoute() {
  const { data: session } = useQuery(sessionQueryOptions());
  return (
    <section aria-labelledby="insights-heading">
      <h2 id="insights-heading" className="mb-1 text-base font-semibold">
        Insights
      </h2>
      <p className="mb-4 text-sm text-zinc-500 dark:text-zinc-400">
        Takes, how they ended, how long they took at the provider and what they cost, deleted takes included (UTC). Cost per kept take divides the spend by the takes circled, and by those favourited.
      </p>
      <InsightsReport />
      {session?.user?.isAdmin && <ProviderWatch />}
    </section>
  );
}
