import type { Take } from "@/shared/take";
import type { CompletionTimes } from "@/shared/completion-times";
import { isTerminal } from "@/shared/status";
import { isUnreachable } from "@/lib/api-client";

const SLOW_MS = 2000;
const BRISK_MS = 400;
/** The BFF is archiving the video: done in well under a second. */
const FINISHING_MS = 150;
/** Brisk from this long before the first moment a take like it has ever finished. */
const LEAD_MS = 3000;
/** Past this share of takes like it done, the take is late: ease off. */
const LATE_SHARE = 0.98;
const OFFLINE_MAX_MS = 30_000;

/**
 * When this tab asks the BFF about a running take again. Asking the BFF is cheap (it answers
 * from memory; only the BFF polls the provider), but a take's end is what a person waits for:
 * slow while no take like it has ever finished this early, brisk from just before the first
 * such finish, easing off once it is later than nearly all of them, and quickest while the BFF
 * saves the finished video. With nothing learned (`times` null), the slow pace throughout.
 */
export function nextTakePollMs(take: Take, times: CompletionTimes | null, now = Date.now()): number | false {
  if (isTerminal(take.status)) return false;
  if (take.status === "finishing") return FINISHING_MS;
  // Its create is being looked up in the provider's usage log: no render timeline applies yet.
  if (!times || take.status === "checking") return SLOW_MS;
  const elapsedMs = now - Date.parse(take.timings.submittedAt ?? take.createdAt);
  const briskFrom = times.quantile(0) - LEAD_MS;
  if (!(elapsedMs >= briskFrom)) return Math.min(SLOW_MS, Math.max(BRISK_MS, briskFrom - elapsedMs));
  const lateFrom = times.quantile(LATE_SHARE);
  if (elapsedMs <= lateFrom) return BRISK_MS;
  return Math.min(SLOW_MS, BRISK_MS + (elapsedMs - lateFrom) / 10);
}

/**
 * While the server cannot be reached, each failed poll doubles the wait (1 s, 2 s, 4 s, … up
 * to 30 s) instead of asking every second in silence; null when the last poll got through.
 */
export function offlineBackoffMs(error: unknown, failures: number): number | null {
  if (!isUnreachable(error) || failures < 1) return null;
  return Math.min(OFFLINE_MAX_MS, 1000 * 2 ** (failures - 1));
}
