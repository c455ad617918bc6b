import type { Take } from "@/shared/take";
import { isTerminal } from "@/shared/status";

/** "12 s", "1 min 05 s" */
export function formatSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** Seconds since submission, or the total once the job has finished. */
export function elapsedSeconds(take: Take, now: number): number {
  const start = Date.parse(take.createdAt);
  const end = isTerminal(take.status) ? Date.parse(take.completedAt ?? take.updatedAt) : now;
  return (end - start) / 1000;
}

export function describeElapsed(take: Take, now: number): string {
  const time = formatSeconds(elapsedSeconds(take, now));
  switch (take.status) {
    case "checking":
      return `checking whether it reached the provider · ${time}`;
    case "queued":
      return `queued · ${time}`;
    case "generating":
      return `generating · ${time}`;
    case "finishing":
      return `saving the video · ${time}`;
    case "completed":
      return `took ${time}`;
    case "failed":
      return `failed after ${time}`;
  }
}

/** Seconds between two ISO instants, or null when either is missing. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return (Date.parse(to) - Date.parse(from)) / 1000;
}
