import { useCompletionTimes } from "@/hooks/use-completion-times";
import { describeWait } from "../utils/describe-wait";
import { useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import type { Take } from "@/shared/take";
import { MODELS } from "@/shared/models";
import { isTerminal } from "@/shared/status";
import { takeQueryOptions } from "../api/get-take";
import { CardPreview } from "./card-preview";
import { DeleteTakeButton } from "./delete-take-button";
import { describeElapsed } from "../utils/elapsed";
import { FavouriteButton } from "./favourite-button";
import { RetryButton } from "./retry-button";
import { ReviewBadge } from "./review-badge";
import { SelectBox } from "./select-box";
import { StatusBadge } from "./status-badge";
import { useNow } from "@/hooks/use-now";
import { mayDelete, showsAuthors } from "../utils/viewer";
import type { Viewer } from "../utils/viewer";

const canPreview = () => window.matchMedia?.("(hover: hover) and (prefers-reduced-motion: no-preference)").matches ?? false;

type TakeCardProps = {
  item: Take;
  viewer?: Viewer | undefined;
  /** Inside a batch group the prompt is said once above: the card is named by its place. */
  variation?: number | undefined;
  selected?: boolean;
  onSelect?: ((id: string, selected: boolean) => void) | undefined;
};

/**
 * One take. The card reads its take's detail from the cache (the studio's watcher polls
 * unfinished ones), so it updates in place; the whole card opens the detail page.
 */
export function TakeCard({ item, viewer, variation, selected = false, onSelect }: TakeCardProps) {
  const { data } = useQuery({ ...takeQueryOptions(item.id), initialData: item, enabled: false });
  // The list and the detail may disagree for a moment; the later update wins.
  const take = data.updatedAt >= item.updatedAt ? data : item;
  const now = useNow(!isTerminal(take.status));
  const timesFor = useCompletionTimes();
  const video = useRef<HTMLVideoElement>(null);
  const back = useLocation().search;
  const Title = variation === undefined ? "h3" : "h4";

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
      // No overflow-hidden here: it would clip the link's focus ring (the preview rounds its own corners).
      className={`relative flex w-full flex-col rounded-xl border bg-white shadow-xs transition-shadow focus-within:shadow-md hover:shadow-md dark:bg-zinc-900 ${selected ? "border-accent-500 ring-2 ring-accent-500" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <CardPreview take={take} videoRef={video} wait={describeWait(take, timesFor(take), now)} />
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          <StatusBadge status={take.status} />
          <span className="tabular-nums">{describeElapsed(take, now)}</span>
        </div>
        {(take.review.state !== "unreviewed" || take.noteCount > 0) && (
          <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
            <ReviewBadge state={take.review.state} />
            {take.noteCount > 0 && <span>{take.noteCount === 1 ? "1 note" : `${take.noteCount} notes`}</span>}
          </div>
        )}
        {take.status === "failed" && take.error && (
          <p className="text-sm text-red-800 dark:text-red-300">{take.error.message}</p>
        )}
        <Title className="line-clamp-3 text-sm text-zinc-800 dark:text-zinc-200">
          {/* Stretched over the card: clicking anywhere but the buttons opens the take. */}
          <Link
            to={`/g/${encodeURIComponent(take.id)}`}
            state={{ back: `/${back}` }}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-accent-500"
          >
            {variation !== undefined ? `Variation ${variation}` : take.prompt || <span className="text-zinc-400 italic">Untitled take</span>}
          </Link>
        </Title>
        <dl className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <Meta term="Model" value={MODELS[take.model].label} />
          <Meta term="Ratio" value={take.ratio} />
          <Meta term="Duration" value={`${take.duration} s`} />
          <Meta term="Seed" value={take.seed === null ? "seed random" : `seed ${take.seed}`} />
          {showsAuthors(viewer) && <Meta term="Author" value={`by ${take.author}`} />}
        </dl>
        <div className="relative z-10 mt-auto flex flex-wrap items-center gap-1 pt-1">
          {onSelect && <SelectBox checked={selected} onChange={(on) => onSelect(take.id, on)} />}
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
