import { REEL_FPS, type Reel } from "../../shared/reel";
import { iso, isoOrNull } from "../iso-time";
import { canvasSize, reelFiles, type ReelRecord } from "./reel";
import { reelFrames } from "./reel-edl";

const seconds = (frames: number) => frames / REEL_FPS;

/** The one mapper from a reel to what goes on the wire (`Reel` in src/shared/reel.ts). */
export function wireReel(reel: ReelRecord): Reel {
  const files = reelFiles(reel.id);
  const done = reel.status === "completed";
  return {
    id: reel.id,
    projectId: reel.projectId,
    canvas: reel.canvas,
    status: reel.status,
    progress: reel.progress,
    video: done
      ? {
          url: `/media/reels/${files.video}`,
          downloadUrl: `/media/reels/${files.video}?download=1`,
          contentType: "video/mp4",
          bytes: reel.bytes ?? 0,
          ...canvasSize(reel.canvas),
          durationSeconds: seconds(reelFrames(reel.events)),
        }
      : null,
    edlUrl: done ? `/media/reels/${files.edlJson}` : null,
    edlCsvUrl: done ? `/media/reels/${files.edlCsv}` : null,
    error: reel.error,
    createdAt: iso(reel.createdAt),
    createdBy: reel.createdBy,
    completedAt: isoOrNull(reel.completedAt),
    shots: reel.events.map((event) => ({
      shotId: event.shotId,
      code: event.code,
      takeId: event.takeId,
      slateAtSeconds: seconds(event.slateFrame),
      startSeconds: seconds(event.takeFrame),
      endSeconds: seconds(event.takeFrame + event.takeFrames),
    })),
  };
}
