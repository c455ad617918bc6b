import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { linkClass } from "@/components/ui/styles";
import type { Reel } from "@/shared/reel";
import { reelListQueryOptions } from "../api/list-reels";
import { currentShotIndex } from "../utils/current-shot";
import { ShotNotes } from "./shot-notes";

function SessionReel({ reel }: { reel: Reel }) {
  const video = useRef<HTMLVideoElement>(null);
  const [seconds, setSeconds] = useState(0);
  const current = currentShotIndex(reel.shots, seconds);
  const seek = (to: number) => {
    if (video.current) video.current.currentTime = to;
    setSeconds(to);
  };
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <video
        ref={video}
        controls
        preload="metadata"
        src={reel.video!.url}
        aria-label="The reel"
        onTimeUpdate={(event) => setSeconds(event.currentTarget.currentTime)}
        className="max-h-[75vh] w-full rounded-xl bg-black"
      />
      <section aria-label="Notes by shot">
        <ol className="space-y-3">
          {reel.shots.map((shot, index) => (
            <ShotNotes key={shot.shotId} shot={shot} current={index === current} onSeek={seek} />
          ))}
        </ol>
      </section>
    </div>
  );
}

/** The project's newest completed reel playing, each shot's notes beside it, the shot on screen marked. */
export function SessionPlayer({ projectId }: { projectId: string }) {
  const reels = useQuery(reelListQueryOptions(projectId));
  if (reels.isPending) return <LoadingNote>Loading the reel…</LoadingNote>;
  if (reels.isError) return <LoadFailed what="the project's reels" error={reels.error} onRetry={reels.refetch} box />;
  const reel = reels.data.items.find((item) => item.status === "completed");
  if (!reel) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This project has no finished reel yet.{" "}
        <Link className={linkClass} to={`/p/${encodeURIComponent(projectId)}`}>
          Make one from the shot board
        </Link>
        .
      </p>
    );
  }
  return <SessionReel key={reel.id} reel={reel} />;
}
