import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { TakesStore } from "../store/takes-store";
import type { MediaDir } from "./media-dir";

const STALE_TEMP_MS = 60 * 60_000;

/**
 * Start-up clean-up after a crash: videos and posters of takes that were deleted (row gone,
 * files not yet), and abandoned temporary downloads. Files of rows that still exist stay, even
 * unfinished ones: their archive is redone and overwrites them.
 */
export async function sweepOrphans(media: MediaDir, store: TakesStore, log: Logger, now = Date.now()): Promise<void> {
  let removed = 0;
  for (const [kind, extension] of [["videos", ".mp4"], ["posters", ".jpg"]] as const) {
    for (const file of readdirSync(join(media.root, kind))) {
      if (file.endsWith(extension) && (await store.get(file.slice(0, -extension.length)))) continue;
      media.remove(media.path(kind, file));
      // Stryker disable next-line UpdateOperator: only the count in the log line below
      removed++;
    }
  }
  const tmp = join(media.root, "tmp");
  for (const file of readdirSync(tmp)) {
    const path = join(tmp, file);
    try {
      // Stryker disable next-line EqualityOperator: a temporary file exactly an hour old may go either way
      if (now - statSync(path).mtimeMs < STALE_TEMP_MS) continue;
    } catch {
      continue;
    }
    media.remove(path);
    // Stryker disable next-line UpdateOperator: only the count in the log line below
    removed++;
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: whether and how the clean-up is logged
  if (removed) log.info({ removed }, "removed media files no take refers to");
}
