import { useQuery } from "@tanstack/react-query";
import type { Generation } from "@/shared/generation";
import { MODELS } from "@/shared/models";
import { isTerminal } from "@/shared/status";
import { generationQueryOptions } from "../api/get-generation";
import { describeElapsed } from "./elapsed";
import { GenerationMedia } from "./generation-media";
import { StatusBadge } from "./status-badge";
import { useNow } from "./use-now";

/** One take. Unfinished takes poll their own detail; finished ones never fetch. */
export function GenerationCard({ item }: { item: Generation }) {
  const { data } = useQuery({ ...generationQueryOptions(item.id), initialData: item, enabled: !isTerminal(item.status) });
  // The list and the detail may disagree for a moment; the later update wins.
  const generation = data.updatedAt >= item.updatedAt ? data : item;
  const done = isTerminal(generation.status);
  const now = useNow(!done);

  return (
    <article
      aria-label={`${MODELS[generation.model].label} take, ${generation.status}`}
      className="flex w-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <GenerationMedia generation={generation} />
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          <StatusBadge status={generation.status} />
          <span className="tabular-nums">{describeElapsed(generation, now)}</span>
        </div>
        {generation.status === "failed" && generation.error && (
          <p role="status" className="text-sm text-red-800 dark:text-red-300">
            {generation.error.message}
          </p>
        )}
        <p className="line-clamp-3 text-sm text-zinc-800 dark:text-zinc-200" title={generation.prompt}>
          {generation.prompt || <span className="text-zinc-400 italic">No prompt</span>}
        </p>
        <dl className="mt-auto flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <Meta term="Model" value={MODELS[generation.model].label} />
          <Meta term="Ratio" value={generation.ratio} />
          <Meta term="Duration" value={`${generation.duration} s`} />
          <Meta term="Seed" value={generation.seed === null ? "random" : String(generation.seed)} />
        </dl>
      </div>
    </article>
  );
}

function Meta({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt className="sr-only">{term}</dt>
      <dd className="tabular-nums">{term === "Seed" ? `seed ${value}` : value}</dd>
    </div>
  );
}
