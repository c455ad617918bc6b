import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { MODELS, MODEL_IDS, type ModelId } from "@/shared/models";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { labelClass, inputClass, linkClass, panelClass, tableHeadRowClass, tableRowClass } from "@/components/ui/styles";
import { useMoney } from "@/lib/money";
import { insightsQueryOptions, type InsightGroup } from "../api/get-insights";
import { OutcomeBar } from "./outcome-bar";

const GROUP_LABELS: Record<InsightGroup, string> = { model: "Model", author: "Creator", week: "Week of" };

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);
const seconds = (s: number | null) => (s === null ? "—" : `${Math.round(s)} s`);
const labelOf = (groupBy: InsightGroup, key: string) => (groupBy === "model" && (MODEL_IDS as readonly string[]).includes(key) ? MODELS[key as ModelId].label : key);

/** `/insights`: the last 28 days per model, creator or week, a CSV of the same rows, and the prompts that fail moderation. */
export function InsightsReport() {
  const [groupBy, setGroupBy] = useState<InsightGroup>("model");
  const insights = useQuery(insightsQueryOptions(groupBy));
  const format = useMoney();
  const money = (usd: number | null) => (usd === null ? "—" : format(usd));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="insights-group" className={labelClass}>
            By
          </label>
          <select id="insights-group" className={`${inputClass} mt-1.5`} value={groupBy} onChange={(event) => setGroupBy(event.target.value as InsightGroup)}>
            <option value="model">model</option>
            <option value="author">creator</option>
            <option value="week">week</option>
          </select>
        </div>
        <a href={`/api/insights/csv?groupBy=${groupBy}`} className={linkClass} download>
          Download these rows as CSV
        </a>
      </div>
      {insights.isPending ? (
        <LoadingNote>Loading insights…</LoadingNote>
      ) : insights.isError ? (
        <LoadFailed what="the insights" error={insights.error} onRetry={insights.refetch} box />
      ) : insights.data.rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-16 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          No takes in the last 28 days yet — figures show here once the studio makes some.
        </p>
      ) : (
        <>
          <section aria-labelledby="insights-table" className={`${panelClass} overflow-x-auto p-5`}>
            <h3 id="insights-table" className="mb-3 text-base font-semibold">
              The last 28 days by {groupBy === "author" ? "creator" : groupBy}
            </h3>
            <table className="w-full text-sm">
              <caption className="sr-only">Takes, outcomes, time to complete and spend by {groupBy === "author" ? "creator" : groupBy}</caption>
              <thead>
                <tr className={tableHeadRowClass}>
                  <th scope="col" className="py-1.5 pr-3 font-medium">{GROUP_LABELS[groupBy]}</th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">Takes</th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">Outcomes</th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">Success</th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">Median · p90</th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">Spend</th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">Per circled take</th>
                  <th scope="col" className="py-1.5 text-right font-medium">Per favourite</th>
                </tr>
              </thead>
              <tbody>
                {insights.data.rows.map((row) => (
                  <tr key={row.key} className={tableRowClass}>
                    <th scope="row" className="py-1.5 pr-3 text-left font-normal break-all">
                      {labelOf(groupBy, row.key)}
                    </th>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{row.takes}</td>
                    <td className="py-1.5 pr-3">
                      <OutcomeBar row={row} />
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{percent(row.successRate)}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">
                      {seconds(row.medianSeconds)} · {seconds(row.p90Seconds)}
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{money(row.spendUsd)}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{money(row.costPerCircledUsd)}</td>
                    <td className="py-1.5 text-right tabular-nums">{money(row.costPerFavouriteUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {insights.data.moderatedFrames.length > 0 && (
            <section aria-labelledby="insights-moderated-frames" className={`${panelClass} p-5`}>
              <h3 id="insights-moderated-frames" className="mb-2 text-base font-semibold">
                First frames that failed moderation most
              </h3>
              <ul className="flex flex-wrap gap-3 text-sm">
                {insights.data.moderatedFrames.map((frame) => (
                  <li key={frame.url} className="w-36">
                    {frame.thumbUrl ? (
                      <a href={frame.url} className="block">
                        <img src={frame.thumbUrl} alt={`First frame of ${frame.failures} ${frame.failures === 1 ? "take" : "takes"} refused by moderation`} className="h-20 w-36 rounded-md object-cover" loading="lazy" />
                      </a>
                    ) : (
                      <a href={frame.url} className={`${linkClass} block truncate`} rel="noreferrer noopener" target="_blank">
                        {frame.url.replace(/^https:\/\//, "")}
                      </a>
                    )}
                    <span className="text-zinc-600 dark:text-zinc-400">
                      {frame.failures} {frame.failures === 1 ? "take" : "takes"}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {insights.data.moderatedPrompts.length > 0 && (
            <section aria-labelledby="insights-moderated" className={`${panelClass} p-5`}>
              <h3 id="insights-moderated" className="mb-2 text-base font-semibold">
                Prompts that failed moderation most
              </h3>
              <ol className="list-decimal space-y-1 pl-5 text-sm">
                {insights.data.moderatedPrompts.map((p) => (
                  <li key={p.prompt}>
                    “{p.prompt}” — {p.failures} {p.failures === 1 ? "take" : "takes"}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </div>
  );
}
