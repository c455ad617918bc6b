import type { Take } from "@/shared/take";
import { MODELS } from "@/shared/models";
import { isTerminal } from "@/shared/status";

const SLOW_MS = 2000;
const BRISK_MS = 400;
/** The BFF is archiving the video: done in well under a second. */
const FINISHING_MS = 150;
const NEAR_SHARE = 0.85;
const LEARN_FROM = 3;

/** Create → upstream done, for a completed take; null when its timings are incomplete. */
export function takeDurationMs(take: Take): number | null {
  const { submittedAt, finishedAt } = take.timings;
  if (take.status !== "completed" || !submittedAt || !finishedAt) return null;
  const ms = Date.parse(finishedAt) - Date.parse(submittedAt);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/** The median of the durations seen (the takes in this tab's cache); null until there are a few to go by. */
export function expectedDurationMs(durations: readonly number[]): number | null {
  if (durations.length < LEARN_FROM) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * When this tab asks the BFF about a running take again. Asking the BFF is cheap (it answers
 * from memory; only the BFF polls the provider), but a take's end is what a person waits for:
 * slow for most of the expected time, brisk near its end, easing off when it runs late, and
 * quickest while the BFF saves the finished video.
 */
export function nextTakePollMs(take: Take, learnedMs: number | null, now = Date.now()): number | false {
  if (isTerminal(take.status)) return false;
  if (take.status === "finishing") return FINISHING_MS;
  const expectedMs = learnedMs ?? MODELS[take.model].typicalSeconds * 1000;
  const elapsedMs = now - Date.parse(take.timings.submittedAt ?? take.createdAt);
  const briskFrom = NEAR_SHARE * expectedMs;
  if (!(elapsedMs >= briskFrom)) return Math.min(SLOW_MS, Math.max(BRISK_MS, briskFrom - elapsedMs));
  const lateMs = Math.max(0, elapsedMs - expectedMs);
  return Math.min(SLOW_MS, BRISK_MS + lateMs / 10);
}
