import { useCompletionTimes } from "@/hooks/use-completion-times";
import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { isTerminal } from "@/shared/status";
import type { Take } from "@/shared/take";
import { takeQueryOptions, isNotFound } from "../api/get-take";
import { DeleteTakeButton } from "./delete-take-button";
import { describeElapsed } from "../utils/elapsed";
import { FavouriteButton } from "./favourite-button";
import { StatusBadge } from "./status-badge";
import { TakeError } from "./take-error";
import { TakeFacts, TakeFrames } from "./take-facts";
import { TakeFiles, TakeReuseActions } from "./take-actions";
import type { ReuseHandlers } from "./take-actions";
import { TakePlayer } from "./take-player";
import { TakeTimings } from "./take-timings";
import { useNow } from "@/hooks/use-now";
import { mayDelete } from "../utils/viewer";
import type { Viewer } from "../utils/viewer";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";

const backLinkClass = "text-sm font-medium text-accent-700 underline underline-offset-4 dark:text-accent-300";

/** The gallery view a card was opened from (its filters), else the whole gallery. */
function useBackTo(): string {
  const state: unknown = useLocation().state;
  const back = typeof state === "object" && state !== null && "back" in state ? state.back : null;
  // Only a path of this app: the state is whatever the history entry holds.
  return typeof back === "string" && back.startsWith("/") && !back.startsWith("//") ? back : "/";
}

type TakeDetailProps = ReuseHandlers & {
  id: string;
  onDeleted: () => void;
  viewer?: Viewer | undefined;
  /** Stands in for the plain player when it returns something (the route's review player). */
  player?: ((take: Take) => ReactNode) | undefined;
};

/** One take in full. Unfinished takes poll until their status is terminal. */
export function TakeDetail({ id, onDeleted, viewer, player, ...reuse }: TakeDetailProps) {
  const timesFor = useCompletionTimes();
  const query = useQuery(takeQueryOptions(id, timesFor));
  const live = query.data !== undefined && !isTerminal(query.data.status);
  const now = useNow(live);
  const backTo = useBackTo();

  if (query.isPending) return <LoadingNote>Loading the take…</LoadingNote>;
  if (query.isError) {
    if (isNotFound(query.error)) {
      return (
        <div className="space-y-3 rounded-xl border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700">
          <h2 className="text-lg font-semibold">This take doesn't exist (or was deleted)</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Check the link, or find it in the gallery.</p>
          <Link to="/" className={backLinkClass}>
            Back to all takes
          </Link>
        </div>
      );
    }
    return <LoadFailed what="this take" error={query.error} onRetry={query.refetch} box />;
  }

  const take = query.data;
  return (
    <article aria-labelledby="take-heading" className="space-y-6">
      <div className="space-y-2">
        <Link to={backTo} className={backLinkClass}>
          ← All takes
        </Link>
        <h2 id="take-heading" className="text-lg font-semibold break-words">
          {take.prompt || "Untitled take"}
        </h2>
        <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-500 dark:text-zinc-400">
          <StatusBadge status={take.status} />
          <span className="tabular-nums">{describeElapsed(take, now)}</span>
        </div>
      </div>
      {player?.(take) ?? <TakePlayer take={take} times={timesFor(take)} now={now} />}
      <div className="flex flex-wrap items-center gap-2">
        <FavouriteButton take={take} />
        <TakeFiles take={take} />
        {mayDelete(viewer, take) && <DeleteTakeButton take={take} onDeleted={onDeleted} className="ml-auto" />}
      </div>
      {take.status === "failed" && take.error && <TakeError error={take.error} />}
      <TakeReuseActions take={take} {...reuse} />
      <div className="grid gap-6 md:grid-cols-2">
        <TakeFacts take={take} />
        <div className="space-y-6">
          <TakeTimings take={take} />
          <TakeFrames take={take} />
        </div>
      </div>
    </article>
  );
}
