import { errorSpec } from "../../shared/api-error";
import type { Take, ImageRef } from "../../shared/take";
import { MODELS } from "../../shared/models";
import { downloadName } from "../media/download-name";
import type { TakeRecord } from "./take";
import { takeCharge } from "./take-charge";
import { iso, isoOrNull } from "../iso-time";

function frame(ref: ImageRef | null): Take["image"] | null {
  if (!ref) return null;
  return "uploadId" in ref ? { url: `/media/uploads/${ref.uploadId}`, uploadId: ref.uploadId } : { url: ref.url, uploadId: null };
}

function video(take: TakeRecord): Take["video"] {
  if (take.status !== "completed" || !take.video) return null;
  // Takes archived before videos were probed fall back to what the model renders.
  const size = MODELS[take.model].outputSizes[take.ratio];
  return {
    url: `/media/videos/${take.id}.mp4`,
    contentType: "video/mp4",
    bytes: take.video.bytes,
    width: take.video.width ?? size?.width ?? 0,
    height: take.video.height ?? size?.height ?? 0,
    durationSeconds: take.video.durationSeconds ?? take.duration,
    posterUrl: take.video.posterFile ? `/media/posters/${take.id}.jpg` : null,
    downloadName: downloadName(take),
  };
}

/** Retry and who may read the detail come from the code's line in the table. */
function failure(take: TakeRecord): Take["error"] {
  if (!take.error) return null;
  const spec = errorSpec(take.error.code);
  return { ...take.error, detail: spec.detail === "everyone" ? take.error.detail : null, retryable: spec.retryable };
}

/** The one mapper from a take to what goes on the wire (`Take` in src/shared/take.ts). */
export function wireTake(take: TakeRecord): Take {
  return {
    id: take.id,
    model: take.model,
    prompt: take.prompt,
    ratio: take.ratio,
    duration: take.duration,
    seed: take.seed,
    image: frame(take.image) ?? { url: "", uploadId: null },
    lastImage: frame(take.lastImage),
    status: take.status,
    provider: take.provider,
    createdAt: iso(take.createdAt),
    updatedAt: iso(take.updatedAt),
    completedAt: isoOrNull(take.completedAt),
    video: video(take),
    error: failure(take),
    usage: take.tokensUsed === null ? null : { tokensUsed: take.tokensUsed },
    charge: takeCharge(take),
    favourite: take.favourite,
    author: take.author,
    sourceId: take.sourceId,
    shotId: take.shotId,
    projectId: take.projectId,
    review: { state: take.review.state, by: take.review.by, at: isoOrNull(take.review.at) },
    noteCount: take.noteCount,
    batchId: take.batchId,
    timings: {
      submittedAt: isoOrNull(take.submittedAt),
      startedAt: isoOrNull(take.startedAt),
      finishedAt: isoOrNull(take.finishedAt),
    },
  };
}
