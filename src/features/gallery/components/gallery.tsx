import { useEffect, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { takeListQueryOptions } from "../api/list-takes";
import { GalleryFilters } from "./gallery-filters";
import { GRID } from "./grid-class";
import { SelectionBar } from "./selection-bar";
import { TakeGrid } from "./take-grid";
import { useGalleryFilters } from "../hooks/use-gallery-filters";
import { useInfiniteScroll } from "@/hooks/use-infinite-scroll";
import { batchAnchor } from "../utils/group-batches";
import type { Viewer } from "../utils/viewer";

const EMPTY = "rounded-xl border border-dashed border-zinc-300 px-6 py-16 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400";

type GalleryProps = {
  viewer?: Viewer | undefined;
  /** A batch just made: brought into view and marked while it is set. */
  highlight?: string | null | undefined;
};

/** Every take matching the URL's filters, newest first; older pages load as the end scrolls into view. */
export function Gallery({ viewer, highlight }: GalleryProps) {
  const { filters, active } = useGalleryFilters();
  const list = useInfiniteQuery(takeListQueryOptions(filters));
  const canLoadMore = list.hasNextPage && !list.isFetchingNextPage && !list.isPlaceholderData;
  const sentinel = useInfiniteScroll(() => void list.fetchNextPage(), canLoadMore);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const takes = list.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = Boolean(highlight) && takes.some((take) => take.batchId === highlight);

  useEffect(() => {
    if (!highlight || !shown) return;
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    document.getElementById(batchAnchor(highlight))?.scrollIntoView?.({ block: "center", behavior: reduce ? "auto" : "smooth" });
  }, [highlight, shown]);

  function select(id: string, on: boolean) {
    setSelected((current) => (on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id)));
  }

  return (
    <>
      <GalleryFilters viewer={viewer} />
      <SelectionBar ids={selected} onClear={() => setSelected([])} />
      {list.isPending ? (
        <div role="status" aria-label="Loading takes" className={GRID}>
          {[0, 1, 2].map((n) => (
            <div key={n} className="aspect-video rounded-xl bg-zinc-200/70 motion-safe:animate-pulse dark:bg-zinc-800" />
          ))}
        </div>
      ) : list.isError ? (
        <div
          role="alert"
          className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          <p>Couldn't load your takes: {list.error.message}</p>
          <Button size="sm" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      ) : takes.length === 0 ? (
        active ? (
          <p className={EMPTY}>No takes match these filters. Clear the filters to see every take.</p>
        ) : (
          <p className={EMPTY}>No takes yet — what you make appears here.</p>
        )
      ) : (
        <div className="space-y-6" aria-busy={list.isPlaceholderData || undefined}>
          <TakeGrid takes={takes} viewer={viewer} selected={selected} onSelect={select} highlight={highlight} dimmed={list.isPlaceholderData} />
          <div ref={sentinel} aria-hidden="true" />
          {list.hasNextPage && (
            <div className="flex justify-center">
              <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
