import type { CreateGenerationRequest } from "../../shared/generation";
import { HttpError } from "../http/http-error";
import type { GenerationRow } from "../store/generation-row";
import { enforceSpendLimits, type TakeRequest } from "./enforce-spend-limits";
import { randomSeed } from "./seeds";
import { sendTake, toHttpError, upstreamFrames, type SubmitDeps } from "./send-take";

export type { SubmitDeps } from "./send-take";

/**
 * Records the take, then sends its one create, then hands the job to the poller. Returns the
 * row and whether this call created it (false: the Idempotency-Key was seen before).
 */
export async function submitGeneration(
  deps: SubmitDeps,
  input: CreateGenerationRequest,
  request: TakeRequest,
): Promise<{ row: GenerationRow; created: boolean }> {
  const { idempotencyKey, author, sourceId = null } = request;
  if (idempotencyKey) {
    const existing = deps.store.findByIdempotencyKey(idempotencyKey);
    if (existing) return { row: existing, created: false };
  }
  const image = input.image!; // the schema guarantees it
  const frames = upstreamFrames(deps, image, input.lastImage);
  // A seed is always chosen here so the take records the seed it was actually made with.
  const seed = input.seed ?? randomSeed();

  let row: GenerationRow;
  try {
    enforceSpendLimits(deps, author, 1);
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
      sourceId,
      author,
    });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // Two racing requests with one key: the loser returns the winner's take.
    const existing = idempotencyKey ? deps.store.findByIdempotencyKey(idempotencyKey) : undefined;
    if (existing) return { row: existing, created: false };
    throw error;
  }

  const sent = await sendTake(deps, row, frames);
  if (sent.error) throw toHttpError(sent.error);
  return { row: sent.row, created: true };
}
