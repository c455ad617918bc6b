import type { CreateGenerationRequest } from "../../shared/generation";
import type { GenerationRow } from "../store/generation-row";
import { enforceSpendLimits, type TakeRequest } from "./enforce-spend-limits";
import { earlierTakes } from "./idempotent-replay";
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
  const { idempotencyKey, fingerprint, author, sourceId = null } = request;
  const earlier = earlierTakes(deps.store, request)[0];
  if (earlier) return { row: earlier, created: false };
  const frames = upstreamFrames(deps, input.image!, input.lastImage);
  // A seed is always chosen here so the take records the seed it was actually made with.
  const seed = input.seed ?? randomSeed();

  let row: GenerationRow;
  enforceSpendLimits(deps, author, 1);
  try {
    row = deps.store.create(takeRecord(deps, input, { seed, idempotencyKey, idempotencyFingerprint: fingerprint, author, sourceId, deadlineAt: Date.now() + deps.deadlineMs }));
  } catch (error) {
    // Two racing requests with one key: the loser returns the winner's take.
    const winner = earlierTakes(deps.store, request)[0];
    if (winner) return { row: winner, created: false };
    throw error;
  }

  const sent = await sendTake(deps, row, frames);
  if (sent.error) throw toHttpError(sent.error);
  return { row: sent.row, created: true };
}
