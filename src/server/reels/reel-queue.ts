import { ERROR_CODES } from "../../shared/api-error";
import { startLeaseKeeper } from "../jobs/lease-keeper";
import { removeReelFiles, renderReel, type RenderDeps } from "./render-reel";

export const INTERRUPTED_MESSAGE = "The studio stopped before this reel was finished (a restart, or the replica cutting it went down): make it again.";

type QueueDeps = RenderDeps & { leaseMs?: number };

/**
 * Reels are cut one at a time, in the order they were asked for, inside the BFF: a reel
 * is minutes of CPU, and two at once would starve the takes' archive checks. The queue
 * lives in memory; what a stopped studio left unfinished is failed at the next start, and
 * what a dead replica left, once its lease lapses (reels-store.ts).
 */
export function createReelQueue(deps: QueueDeps) {
  const waiting: string[] = [];
  const controller = new AbortController();
  let running: Promise<void> | null = null;
  let leases: { stop(): Promise<void> } | null = null;

  async function failInterrupted(claimed: readonly { id: string }[]): Promise<void> {
    for (const reel of claimed) {
      await deps.reels.markFailed(reel.id, { code: ERROR_CODES.reelFailed, message: INTERRUPTED_MESSAGE });
      await removeReelFiles(deps.media, reel.id);
    }
  }

  async function drain(): Promise<void> {
    for (let id = waiting.shift(); id !== undefined && !controller.signal.aborted; id = waiting.shift()) {
      await renderReel(deps, id, controller.signal).catch((error: unknown) => deps.log.error({ reelId: id, err: String(error) }, "reel queue"));
    }
    running = null;
  }

  return {
    /** Fails what the last run left queued or rendering, and removes files of reels that failed or are gone (another replica's reel under way keeps its files). */
    async start(): Promise<void> {
      await failInterrupted(await deps.reels.claimUnfinished("restart"));
      leases ??= startLeaseKeeper({
        leaseMs: deps.leaseMs ?? 30_000,
        renew: () => deps.reels.renewLeases(),
        claimLapsed: () => deps.reels.claimUnfinished("lapsed"),
        adopt: failInterrupted,
        log: deps.log,
        what: "reel",
      });
      // A bucket that can't be listed now keeps those files until the next start; it does not stop this one.
      const files = await deps.media.list("reels").catch((error: unknown) => {
        deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not list stored reels to remove unfinished ones");
        return [];
      });
      for (const file of files) {
        const id = file.replace(/\.(mp4|json|csv)$/, "");
        const status = (await deps.reels.get(id))?.status;
        if (status === undefined || status === "failed") await removeReelFiles(deps.media, id);
      }
    },
    enqueue(id: string): void {
      waiting.push(id);
      running ??= drain();
    },
    /** Stops the reel being cut (it stays "rendering" until the next start) and starts no other. */
    async stop(): Promise<void> {
      await leases?.stop();
      leases = null;
      controller.abort();
      await running;
    },
  };
}

export type ReelQueue = ReturnType<typeof createReelQueue>;
