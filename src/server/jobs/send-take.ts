import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import type { Provider } from "../../shared/api";
import { ERROR_CODES } from "../../shared/api-error";
import type { CreateGenerationRequest, ImageRef } from "../../shared/generation";
import { HttpError } from "../http/http-error";
import type { MediaDir } from "../media/media-dir";
import type { GenerationsStore, NewGeneration } from "../store/generations-store";
import type { GenerationRow } from "../store/generation-row";
import type { UploadsStore } from "../store/uploads-store";
import type { UpstreamClient } from "../upstream/aimlapi-client";
import { describeTaskFailure } from "../upstream/failure-messages";
import { UpstreamError } from "../upstream/upstream-error";
import { backoffMs } from "./backoff";
import { createVerdict, outcomeUnknown } from "./create-verdict";
import type { JobRunner } from "./job-runner";
import type { SpendLimits } from "./spend-limits";

export type SubmitDeps = {
  store: GenerationsStore;
  uploads: UploadsStore;
  media: MediaDir;
  client: UpstreamClient;
  runner: JobRunner;
  provider: Provider;
  deadlineMs: number;
  log: Logger;
  limits: SpendLimits;
};

/** The frames as the upstream takes them: HTTPS URLs as they are, uploads as data URIs. */
export type UpstreamFrames = { imageUrl: string; lastImageUrl: string | null };

function upstreamImage(deps: SubmitDeps, ref: ImageRef, field: string): string {
  if ("url" in ref) return ref.url;
  const upload = deps.uploads.get(ref.uploadId);
  if (!upload) {
    const message = "This upload is not in the studio (unknown id). Upload the image again.";
    throw new HttpError(ERROR_CODES.validation, message, { status: 422, fields: { [field]: message } });
  }
  const bytes = readFileSync(deps.media.path("uploads", upload.upstream_file_name));
  return `data:${upload.upstream_content_type};base64,${bytes.toString("base64")}`;
}

/** The record of one take of a request: the same settings, its own seed and repeat key. */
export function takeRecord(
  deps: SubmitDeps,
  input: CreateGenerationRequest,
  take: { seed: number; idempotencyKey: string | null; idempotencyFingerprint: string | null; author: string; deadlineAt: number; sourceId?: string | null },
): NewGeneration {
  return {
    model: input.model,
    prompt: input.prompt,
    ratio: input.ratio,
    duration: input.duration,
    image: input.image!, // the schema guarantees it
    lastImage: input.lastImage ?? null,
    provider: deps.provider,
    ...take,
  };
}

/** Resolved before anything is recorded, so an unknown upload refuses the request and stores nothing. */
export function upstreamFrames(deps: SubmitDeps, image: ImageRef, lastImage: ImageRef | null | undefined): UpstreamFrames {
  return {
    imageUrl: upstreamImage(deps, image, "image"),
    lastImageUrl: lastImage ? upstreamImage(deps, lastImage, "lastImage") : null,
  };
}

export function toHttpError(error: UpstreamError): HttpError {
  return new HttpError(error.code, error.message, { status: error.responseStatus });
}

const CREATE_ATTEMPTS = 3;
const MAX_CREATE_WAIT_MS = 10_000;

/**
 * The create, sent again only when the upstream certainly did not accept it (see
 * createVerdict), with backoff that honours Retry-After within a bounded wait.
 */
async function createOnce(deps: SubmitDeps, row: GenerationRow, frames: UpstreamFrames) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.client.create({
        model: row.model,
        prompt: row.prompt,
        imageUrl: frames.imageUrl,
        lastImageUrl: frames.lastImageUrl,
        ratio: row.ratio,
        duration: row.duration,
        seed: row.seed,
      });
    } catch (error) {
      if (!(error instanceof UpstreamError) || createVerdict(error) !== "retry" || attempt >= CREATE_ATTEMPTS) throw error;
      if ((error.retryAfterMs ?? 0) > MAX_CREATE_WAIT_MS) throw error;
      const wait = Math.min(MAX_CREATE_WAIT_MS, backoffMs(attempt, 500, 4000, error.retryAfterMs));
      deps.log.warn({ generationId: row.id, attempt, status: error.httpStatus, kind: error.kind, waitMs: Math.round(wait) }, "create not accepted; sending again");
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Sends the one create a recorded take is allowed (credits are money) with exactly the
 * recorded settings, stores the upstream id at once and hands the job to the poller.
 * A refused create fails the take and comes back as `error`.
 */
export async function sendTake(deps: SubmitDeps, row: GenerationRow, frames: UpstreamFrames): Promise<{ row: GenerationRow; error: UpstreamError | null }> {
  try {
    const reply = await createOnce(deps, row, frames);
    // Logged first: should the write below fail, the paid job's id is still on record.
    deps.log.info({ generationId: row.id, upstreamId: reply.id, model: row.model }, "generation submitted");
    const accepted = deps.store.markAccepted(row.id, reply.id, reply.rawStatus ?? "queued", reply.tokensUsed);
    if (reply.state === "failed") {
      const failure = describeTaskFailure(reply.failure ?? { reason: null, message: String(reply.rawStatus) });
      deps.store.update(row.id, { finished_at: Date.now() });
      return { row: deps.store.markFailed(row.id, { ...failure, detail: reply.failure?.message ?? null }), error: null };
    }
    deps.runner.track(row.id, reply.state === "completed" ? 0 : undefined);
    return { row: accepted, error: null };
  } catch (error) {
    const raw =
      error instanceof UpstreamError
        ? error
        : new UpstreamError("network", ERROR_CODES.upstreamUnavailable, "The AI/ML API call failed unexpectedly.", null, String(error));
    const upstream = createVerdict(raw) === "unknown" ? outcomeUnknown(raw) : raw;
    // The provider's own words are the take's detail; a socket's low-level reason (addresses,
    // ports) is for the operator's log only.
    const detail = upstream.kind === "http" ? upstream.detail : null;
    const failed = deps.store.markFailed(row.id, { code: upstream.code, message: upstream.message, detail });
    deps.log.warn({ generationId: row.id, code: upstream.code, status: upstream.httpStatus, reason: upstream.detail }, "create refused upstream");
    return { row: failed, error: upstream };
  }
}
