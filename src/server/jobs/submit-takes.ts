import { ERROR_CODES } from "../../shared/api-error";
import { LeaseLostError } from "../store/leases";
import type { CreateTakeRequest } from "../../shared/take";
import { fieldError, upstreamRefusal } from "../http/http-error";
import type { NewTake } from "../store/insert-take";
import type { StudioDeps } from "../studio";
import type { TakeRecord } from "../takes/take";
import { withinSpendLimits } from "./enforce-spend-limits";
import { earlierTakes, takeKey } from "./idempotent-replay";
import { takeOrigin, unknownShot } from "./take-origin";
import { batchSeeds } from "./seeds";
import { sendTake } from "./send-take";
import type { TakeRequest } from "./take-request";
import { upstreamFrames } from "./upstream-frames";

export type SubmitDeps = Pick<StudioDeps, "store" | "uploads" | "shots" | "media" | "client" | "runner" | "provider" | "deadlineMs" | "log" | "limits" | "budgets" | "catalogue" | "availability">;

const NOT_SENT = "Not sent: an earlier take of this batch was refused, so this one never left the studio (nothing was charged). Retry it when the problem is solved.";
const NOT_SENT_AFTER_AMBIGUOUS = "Not sent: the AI/ML API gave no clear answer to an earlier take of this batch, so this one never left the studio (nothing was charged). Retry it when that take is settled.";

/** The records of `count` takes of one request (one batch): the same settings, each its own seed and repeat key. */
function takeRecords(deps: SubmitDeps, input: CreateTakeRequest, request: TakeRequest, count: number): NewTake[] {
  const { idempotencyKey, fingerprint, author, sourceId = null, sourceKind = null } = request;
  const deadlineAt = Date.now() + deps.deadlineMs;
  // Seeds are always chosen here, so each take records the seed it was actually made with.
  return batchSeeds(input.seed, count).map((seed, n) => ({
    model: input.model,
    prompt: input.prompt,
    ratio: input.ratio,
    duration: input.duration,
    image: input.image!, // the schema guarantees it
    lastImage: input.lastImage ?? null,
    provider: deps.provider,
    seed,
    idempotencyKey: idempotencyKey ? takeKey(idempotencyKey, n) : null,
    idempotencyFingerprint: fingerprint,
    author,
    sourceId,
    sourceKind,
    shotId: input.shotId ?? null,
    deadlineAt,
  }));
}

/**
 * `count` takes of the same settings (one for a single create or a re-run), each its own
 * generation. All are recorded in one transaction before the first create is sent; the
 * creates go one at a time, and a refusal stops the rest, which fail unsent: the same key,
 * credit, rate or input problem would meet them too. Returns the takes and whether this
 * call made them (false: the Idempotency-Key was seen before).
 */
export async function submitTakes(
  deps: SubmitDeps,
  input: CreateTakeRequest,
  request: TakeRequest,
  count: number,
): Promise<{ takes: TakeRecord[]; created: boolean }> {
  const earlier = await earlierTakes(deps.store, request);
  if (earlier.length) return { takes: earlier, created: false };
  // A model known to be gone (or not enabled here) is refused before anything is recorded or sent.
  const gone = deps.availability.refusal(input.model);
  if (gone) throw fieldError("model", gone, ERROR_CODES.modelUnavailable, { status: 409 });
  const origin = await takeOrigin(deps, input, request);
  const frames = await upstreamFrames(deps, input.image!, input.lastImage);

  // What the submit is expected to cost, for the budgets: the catalogue's price, else what takes of its kind have cost.
  const askingUsd = (deps.catalogue.priceOf(input.model, input.duration) ?? (await deps.store.typicalUsd(input.model, input.duration)) ?? 0) * count;
  let takes: TakeRecord[];
  try {
    takes = await deps.store.createTakes(takeRecords(deps, input, origin, count), withinSpendLimits(deps.limits, request.author, count, { budgets: deps.budgets, askingUsd }));
  } catch (error) {
    // Two racing requests with one key: the loser answers with the winner's takes.
    const winner = await earlierTakes(deps.store, request);
    if (winner.length) return { takes: winner, created: false };
    // The shot was deleted since it was checked: its foreign key refused the insert.
    if (input.shotId && !(await deps.shots.projectOf(input.shotId))) throw unknownShot(input.shotId);
    throw error;
  }

  const done: TakeRecord[] = [];
  for (const [n, take] of takes.entries()) {
    const sent = await sendTake(deps, take, frames);
    done.push(sent.row);
    if (!sent.error) continue;
    const checking = sent.row.status === "checking";
    for (const rest of takes.slice(n + 1)) {
      const message = checking ? NOT_SENT_AFTER_AMBIGUOUS : NOT_SENT;
      // A take another replica holds now keeps the state it gave it.
      const failed = await deps.store.markFailed(rest.id, { code: ERROR_CODES.notSent, message, detail: sent.error.message }).catch(async (error: unknown) => {
        if (error instanceof LeaseLostError) return (await deps.store.get(rest.id)) ?? rest;
        throw error;
      });
      done.push(failed);
    }
    // Nothing reached the provider: answer like a single create, so the form can say why. A
    // take being checked may have reached it: it is answered as made, and its card says "checking".
    if (n === 0 && !checking) throw upstreamRefusal(sent.error);
    break;
  }
  return { takes: done, created: true };
}
