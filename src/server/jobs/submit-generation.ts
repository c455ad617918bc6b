import type { CreateGenerationRequest } from "../../shared/generation";
import type { GenerationRow } from "../store/generation-row";
import { enforceSpendLimits, type TakeRequest } from "./enforce-spend-limits";
import { randomSeed } from "./seeds";
import { sendTake, takeRecord, toHttpError, upstreamFrames, type SubmitDeps } from "./send-take";

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
  const frames = upstreamFrames(deps, input.image!, input.lastImage);
  // A seed is always chosen here so the take records the seed it was actually made with.
  const seed = input.seed ?? randomSeed();

  let row: GenerationRow;
  enforceSpendLimits(deps, author, 1);
  try {
    row = deps.store.create(takeRecord(deps, input, { seed, idempotencyKey, author, sourceId, deadlineAt: Date.now() + deps.deadlineMs }));
  } catch (error) {
    // Two racing requests with one key: the loser returns the winner's take.
    const existing = idempotencyKey ? deps.store.findByIdempotencyKey(idempotencyKey) : undefined;
    if (existing) return { row: existing, created: false };
    throw error;
  }

  const sent = await sendTake(deps, row, frames);
  if (sent.error) throw toHttpError(sent.error);
  return { row: sent.row, created: true };
}
