import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "react-router";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { linkClass } from "@/components/ui/styles";
import { isReelDone, type Reel } from "@/shared/reel";
import { reelQueryOptions } from "../api/get-reel";
import { reelKeys } from "../api/keys";

function ReelProgress({ reel }: { reel: Reel }) {
  const percent = Math.round(reel.progress * 100);
  const words = reel.status === "queued" ? "Waiting for the reel before it to finish…" : `Cutting the reel: ${percent} %`;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{words}</p>
      <div
        role="progressbar"
        aria-label="Cutting the reel"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full bg-accent-600 transition-[width] dark:bg-accent-400" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function ReelResult({ reel }: { reel: Reel }) {
  const video = reel.video!;
  return (
    <div className="space-y-3">
      <video controls preload="metadata" src={video.url} aria-label="The reel" className="max-h-[60vh] w-full rounded-lg bg-black" />
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <a className={linkClass} href={video.downloadUrl} download>
          Download the MP4
        </a>
        <a className={linkClass} href={reel.edlUrl!} download>
          Edit list (reel.json)
        </a>
        <a className={linkClass} href={reel.edlCsvUrl!} download>
          Edit list (CSV)
        </a>
        <Link className={linkClass} to={`/p/${encodeURIComponent(reel.projectId)}/session`}>
          Open the dailies session
        </Link>
      </p>
    </div>
  );
}

/** The reel last asked for: its progress while it is cut, then the player and its files, or why it failed. */
export function ReelStatus({ id }: { id: string }) {
  const reel = useQuery(reelQueryOptions(id));
  const queryClient = useQueryClient();
  const projectId = reel.data?.projectId;
  const done = reel.data ? isReelDone(reel.data.status) : false;
  // The project's reel list was read while this reel was still being cut; once it is done the
  // list (and the dailies session page that reads it) must see it finished, not the cached state.
  useEffect(() => {
    if (done && projectId) void queryClient.invalidateQueries({ queryKey: reelKeys.list(projectId) });
  }, [done, projectId, queryClient]);
  if (reel.isPending) return <LoadingNote>Loading the reel…</LoadingNote>;
  if (reel.isError) return <LoadFailed what="the reel" error={reel.error} onRetry={reel.refetch} />;
  const { data } = reel;
  if (data.status === "completed") return <ReelResult reel={data} />;
  if (data.status === "failed") {
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        The reel could not be made: {data.error?.message ?? "the studio gave no reason."}
      </p>
    );
  }
  return <ReelProgress reel={data} />;
}
