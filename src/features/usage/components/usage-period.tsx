import type { Usage } from "@/shared/usage";
import { MODELS } from "@/shared/models";
import { panelClass } from "@/components/ui/styles";
import { formatCredits, useMoney } from "@/lib/money";
import { formatCount } from "../utils/format";
import { SpendTable } from "./spend-table";

type Period = Usage["periods"][number];

const TITLES: Record<Period["period"], string> = { today: "Today", week: "This week", month: "This month" };

const sinceFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

/** One period: its totals, then who spent it and on which model. */
export function UsagePeriod({ period }: { period: Period }) {
  const money = useMoney();
  const headingId = `usage-${period.period}`;
  const title = TITLES[period.period];
  return (
    <section aria-labelledby={headingId} className={`${panelClass} space-y-4 p-5`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          {title}
        </h3>
        {period.period !== "today" && (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">since {sinceFormat.format(new Date(period.since))} (UTC)</p>
        )}
      </div>
      <p className="text-sm">
        <span className="text-lg font-semibold tabular-nums">{formatCount(period.takes)}</span> {period.takes === 1 ? "take" : "takes"} ·{" "}
        <span className="text-lg font-semibold tabular-nums" title={formatCredits(period.tokens)}>
          {money(period.usd)}
        </span>{" "}
        charged
      </p>
      {period.takes === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No takes {title.toLowerCase()} yet.</p>
      ) : (
        <div className="grid gap-5 md:grid-cols-2">
          <SpendTable
            caption={`${title} by person`}
            firstColumn="Person"
            rows={period.byUser.map((row) => ({ key: row.name, label: row.name, ...row }))}
          />
          <SpendTable
            caption={`${title} by model`}
            firstColumn="Model"
            rows={period.byModel.map((row) => ({ key: row.model, label: MODELS[row.model].label, ...row }))}
          />
        </div>
      )}
    </section>
  );
}
