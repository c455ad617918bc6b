import { ERROR_CODES, errorSpec, isErrorCode } from "../../shared/api-error";
import type { Generation } from "../../shared/generation";
import { MODELS, type ModelId } from "../../shared/models";
import type { GenerationStatus } from "../../shared/status";
import type { Provider } from "../../shared/api";
import { downloadName } from "../media/download-name";

/** A generations row as SQLite returns it. */
export type GenerationRow = {
  seq: number;
  id: string;
  model: ModelId;
  prompt: string;
  prompt_folded: string;
  ratio: string;
  duration: number;
  seed: number;
  image_url: string | null;
  image_upload_id: string | null;
  last_image_url: string | null;
  last_image_upload_id: string | null;
  status: GenerationStatus;
  provider: Provider;
  submit_state: "pending" | "accepted";
  upstream_id: string | null;
  upstream_status: string | null;
  result_url: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  deadline_at: number;
  poll_count: number;
  video_file: string | null;
  video_bytes: number | null;
  video_width: number | null;
  video_height: number | null;
  video_duration: number | null;
  poster_file: string | null;
  error_code: string | null;
  error_message: string | null;
  error_detail: string | null;
  tokens_used: number | null;
  idempotency_key: string | null;
  idempotency_fingerprint: string | null;
  author: string;
  favourite: 0 | 1;
  source_id: string | null;
  submitted_at: number | null;
  started_at: number | null;
  finished_at: number | null;
};

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

function frame(url: string | null, uploadId: string | null): Generation["image"] | null {
  if (uploadId) return { url: `/media/uploads/${uploadId}`, uploadId };
  if (url) return { url, uploadId: null };
  return null;
}

export function rowDownloadName(row: GenerationRow): string {
  return downloadName({ createdAt: row.created_at, model: row.model, prompt: row.prompt, seed: row.seed });
}

function video(row: GenerationRow): Generation["video"] {
  if (row.status !== "completed" || !row.video_file || row.video_bytes === null) return null;
  // Takes archived before videos were probed fall back to what the model renders.
  const size = MODELS[row.model].outputSizes[row.ratio];
  return {
    url: `/media/videos/${row.id}.mp4`,
    contentType: "video/mp4",
    bytes: row.video_bytes,
    width: row.video_width ?? size?.width ?? 0,
    height: row.video_height ?? size?.height ?? 0,
    durationSeconds: row.video_duration ?? row.duration,
    posterUrl: row.poster_file ? `/media/posters/${row.id}.jpg` : null,
    downloadName: rowDownloadName(row),
  };
}

/** Retry and who sees the detail come from the code's line in the table. */
function wireError(stored: string, message: string, detail: string | null): Generation["error"] {
  // A code the table no longer (or not yet) lists still shows, as a plain failure.
  const code = isErrorCode(stored) ? stored : ERROR_CODES.generationFailed;
  const spec = errorSpec(code);
  return { code, message, detail: spec.detail === "everyone" ? detail : null, retryable: spec.retryable };
}

/** The wire shape of a generation (`src/shared/generation.ts`). */
export function toGeneration(row: GenerationRow): Generation {
  return {
    id: row.id,
    model: row.model,
    prompt: row.prompt,
    ratio: row.ratio,
    duration: row.duration,
    seed: row.seed,
    image: frame(row.image_url, row.image_upload_id) ?? { url: "", uploadId: null },
    lastImage: frame(row.last_image_url, row.last_image_upload_id),
    status: row.status,
    provider: row.provider,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    completedAt: isoOrNull(row.completed_at),
    video: video(row),
    error: row.error_code ? wireError(row.error_code, row.error_message ?? "", row.error_detail) : null,
    usage: row.tokens_used === null ? null : { tokensUsed: row.tokens_used },
    favourite: row.favourite === 1,
    author: row.author,
    sourceId: row.source_id,
    timings: {
      submittedAt: isoOrNull(row.submitted_at),
      startedAt: isoOrNull(row.started_at),
      finishedAt: isoOrNull(row.finished_at),
    },
  };
}
