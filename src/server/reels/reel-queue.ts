import { ERROR_CODES } from "../../shared/api-error";
import { removeReelFiles, renderReel, type RenderDeps } from "./render-reel";

export const INTERRUPTED_MESSAGE = "The studio restarted before this reel was finished: make it again.";

/**
 * Reels are cut one at a time, in the order they were asked for, inside the BFF: a reel
 * is minutes of CPU, and two at once would starve the takes' archive checks. The queue
 * lives in memory; what a stopped studio left unfinished is failed at the next start.
 */
export function createReelQueue(deps: RenderDeps) {
  const waiting: string[] = [];
  const controller = new AbortController();
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    for (let id = waiting.shift(); id !== undefined && !controller.signal.aborted; id = waiting.shift()) {
      await renderReel(deps, id, controller.signal).catch((error: unknown) => deps.log.error({ reelId: id, err: String(error) }, "reel queue"));
    }
    running = null;
  }

  return {
    /** Fails what the last run left queued or rendering, and removes files no completed reel owns. */
    async start(): Promise<void> {
      for (const reel of await deps.reels.unfinished()) await deps.reels.markFailed(reel.id, { code: ERROR_CODES.reelFailed, message: INTERRUPTED_MESSAGE });
      // A bucket that can't be listed now keeps those files until the next start; it does not stop this one.
      const files = await deps.media.list("reels").catch((error: unknown) => {
        deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not list stored reels to remove unfinished ones");
        return [];
      });
      for (const file of files) {
        const id = file.replace(/\.(mp4|json|csv)$/, "");
        if ((await deps.reels.get(id))?.status !== "completed") await removeReelFiles(deps.media, id);
      }
    },
    enqueue(id: string): void {
      waiting.push(id);
      running ??= drain();
    },
    /** Stops the reel being cut (it stays "rendering" until the next start) and starts no other. */
    async stop(): Promise<void> {
      controller.abort();
      await running;
    },
  };
}

export type ReelQueue = ReturnType<typeof createReelQueue>;
