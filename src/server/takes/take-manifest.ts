import { APP_INFO } from "../app-info";
import { iso, isoOrNull } from "../iso-time";
import type { ImageRef } from "../../shared/take";
import type { UploadRecord } from "../images/upload-record";
import type { NoteRecord } from "../notes/note";
import type { TakeRecord, TakeVideo } from "./take";

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

export type FrameEntry = { zipName: string; upload: UploadRecord } | null;

/** The name a frame gets inside the handoff, or null when it is an outside URL (not copied). */
export function frameZipName(role: "first-frame" | "last-frame", upload: UploadRecord | undefined): FrameEntry {
  if (!upload) return null;
  return { zipName: `${role}.${EXTENSIONS[upload.contentType] ?? "img"}`, upload };
}

function describeFrame(ref: ImageRef | null, entry: FrameEntry) {
  if (!ref) return null;
  if (!entry) {
    if ("url" in ref) return { source: "url", url: ref.url, uploadId: null, file: null };
    return { source: "upload (missing)", url: `/media/uploads/${ref.uploadId}`, uploadId: ref.uploadId, file: null };
  }
  const { upload, zipName } = entry;
  return {
    source: "upload",
    uploadId: upload.id,
    name: upload.originalName,
    url: `/media/uploads/${upload.id}`,
    contentType: upload.contentType,
    bytes: upload.bytes,
    width: upload.width,
    height: upload.height,
    file: zipName,
  };
}

const manifestNote = (note: NoteRecord) => ({ atSeconds: note.atSeconds, x: note.x, y: note.y, text: note.text, author: note.author, createdAt: iso(note.createdAt) });

/** What went into `take.json`: the take, its files, and the notes on it in the order they come up. */
type ManifestParts = { video: TakeVideo; videoName: string; frames: { first: FrameEntry; last: FrameEntry }; notes: readonly NoteRecord[]; exportedAt: number };

/** `take.json`: everything needed to know how a take was made and what the studio made of it, and to make it again. */
export function takeManifest(take: TakeRecord, { video, videoName, frames, notes, exportedAt }: ManifestParts) {
  return {
    kind: "dailies.take",
    id: take.id,
    model: take.model,
    provider: take.provider,
    upstreamId: take.upstreamId,
    parameters: { model: take.model, prompt: take.prompt, ratio: take.ratio, duration: take.duration, seed: take.seed },
    frames: {
      first: describeFrame(take.image, frames.first),
      last: describeFrame(take.lastImage, frames.last),
    },
    video: {
      file: videoName,
      contentType: "video/mp4",
      bytes: video.bytes,
      width: video.width,
      height: video.height,
      durationSeconds: video.durationSeconds,
      poster: video.posterFile ? "poster.jpg" : null,
    },
    usage: take.tokensUsed === null ? null : { tokensUsed: take.tokensUsed },
    timings: {
      createdAt: iso(take.createdAt),
      submittedAt: isoOrNull(take.submittedAt),
      startedAt: isoOrNull(take.startedAt),
      finishedAt: isoOrNull(take.finishedAt),
      completedAt: isoOrNull(take.completedAt),
    },
    favourite: take.favourite,
    review: { state: take.review.state, by: take.review.by, at: isoOrNull(take.review.at) },
    shotId: take.shotId,
    projectId: take.projectId,
    notes: notes.map(manifestNote),
    provenance: {
      sourceId: take.sourceId,
      createdAt: iso(take.createdAt),
      exportedAt: iso(exportedAt),
      app: APP_INFO,
    },
  };
}
