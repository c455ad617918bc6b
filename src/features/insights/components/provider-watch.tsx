import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { panelClass, tableHeadRowClass, tableRowClass } from "@/components/ui/styles";
import { useMoney } from "@/lib/money";
import type { ReconciliationDay } from "@/shared/provider-watch";
import { catalogueWatchQueryOptions, reconciliationQueryOptions, useReconcileNow } from "../api/provider-watch";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;

/** Below half a cent is rounding between two ledgers, not money to chase. */
const differs = (day: ReconciliationDay) => day.differenceUsd !== null && Math.abs(day.differenceUsd) >= 0.005;

function difference(day: ReconciliationDay, money: (usd: number) => string): string {
  if (day.differenceUsd === null) return "—";
  if (!differs(day)) return "none";
  return `${day.differenceUsd > 0 ? "+" : "−"}${money(Math.abs(day.differenceUsd))}`;
}

/** The sum over the days the provider's totals were read for, so a charge billed across midnight cancels out. */
function totalOf(days: readonly ReconciliationDay[], field: "ledgerUsd" | "providerUsd"): number {
  return days.filter((day) => day.providerUsd !== null).reduce((sum, day) => sum + (day[field] ?? 0), 0);
}

function summary(compared: number, differ: number, unread: number): string {
  const read = compared === 0 ? "No day could be compared" : differ === 0 ? `The two agree on ${compared === 1 ? "the day" : `all ${compared} days`} compared` : `${differ} of ${compared} days compared differ`;
  return unread === 0 || compared === 0 ? `${read}.` : `${read}; ${unread} could not be read from the provider.`;
}

/** Admins: the ledger against the provider's own totals, day by day, with a button to check now. */
function Reconciliation() {
  const reconciliation = useQuery(reconciliationQueryOptions());
  const reconcileNow = useReconcileNow();
  const money = useMoney();
  const days = reconciliation.data?.days ?? [];
  const off = days.filter(differs);
  const unread = days.filter((day) => day.providerUsd === null).length;

  return (
    <section aria-labelledby="insights-reconciliation" className={`${panelClass} overflow-x-auto p-5`}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h3 id="insights-reconciliation" className="text-base font-semibold">
          Dailies against the provider’s bill
        </h3>
        <Button size="sm" variant="ghost" onClick={() => reconcileNow.mutate()} disabled={reconcileNow.isPending}>
          {reconcileNow.isPending ? "Checking…" : "Check now"}
        </Button>
      </div>
      <p className="mb-3 text-sm text-zinc-500 dark:text-zinc-400">
        What Dailies recorded as charged, beside what the AI/ML API reports for the same key and UTC day. More at the provider is spend made outside Dailies with this key, or charges Dailies never
        heard of; less is a refund, or an estimate here above the real charge. A take that finishes just after midnight UTC may be billed on the next day: opposite differences on
        neighbouring days are that. Checked daily.
      </p>
      {reconcileNow.error && <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-400">{reconcileNow.error.message}</p>}
      {reconciliation.isPending ? (
        <LoadingNote>Loading the comparison…</LoadingNote>
      ) : reconciliation.isError ? (
        <LoadFailed what="the comparison with the provider" error={reconciliation.error} onRetry={reconciliation.refetch} box />
      ) : days.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Not checked yet: the first check runs a few minutes after Dailies starts, or now with “Check now”.</p>
      ) : (
        <>
          <p className="mb-2 text-sm">
            {summary(days.length - unread, off.length, unread)}
            {days.length - unread > 1 && ` Over those days: Dailies ${money(totalOf(days, "ledgerUsd"))}, the provider ${money(totalOf(days, "providerUsd"))}.`}
          </p>
          <table className="w-full text-sm">
            <caption className="sr-only">Spend per UTC day in Dailies and at the provider</caption>
            <thead>
              <tr className={tableHeadRowClass}>
                <th scope="col" className="py-1.5 pr-3 font-medium">Day (UTC)</th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">Dailies</th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">Provider</th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">Difference</th>
                <th scope="col" className="py-1.5 font-medium">Checked</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day} className={tableRowClass}>
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal tabular-nums">
                    {day.day}
                    {day.partial && <span className="text-zinc-500 dark:text-zinc-400"> (so far)</span>}
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums" title={`${day.ledgerTakes} charged ${day.ledgerTakes === 1 ? "take" : "takes"}`}>
                    {money(day.ledgerUsd)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums" title={day.providerRequests === null ? undefined : `${day.providerRequests} charged ${day.providerRequests === 1 ? "request" : "requests"}`}>
                    {day.providerUsd === null ? "—" : money(day.providerUsd)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{difference(day, money)}</td>
                  <td className="py-1.5 text-xs text-zinc-500 dark:text-zinc-400">{day.error ? <span className="text-red-700 dark:text-red-400">Not read: {day.error}</span> : when(day.checkedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {reconciliation.data.note && <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{reconciliation.data.note}</p>}
        </>
      )}
    </section>
  );
}

/** Admins: video models the provider's catalogue started or stopped listing. */
function CatalogueChanges() {
  const watch = useQuery(catalogueWatchQueryOptions());
  return (
    <section aria-labelledby="insights-catalogue" className={`${panelClass} p-5`}>
      <h3 id="insights-catalogue" className="mb-2 text-base font-semibold">
        The provider’s video models
      </h3>
      {watch.isPending ? (
        <LoadingNote>Loading the catalogue…</LoadingNote>
      ) : watch.isError ? (
        <LoadFailed what="the catalogue changes" error={watch.error} onRetry={watch.refetch} box />
      ) : (
        <>
          <p className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
            {watch.data.readAt === null
              ? "The catalogue has not been read yet."
              : `${watch.data.listed} video ${watch.data.listed === 1 ? "model" : "models"} listed when last read, ${when(watch.data.readAt)}; read daily.`}
          </p>
          {watch.data.changes.length === 0 ? (
            <p className="text-sm">No model has appeared or gone away since Dailies first read the catalogue.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {watch.data.changes.map((change) => (
                <li key={`${change.model}-${change.at}`}>
                  <span className="font-medium">{change.model}</span> {change.change === "appeared" ? "appeared" : "disappeared"} on {when(change.at)}
                  {change.usedHere && (change.change === "disappeared" ? " — Dailies makes takes with it: new ones may be refused" : " — a model Dailies makes takes with")}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** What only an admin sees on /insights: the provider's side of the books and of the model list. */
export function ProviderWatch() {
  return (
    <div className="mt-4 space-y-4">
      <Reconciliation />
      <CatalogueChanges />
    </div>
  );
}
