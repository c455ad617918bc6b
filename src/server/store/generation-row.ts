import type { Generation } from "../../shared/generation";
import type { ModelId } from "../../shared/models";
import type { GenerationStatus } from "../../shared/status";
import type { Provider } from "../../shared/api";

/** A generations row as SQLite returns it. */
export type GenerationRow = {
  seq: number;
  id: string;
  model: ModelId;
  prompt: string;
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
  error_code: string | null;
  error_message: string | null;
  error_detail: string | null;
  tokens_used: number | null;
  idempotency_key: string | null;
};

const iso = (ms: number) => new Date(ms).toISOString();

function frame(url: string | null, uploadId: string | null): Generation["image"] | null {
  if (uploadId) return { url: `/media/uploads/${uploadId}`, uploadId };
  if (url) return { url, uploadId: null };
  return null;
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
    completedAt: row.completed_at === null ? null : iso(row.completed_at),
    video:
      row.status === "completed" && row.video_file && row.video_bytes !== null
        ? { url: `/media/videos/${row.id}.mp4`, contentType: "video/mp4", bytes: row.video_bytes }
        : null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? "" } : null,
    usage: row.tokens_used === null ? null : { tokensUsed: row.tokens_used },
  };
}
