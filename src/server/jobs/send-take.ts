import { ERROR_CODES } from "../../shared/api-error";
import type { StudioDeps } from "../studio";
import type { TakeRecord } from "../takes/take";
import { describeTaskFailure } from "../upstream/failure-messages";
import { UpstreamError } from "../upstream/upstream-error";
import { LeaseLostError } from "../store/leases";
import { ambiguity, createVerdict } from "./create-verdict";
import { refusesModel } from "./model-availability";
import { upstreamModelName } from "../upstream/aimlapi-client";
import { createWithRetry } from "./create-with-retry";
import type { UpstreamFrames } from "./upstream-frames";

/**
 * Sends the one create a recorded take is allowed (credits are money) with exactly the
 * recorded settings, stores the upstream id at once and hands the job to the poller.
 * A refused create fails the take and comes back as `error`. An ambiguous one (it may have
 * arrived) is never sent again: the take is "checking" while the job runner reads the
 * provider's usage log for it, and comes back with `error` too, so a batch stops there.
 */
export async function sendTake(
  deps: Pick<StudioDeps, "store" | "client" | "runner" | "log" | "availability">,
  row: TakeRecord,
  frames: UpstreamFrames,
): Promise<{ row: TakeRecord; error: UpstreamError | null }> {
  // Another replica failed it as interrupted while this one had lost its lease: never sent.
  if (!(await deps.store.claimSend(row.id))) return lost(deps, row);
  try {
    const reply = await createWithRetry(deps, row, frames);
    // Logged first: should the write below fail, the paid job's id is still on record.
    deps.log.info({ generationId: row.id, upstreamId: reply.id, model: row.model }, "generation submitted");
    const accepted = await deps.store.markAccepted(row.id, reply.id, reply.rawStatus ?? "queued", reply.tokensUsed, reply.charge);
    if (reply.state === "failed") {
      // Stryker disable next-line ObjectLiteral: describeTaskFailure reads only the reason, which is null here either way
      const failure = describeTaskFailure(reply.failure ?? { reason: null, message: String(reply.rawStatus) });
      await deps.store.update(row.id, { finishedAt: Date.now() });
      return { row: await deps.store.markFailed(row.id, { ...failure, detail: reply.failure?.message ?? null }), error: null };
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: only when the first poll goes out (at once for a create that came back done)
    await deps.runner.track(row.id, reply.state === "completed" ? 0 : undefined);
    return { row: accepted, error: null };
  } catch (error) {
    if (error instanceof LeaseLostError) return lost(deps, row);
    const raw =
      error instanceof UpstreamError
        ? error
        : // Stryker disable next-line StringLiteral: anything but an UpstreamError (a failed write after the reply) reads as unknown below, and outcomeUnknown replaces these words
          new UpstreamError("network", ERROR_CODES.upstreamUnavailable, "The AI/ML API call failed unexpectedly.", null, String(error));
    if (createVerdict(raw) === "unknown") {
      const checking = await deps.store.markChecking(row.id, ambiguity(raw));
      deps.log.warn({ generationId: row.id, kind: raw.kind, status: raw.httpStatus, reason: raw.detail }, "create ended ambiguously; reading the usage log for it");
      await deps.runner.check(row.id);
      return { row: checking, error: raw };
    }
    // The provider's own words are the take's detail; a socket's low-level reason (addresses,
    // ports) is for the operator's log only.
    const detail = raw.kind === "http" ? raw.detail : null;
    if (refusesModel(raw.httpStatus, raw.detail, row.model, upstreamModelName(row.model))) {
      // The model is gone: say so, and send nothing more for it for a while (model-availability.ts).
      const gone = new UpstreamError("http", ERROR_CODES.modelUnavailable, deps.availability.markRetired(row.model), raw.httpStatus, raw.detail);
      const failed = await deps.store.markFailed(row.id, { code: gone.code, message: gone.message, detail });
      deps.log.warn({ generationId: row.id, model: row.model, status: raw.httpStatus, reason: raw.detail }, "model refused upstream as retired or unknown; not sent again for a while");
      return { row: failed, error: gone };
    }
    const failed = await deps.store.markFailed(row.id, { code: raw.code, message: raw.message, detail });
    deps.log.warn({ generationId: row.id, code: raw.code, status: raw.httpStatus, reason: raw.detail }, "create refused upstream");
    return { row: failed, error: raw };
  }
}

/**
 * The take is another replica's now (this one lost its lease while sending: a stall, the
 * database out of reach): its state there stands, and a batch stops here.
 */
async function lost(deps: Pick<StudioDeps, "store" | "log">, row: TakeRecord): Promise<{ row: TakeRecord; error: UpstreamError }> {
  deps.log.warn({ generationId: row.id }, "another replica holds this take now; this one sends and writes nothing more for it");
  const current = (await deps.store.get(row.id)) ?? row;
  return { row: current, error: new UpstreamError("network", ERROR_CODES.notSent, "This take was taken over by another replica of the studio and not sent from here.", null, null) };
}
