import { ERROR_CODES } from "../../shared/api-error";
import type { CreateBatchRequest } from "../../shared/generation";
import type { GenerationRow } from "../store/generation-row";
import { enforceSpendLimits, type TakeRequest } from "./enforce-spend-limits";
import { batchTakeKey, earlierTakes } from "./idempotent-replay";
import { batchSeeds } from "./seeds";
import { sendTake, takeRecord, toHttpError, upstreamFrames, type SubmitDeps } from "./send-take";

/**
 * 1–4 takes of the same settings, each its own generation. All are recorded (one transaction)
 * before the first create is sent; the creates go one at a time, and a refusal stops the rest,
 * which are failed unsent: the same key, credit, rate or input problem would meet them too.
 */
export async function submitBatch(
  deps: SubmitDeps,
  input: CreateBatchRequest,
  request: TakeRequest,
): Promise<{ rows: GenerationRow[]; created: boolean }> {
  const { idempotencyKey, fingerprint, author } = request;
  const earlier = earlierTakes(deps.store, request);
  if (earlier.length) return { rows: earlier, created: false };
  const frames = upstreamFrames(deps, input.image!, input.lastImage);
  const deadlineAt = Date.now() + deps.deadlineMs;

  let rows: GenerationRow[];
  enforceSpendLimits(deps, author, input.variations);
  try {
    rows = deps.store.createMany(
      batchSeeds(input.seed, input.variations).map((seed, n) =>
        takeRecord(deps, input, { seed, idempotencyKey: idempotencyKey ? batchTakeKey(idempotencyKey, n) : null, idempotencyFingerprint: fingerprint, author, deadlineAt }),
      ),
    );
  } catch (error) {
    const existing = earlierTakes(deps.store, request);
    if (existing.length) return { rows: existing, created: false };
    throw error;
  }

  const done: GenerationRow[] = [];
  for (const [n, row] of rows.entries()) {
    const sent = await sendTake(deps, row, frames);
    done.push(sent.row);
    if (!sent.error) continue;
    for (const rest of rows.slice(n + 1)) {
      done.push(
        deps.store.markFailed(rest.id, {
          code: ERROR_CODES.notSent,
          message: "Not sent: an earlier take of this batch was refused, so this one never left the studio (nothing was charged). Retry it when the problem is solved.",
          detail: sent.error.message,
        }),
      );
    }
    // Nothing reached the provider: answer like a single create, so the form can say why.
    if (n === 0) throw toHttpError(sent.error);
    break;
  }
  return { rows: done, created: true };
}
