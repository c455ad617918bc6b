import { useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { Take } from "@/shared/take";
import { MODELS } from "@/shared/models";
import { isTerminal } from "@/shared/status";
import { takeQueryOptions } from "../api/get-take";
import { CardPreview } from "./card-preview";
import { DeleteTakeButton } from "./delete-take-button";
import { describeElapsed } from "../utils/elapsed";
import { FavouriteButton } from "./favourite-button";
import { RetryButton } from "./retry-button";
import { StatusBadge } from "./status-badge";
import { useNow } from "@/hooks/use-now";
import { mayDelete, showsAuthors } from "../utils/viewer";
import type { Viewer } from "../utils/viewer";

const canPreview = () => window.matchMedia?.("(hover: hover) and (prefers-reduced-motion: no-preference)").matches ?? false;

/**
 * One take. The card reads its take's detail from the cache (the studio's watcher polls
 * unfinished ones), so it updates in place; the whole card opens the detail page.
 */
export function TakeCard({ item, viewer }: { item: Take; viewer?: Viewer | undefined }) {
  const { data } = useQuery({ ...takeQueryOptions(item.id), initialData: item, enabled: false });
  // The list and the detail may disagree for a moment; the later update wins.
  const take = data.updatedAt >= item.updatedAt ? data : item;
  const now = useNow(!isTerminal(take.status));
  const video = useRef<HTMLVideoElement>(null);

  function play() {
    if (canPreview()) void video.current?.play().catch(() => undefined);
  }
  function stop() {
    video.current?.pause();
  }

  return (
    <article
      aria-label={`${MODELS[take.model].label} take, ${take.status}`}
      onMouseEnter={play}
      onMouseLeave={stop}
      onFocus={play}
      onBlur={stop}
      className="relative flex w-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs transition-shadow focus-within:shadow-md hover:shadow-md dark:border-zinc-800 dark:bg-zinc-900"
    >
      <CardPreview take={take} videoRef={video} />
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          <StatusBadge status={take.status} />
          <span className="tabular-nums">{describeElapsed(take, now)}</span>
        </div>
        {take.status === "failed" && take.error && (
          <p className="text-sm text-red-800 dark:text-red-300">{take.error.message}</p>
        )}
        <h3 className="line-clamp-3 text-sm text-zinc-800 dark:text-zinc-200">
          {/* Stretched over the card: clicking anywhere but the buttons opens the take. */}
          <Link to={`/g/${encodeURIComponent(take.id)}`} className="after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:rounded-xl focus-visible:after:outline-2 focus-visible:after:outline-accent-500">
            {take.prompt || <span className="text-zinc-400 italic">Untitled take</span>}
          </Link>
        </h3>
        <dl className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <Meta term="Model" value={MODELS[take.model].label} />
          <Meta term="Ratio" value={take.ratio} />
          <Meta term="Duration" value={`${take.duration} s`} />
          <Meta term="Seed" value={take.seed === null ? "seed random" : `seed ${take.seed}`} />
          {showsAuthors(viewer) && <Meta term="Author" value={`by ${take.author}`} />}
        </dl>
        <div className="relative z-10 mt-auto flex flex-wrap items-center gap-1 pt-1">
          <FavouriteButton take={take} />
          <RetryButton take={take} />
          {mayDelete(viewer, take) && <DeleteTakeButton take={take} className="ml-auto" />}
        </div>
      </div>
    </article>
  );
}

function Meta({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt className="sr-only">{term}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}
