import { ERROR_CODES, isErrorCode } from "../../shared/api-error";
import type { Provider } from "../../shared/api";
import type { SourceKind } from "../../shared/family";
import type { ReviewState } from "../../shared/review";
import type { ImageRef } from "../../shared/take";
import type { ModelId } from "../../shared/models";
import type { TakeStatus } from "../../shared/status";
import type { TakeCharge, TakeRecord, TakeProgress } from "../takes/take";

/** A generations row as SQLite returns it; it never leaves store/. */
export type TakeRow = {
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
  status: TakeStatus;
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
  source_kind: SourceKind | null;
  shot_id: string | null;
  project_id: string | null;
  review_state: ReviewState;
  review_by: string | null;
  review_at: number | null;
  review_seq: number | null;
  note_count: number;
  batch_id: string;
  submitted_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  pending_seen_at: number | null;
  inference_id: string | null;
  cost_credits: number | null;
  cost_usd: number | null;
  check_reason: string | null;
  cost_estimated: 0 | 1;
};

function frame(url: string | null, uploadId: string | null): ImageRef | null {
  if (uploadId) return { uploadId };
  return url ? { url } : null;
}

export function rowToTake(row: TakeRow): TakeRecord {
  return {
    id: row.id,
    model: row.model,
    prompt: row.prompt,
    ratio: row.ratio,
    duration: row.duration,
    seed: row.seed,
    image: frame(row.image_url, row.image_upload_id),
    lastImage: frame(row.last_image_url, row.last_image_upload_id),
    status: row.status,
    provider: row.provider,
    submitState: row.submit_state,
    upstreamId: row.upstream_id,
    upstreamStatus: row.upstream_status,
    resultUrl: row.result_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    deadlineAt: row.deadline_at,
    pollCount: row.poll_count,
    video:
      row.video_file && row.video_bytes !== null
        ? { file: row.video_file, bytes: row.video_bytes, width: row.video_width, height: row.video_height, durationSeconds: row.video_duration, posterFile: row.poster_file }
        : null,
    // A code the table no longer (or not yet) lists still shows, as a plain failure.
    error: row.error_code
      ? { code: isErrorCode(row.error_code) ? row.error_code : ERROR_CODES.generationFailed, message: row.error_message ?? "", detail: row.error_detail }
      : null,
    tokensUsed: row.tokens_used,
    idempotencyKey: row.idempotency_key,
    idempotencyFingerprint: row.idempotency_fingerprint,
    author: row.author,
    favourite: row.favourite === 1,
    sourceId: row.source_id,
    sourceKind: row.source_kind,
    shotId: row.shot_id,
    projectId: row.project_id,
    review: { state: row.review_state, by: row.review_by, at: row.review_at },
    noteCount: row.note_count,
    batchId: row.batch_id,
    submittedAt: row.submitted_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    pendingSeenAt: row.pending_seen_at,
    charge: { inferenceId: row.inference_id, credits: row.cost_credits, usd: row.cost_usd, estimated: row.cost_estimated === 1 },
    checkReason: row.check_reason,
  };
}

const PROGRESS_COLUMNS: Record<Exclude<keyof TakeProgress, "charge">, keyof TakeRow> = {
  status: "status",
  upstreamStatus: "upstream_status",
  resultUrl: "result_url",
  tokensUsed: "tokens_used",
  pollCount: "poll_count",
  startedAt: "started_at",
  finishedAt: "finished_at",
  pendingSeenAt: "pending_seen_at",
};

/** The columns of what the provider stated about a charge; what it did not state is left as stored. */
export function chargeColumns(charge: TakeCharge | undefined): Partial<TakeRow> {
  if (!charge) return {};
  return {
    ...(charge.estimated ? { cost_estimated: 1 as const } : {}),
    ...(charge.inferenceId === null ? {} : { inference_id: charge.inferenceId }),
    ...(charge.credits === null ? {} : { cost_credits: charge.credits }),
    ...(charge.usd === null ? {} : { cost_usd: charge.usd }),
  };
}

export function progressColumns({ charge, ...progress }: TakeProgress): Partial<TakeRow> {
  const columns = Object.entries(progress).filter(([, value]) => value !== undefined).map(([key, value]) => [PROGRESS_COLUMNS[key as keyof typeof PROGRESS_COLUMNS], value]);
  return { ...Object.fromEntries(columns), ...chargeColumns(charge) };
}
