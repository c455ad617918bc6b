import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { takeListQueryOptions } from "../api/list-takes";
import { GalleryFilters } from "./gallery-filters";
import { TakeCard } from "./take-card";
import { useGalleryFilters } from "../hooks/use-gallery-filters";
import { useInfiniteScroll } from "@/hooks/use-infinite-scroll";
import type { Viewer } from "../utils/viewer";

const GRID = "grid grid-cols-[repeat(auto-fill,minmax(min(100%,16rem),1fr))] gap-4";
const EMPTY = "rounded-xl border border-dashed border-zinc-300 px-6 py-16 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400";

/** Every take matching the URL's filters, newest first; older pages load as the end scrolls into view. */
export function Gallery({ viewer }: { viewer?: Viewer | undefined }) {
  const { filters, active } = useGalleryFilters();
  const list = useInfiniteQuery(takeListQueryOptions(filters));
  const canLoadMore = list.hasNextPage && !list.isFetchingNextPage && !list.isPlaceholderData;
  const sentinel = useInfiniteScroll(() => void list.fetchNextPage(), canLoadMore);

  return (
    <>
      <GalleryFilters viewer={viewer} />
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
      ) : list.data.pages[0]?.items.length === 0 ? (
        active ? (
          <p className={EMPTY}>No takes match these filters. Clear the filters to see every take.</p>
        ) : (
          <p className={EMPTY}>No takes yet — what you make appears here.</p>
        )
      ) : (
        <div className="space-y-6" aria-busy={list.isPlaceholderData || undefined}>
          <ul className={`${GRID} transition-opacity ${list.isPlaceholderData ? "opacity-60" : ""}`}>
            {list.data.pages.flatMap((page) =>
              page.items.map((item) => (
                <li key={item.id} className="flex">
                  <TakeCard item={item} viewer={viewer} />
                </li>
              )),
            )}
          </ul>
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
