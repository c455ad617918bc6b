import { APP_INFO } from "../app-info";
import type { GenerationRow } from "../store/generation-row";
import type { UploadRow } from "../store/uploads-store";

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

export type FrameEntry = { zipName: string; upload: UploadRow } | null;

/** The name a frame gets inside the handoff, or null when it is an outside URL (not copied). */
export function frameZipName(role: "first-frame" | "last-frame", upload: UploadRow | undefined): FrameEntry {
  if (!upload) return null;
  return { zipName: `${role}.${EXTENSIONS[upload.content_type] ?? "img"}`, upload };
}

function describeFrame(url: string | null, uploadId: string | null, entry: FrameEntry) {
  if (!url && !uploadId) return null;
  if (!entry) return { source: uploadId ? "upload (missing)" : "url", url: uploadId ? `/media/uploads/${uploadId}` : url, uploadId, file: null };
  const { upload, zipName } = entry;
  return {
    source: "upload",
    uploadId: upload.id,
    name: upload.original_name,
    url: `/media/uploads/${upload.id}`,
    contentType: upload.content_type,
    bytes: upload.bytes,
    width: upload.width,
    height: upload.height,
    file: zipName,
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `take.json`: everything needed to know how a take was made, and to make it again. */
export function takeManifest(row: GenerationRow, videoName: string, frames: { first: FrameEntry; last: FrameEntry }, exportedAt: number) {
  return {
    kind: "dailies.take",
    id: row.id,
    model: row.model,
    provider: row.provider,
    upstreamId: row.upstream_id,
    parameters: { model: row.model, prompt: row.prompt, ratio: row.ratio, duration: row.duration, seed: row.seed },
    frames: {
      first: describeFrame(row.image_url, row.image_upload_id, frames.first),
      last: describeFrame(row.last_image_url, row.last_image_upload_id, frames.last),
    },
    video: {
      file: videoName,
      contentType: "video/mp4",
      bytes: row.video_bytes,
      width: row.video_width,
      height: row.video_height,
      durationSeconds: row.video_duration,
      poster: row.poster_file ? "poster.jpg" : null,
    },
    usage: row.tokens_used === null ? null : { tokensUsed: row.tokens_used },
    timings: {
      createdAt: iso(row.created_at),
      submittedAt: iso(row.submitted_at),
      startedAt: iso(row.started_at),
      finishedAt: iso(row.finished_at),
      completedAt: iso(row.completed_at),
    },
    favourite: row.favourite === 1,
    provenance: {
      sourceId: row.source_id,
      createdAt: iso(row.created_at),
      exportedAt: iso(exportedAt),
      app: APP_INFO,
    },
  };
}
