import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import type { Provider } from "../../shared/api";
import { ERROR_CODES } from "../../shared/api-error";
import type { CreateGenerationRequest, ImageRef } from "../../shared/generation";
import { SEED_MAX } from "../../shared/limits";
import { HttpError } from "../http/http-error";
import type { MediaDir } from "../media/media-dir";
import type { GenerationsStore } from "../store/generations-store";
import type { GenerationRow } from "../store/generation-row";
import type { UploadsStore } from "../store/uploads-store";
import type { UpstreamClient } from "../upstream/aimlapi-client";
import { describeTaskFailure } from "../upstream/failure-messages";
import { UpstreamError } from "../upstream/upstream-error";
import type { JobRunner } from "./job-runner";

export type SubmitDeps = {
  store: GenerationsStore;
  uploads: UploadsStore;
  media: MediaDir;
  client: UpstreamClient;
  runner: JobRunner;
  provider: Provider;
  deadlineMs: number;
  log: Logger;
};

/** Turns a frame into what the upstream takes: the HTTPS URL as is, an upload as a data URI. */
function upstreamImage(deps: SubmitDeps, ref: ImageRef, field: string): string {
  if ("url" in ref) return ref.url;
  const upload = deps.uploads.get(ref.uploadId);
  if (!upload) {
    const message = "This upload is not in the studio (unknown id). Upload the image again.";
    throw new HttpError(422, ERROR_CODES.validation, message, { [field]: message });
  }
  const bytes = readFileSync(deps.media.path("uploads", upload.upstream_file_name));
  return `data:${upload.upstream_content_type};base64,${bytes.toString("base64")}`;
}

/**
 * Records the take, then sends the one create it is allowed (credits are money), then hands
 * the job to the poller. Returns the row and whether it was created by this call.
 */
export async function submitGeneration(
  deps: SubmitDeps,
  input: CreateGenerationRequest,
  idempotencyKey: string | null,
): Promise<{ row: GenerationRow; created: boolean }> {
  if (idempotencyKey) {
    const existing = deps.store.findByIdempotencyKey(idempotencyKey);
    if (existing) return { row: existing, created: false };
  }
  const image = input.image!; // the schema guarantees it
  const imageUrl = upstreamImage(deps, image, "image");
  const lastImageUrl = input.lastImage ? upstreamImage(deps, input.lastImage, "lastImage") : null;
  // A seed is always chosen here so the take records the seed it was actually made with.
  const seed = input.seed ?? randomInt(0, SEED_MAX + 1);

  let row: GenerationRow;
  try {
    row = deps.store.create({
      model: input.model,
      prompt: input.prompt,
      ratio: input.ratio,
      duration: input.duration,
      seed,
      image,
      lastImage: input.lastImage ?? null,
      provider: deps.provider,
      deadlineAt: Date.now() + deps.deadlineMs,
      idempotencyKey,
    });
  } catch (error) {
    // Two racing requests with one key: the loser returns the winner's take.
    const existing = idempotencyKey ? deps.store.findByIdempotencyKey(idempotencyKey) : undefined;
    if (existing) return { row: existing, created: false };
    throw error;
  }

  try {
    const reply = await deps.client.create({
      model: input.model,
      prompt: input.prompt,
      imageUrl,
      lastImageUrl,
      ratio: input.ratio,
      duration: input.duration,
      seed,
    });
    row = deps.store.markAccepted(row.id, reply.id, reply.rawStatus ?? "queued", reply.tokensUsed);
    deps.log.info({ generationId: row.id, upstreamId: reply.id, model: input.model }, "generation submitted");
    if (reply.state === "failed") {
      const failure = describeTaskFailure(reply.failure ?? { reason: null, message: String(reply.rawStatus) });
      return { row: deps.store.markFailed(row.id, { ...failure, detail: reply.failure?.message ?? null }), created: true };
    }
    deps.runner.track(row.id, reply.state === "completed" ? 0 : undefined);
    return { row, created: true };
  } catch (error) {
    const upstream =
      error instanceof UpstreamError
        ? error
        : new UpstreamError("network", ERROR_CODES.upstreamUnavailable, "The AI/ML API call failed unexpectedly.", null, String(error));
    deps.store.markFailed(row.id, { code: upstream.code, message: upstream.message, detail: upstream.detail });
    deps.log.warn({ generationId: row.id, code: upstream.code, status: upstream.httpStatus }, "create refused upstream");
    throw new HttpError(upstream.responseStatus as 429 | 422 | 413 | 502, upstream.code, upstream.message);
  }
}
