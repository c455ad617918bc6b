import type { Provider } from "../../shared/api";
import type { ErrorCode } from "../../shared/api-error";
import type { SourceKind } from "../../shared/family";
import type { ReviewState } from "../../shared/review";
import type { ImageRef } from "../../shared/take";
import type { ModelId } from "../../shared/models";
import type { TakeStatus } from "../../shared/status";

/** The archived result; width, height and length are null for takes archived before videos were probed. */
export type TakeVideo = {
  file: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  posterFile: string | null;
};

/** The studio's verdict; `by` and `at` are null while unreviewed. */
type TakeReview = { state: ReviewState; by: string | null; at: number | null };

export type TakeFailure = { code: ErrorCode; message: string; detail: string | null };

/** One take as the server works with it, whatever stores it. Times are epoch milliseconds. */
export type TakeRecord = {
  id: string;
  model: ModelId;
  prompt: string;
  ratio: string;
  duration: number;
  seed: number;
  image: ImageRef | null;
  lastImage: ImageRef | null;
  status: TakeStatus;
  provider: Provider;
  /** "pending" from the record until the upstream accepts the create. */
  submitState: "pending" | "accepted";
  upstreamId: string | null;
  upstreamStatus: string | null;
  /** The provider's video URL, kept until the archive has it. */
  resultUrl: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  deadlineAt: number;
  pollCount: number;
  video: TakeVideo | null;
  error: TakeFailure | null;
  tokensUsed: number | null;
  idempotencyKey: string | null;
  idempotencyFingerprint: string | null;
  author: string;
  favourite: boolean;
  sourceId: string | null;
  /** How it came from its source; null without one, or for takes made before it was recorded. */
  sourceKind: SourceKind | null;
  shotId: string | null;
  projectId: string | null;
  review: TakeReview;
  noteCount: number;
  batchId: string;
  submittedAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** The last poll that found the job still running (the create's acceptance before any poll). */
  pendingSeenAt: number | null;
  /** What the provider said: its trace id for the request, and the charge (null: not said yet). */
  charge: TakeCharge;
  /** Why the create was ambiguous, while the usage log is read ("checking"); kept for the fallback message. */
  checkReason: string | null;
};

/** `estimated`: `usd` is the catalogue's price, the provider never having reported the charge. */
export type TakeCharge = { inferenceId: string | null; credits: number | null; usd: number | null; estimated?: boolean };

/** What the poller moves along as a take progresses. */
export type TakeProgress = Partial<Pick<TakeRecord, "status" | "upstreamStatus" | "resultUrl" | "tokensUsed" | "pollCount" | "startedAt" | "finishedAt" | "pendingSeenAt">> & {
  /** Only the figures the provider stated: a null one leaves what is stored. */
  charge?: TakeCharge;
};
