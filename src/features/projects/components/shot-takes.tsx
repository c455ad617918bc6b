import { useQuery } from "@tanstack/react-query";
import type { Shot } from "@/shared/project";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { shotTakesQueryOptions } from "../api/list-shot-takes";
import type { TakeSelection } from "../hooks/use-take-selection";
import { boardGroups } from "../utils/board-takes";
import { TakePoster } from "./take-poster";

/** A shot's takes as posters: circled first, then as made, each submit's takes boxed together. */
export function ShotTakes({ shot, selection }: { shot: Shot; selection: TakeSelection }) {
  const takes = useQuery(shotTakesQueryOptions(shot.id));
  if (takes.isPending) return <LoadingNote>Loading the takes of {shot.code}…</LoadingNote>;
  if (takes.isError) return <LoadFailed what={`the takes of ${shot.code}`} error={takes.error} onRetry={takes.refetch} />;
  const { items } = takes.data;
  if (items.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No takes yet: choose {shot.code} in the form's shot picker.</p>;

  const poster = (take: (typeof items)[number]) => (
    <TakePoster key={take.id} take={take} selected={selection.ids.includes(take.id)} onSelect={(on) => selection.toggle(take.id, on)} />
  );
  return (
    <>
      <ul aria-label={`Takes of ${shot.code}`} className="flex flex-wrap items-start gap-3">
        {boardGroups(items, shot.circledTakeId).map((group) => (
          <li key={group.batchId}>
            {group.takes.length === 1 ? (
              group.takes.map(poster)
            ) : (
              <div role="group" aria-label={`Batch of ${group.takes.length} takes`} className="flex flex-wrap gap-2 rounded-xl border border-dashed border-zinc-300 p-2 dark:border-zinc-700">
                {group.takes.map(poster)}
              </div>
            )}
          </li>
        ))}
      </ul>
      {shot.counts.takes > items.length && (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          Showing {items.length} of {shot.counts.takes} takes.
        </p>
      )}
    </>
  );
}
