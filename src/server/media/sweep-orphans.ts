import type { Logger } from "pino";
import type { TakesStore } from "../store/takes-store";
import type { MediaStore } from "./media-store";

const STALE_TEMP_MS = 60 * 60_000;

/**
 * Start-up clean-up after a crash: videos and posters of takes that were deleted (row gone,
 * files not yet; in a bucket, only those the ledger records as deleted), and abandoned temporary downloads. Files of rows that still exist stay, even
 * unfinished ones: their archive is redone and overwrites them.
 */
export async function sweepOrphans(media: MediaStore, store: TakesStore, log: Logger, now = Date.now()): Promise<void> {
  let removed = 0;
  for (const [kind, extension] of [["videos", ".mp4"], ["posters", ".jpg"]] as const) {
    // A bucket that can't be listed now keeps its orphans until the next start; it does not stop this one.
    const files = await media.list(kind).catch((error: unknown) => {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, `could not list stored ${kind} to sweep orphans`);
      return [];
    });
    for (const file of files) {
      const id = file.endsWith(extension) ? file.slice(0, -extension.length) : null;
      if (id !== null && (await store.get(id))) continue;
      // A bucket outlives this database: only what the ledger says was deleted goes.
      if (media.shared && (id === null || !(await store.wasDeleted(id)))) continue;
      await media.remove(kind, file).catch(() => {});
      // Stryker disable next-line UpdateOperator: only the count in the log line below
      removed++;
    }
  }
  removed += await media.removeStaleTemps(now - STALE_TEMP_MS).catch((error: unknown) => {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not sweep stale temporary media");
    return 0;
  });
  // Stryker disable next-line ConditionalExpression,StringLiteral: whether and how the clean-up is logged
  if (removed) log.info({ removed }, "removed media files no take refers to");
}
