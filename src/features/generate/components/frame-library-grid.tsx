import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { Upload } from "@/shared/api";
import { Button } from "@/components/ui/button";
import { uploadListQueryOptions } from "../api/list-uploads";
import { describeSize } from "../utils/frame-checks";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";

/** The library's thumbnails as buttons, with "Load more" for older pages. */
export function FrameLibraryGrid({ onPick }: { onPick: (upload: Upload) => void }) {
  const list = useInfiniteQuery(uploadListQueryOptions());
  // After "Load more", focus goes to the first image it brought: the button itself may go away.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  if (list.isPending) return <LoadingNote>Loading the library…</LoadingNote>;
  if (list.isError) {
    return <LoadFailed what="the library" error={list.error} onRetry={list.refetch} />;
  }
  const uploads = list.data.pages.flatMap((page) => page.items);
  if (uploads.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No images yet: every image you upload is kept here, ready to use again.</p>;
  }
  return (
    <div className="space-y-4">
      <ul aria-label="Uploaded images" className="grid grid-cols-[repeat(auto-fill,minmax(8rem,1fr))] gap-3">
        {uploads.map((upload, index) => (
          <li key={upload.id}>
            <button
              type="button"
              ref={index === focusIndex ? (element) => element?.focus() : undefined}
              onFocus={() => setFocusIndex(null)}
              onClick={() => onPick(upload)}
              className="w-full overflow-hidden rounded-lg border border-zinc-200 bg-white text-left transition-colors hover:border-accent-400 dark:border-zinc-700 dark:bg-zinc-900"
            >
              <img src={upload.thumbUrl} alt="" loading="lazy" className="aspect-square w-full bg-zinc-100 object-cover dark:bg-zinc-800" />
              <span className="block truncate px-2 pt-1.5 text-xs font-medium">{upload.name ?? "Untitled image"}</span>{" "}
              <span className="block px-2 pb-1.5 text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">
                {describeSize(upload.width, upload.height)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => {
              setFocusIndex(uploads.length);
              void list.fetchNextPage();
            }} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
