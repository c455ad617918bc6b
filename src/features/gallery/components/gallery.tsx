import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { generationListQueryOptions } from "../api/list-generations";
import { GenerationCard } from "./generation-card";

const GRID = "grid grid-cols-[repeat(auto-fill,minmax(min(100%,16rem),1fr))] gap-4";

/** Every take, newest first, with "Load more" for older pages. */
export function Gallery() {
  const list = useInfiniteQuery(generationListQueryOptions());

  if (list.isPending) {
    return (
      <div role="status" aria-label="Loading takes" className={GRID}>
        {[0, 1, 2].map((n) => (
          <div key={n} className="aspect-video rounded-xl bg-zinc-200/70 motion-safe:animate-pulse dark:bg-zinc-800" />
        ))}
      </div>
    );
  }
  if (list.isError) {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
        <p>Couldn't load your takes: {list.error.message}</p>
        <Button size="sm" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-16 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        No takes yet — your generations will appear here.
      </p>
    );
  }

  return (
    <div className="space-y-6">
      <ul className={GRID}>
        {items.map((item) => (
          <li key={item.id} className="flex">
            <GenerationCard item={item} />
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
