import { MAX_VARIATIONS, type CreateBatchRequest } from "../../shared/generation";
import type { GenerationsStore } from "../store/generations-store";
import type { GenerationRow } from "../store/generation-row";
import { enforceSpendLimits, type TakeRequest } from "./enforce-spend-limits";
import { batchSeeds } from "./seeds";
import { sendTake, takeRecord, toHttpError, upstreamFrames, type SubmitDeps } from "./send-take";

// Each take of a keyed batch stores `batch:<key>:<n>`. The header's alphabet has no ':', so
// these never collide with a single create's key.
const takeKey = (key: string, n: number) => `batch:${key}:${n}`;

function findBatch(store: GenerationsStore, key: string): GenerationRow[] {
  const rows: GenerationRow[] = [];
  for (let n = 0; n < MAX_VARIATIONS; n++) {
    const row = store.findByIdempotencyKey(takeKey(key, n));
    if (!row) break;
    rows.push(row);
  }
  return rows;
}

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
  const { idempotencyKey, author } = request;
  if (idempotencyKey) {
    const existing = findBatch(deps.store, idempotencyKey);
    if (existing.length) return { rows: existing, created: false };
  }
  const frames = upstreamFrames(deps, input.image!, input.lastImage);
  const deadlineAt = Date.now() + deps.deadlineMs;

  let rows: GenerationRow[];
  enforceSpendLimits(deps, author, input.variations);
  try {
    rows = deps.store.createMany(
      batchSeeds(input.seed, input.variations).map((seed, n) =>
        takeRecord(deps, input, { seed, idempotencyKey: idempotencyKey ? takeKey(idempotencyKey, n) : null, author, deadlineAt }),
      ),
    );
  } catch (error) {
    const existing = idempotencyKey ? findBatch(deps.store, idempotencyKey) : [];
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
          code: "not_sent",
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
