import type { StudioDeps } from "../studio";
import type { TakeRecord } from "../takes/take";
import { UpstreamError } from "../upstream/upstream-error";
import { backoffMs } from "./backoff";
import { createVerdict } from "./create-verdict";
import type { UpstreamFrames } from "./upstream-frames";

const CREATE_ATTEMPTS = 3;
const MAX_CREATE_WAIT_MS = 10_000;

/**
 * The create, sent again only when the upstream certainly did not accept it (see
 * createVerdict), with backoff that honours Retry-After within a bounded wait.
 */
export async function createWithRetry(deps: Pick<StudioDeps, "client" | "log">, row: TakeRecord, frames: UpstreamFrames) {
  for (let attempt = 1; ; attempt++) {
    try {
      // The take's id tags the request, so the usage log can say later whether an ambiguous create arrived.
      return await deps.client.create(
        {
          model: row.model,
          prompt: row.prompt,
          imageUrl: frames.imageUrl,
          lastImageUrl: frames.lastImageUrl,
          ratio: row.ratio,
          duration: row.duration,
          seed: row.seed,
        },
        row.id,
      );
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: createVerdict reads anything else as "unknown", which throws below too; the check is for the type checker
      if (!(error instanceof UpstreamError)) throw error;
      if (createVerdict(error) !== "retry" || attempt >= CREATE_ATTEMPTS) throw error;
      if ((error.retryAfterMs ?? 0) > MAX_CREATE_WAIT_MS) throw error;
      const wait = Math.min(MAX_CREATE_WAIT_MS, backoffMs(attempt, 500, 4000, error.retryAfterMs));
      deps.log.warn({ generationId: row.id, attempt, status: error.httpStatus, kind: error.kind, waitMs: Math.round(wait) }, "create not accepted; sending again");
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
