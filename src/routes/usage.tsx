import { UsageReport } from "@/features/usage/components/usage-report";

/** `/usage`: the studio's spend. Loaded on demand (React.lazy). */
export function UsageRoute() {
  return (
    <section aria-labelledby="usage-heading">
      <h2 id="usage-heading" className="mb-1 text-base font-semibold">
        Usage
      </h2>
      <p className="mb-4 text-sm text-zinc-500 dark:text-zinc-400">Takes and what the provider charged for them (its credits on hover), deleted takes included; periods start at midnight UTC, weeks on Monday.</p>
      <UsageReport />
    </section>
  );
}
