import type { Take } from "@/shared/take";
import { describeTimeLeft, timeLeft, type CompletionTimes } from "@/shared/completion-times";
import { MODELS } from "@/shared/models";

/**
 * What a running take's card and page say while it renders: the time left from what this
 * studio has seen of takes like it ("about 20 s left", "running longer than usual"), or that
 * there is no estimate yet. Null once the take has settled.
 */
export function describeWait(take: Take, times: CompletionTimes | null, now: number): string | null {
  if (take.status === "completed" || take.status === "failed") return null;
  if (take.status === "finishing") return "Rendered — saving the video…";
  if (take.status === "checking") return "No clear answer from the AI/ML API — checking its usage log for this take; it won't be sent twice";
  const label = MODELS[take.model].label;
  const elapsedMs = now - Date.parse(take.timings.submittedAt ?? take.createdAt);
  const left = describeTimeLeft(timeLeft(times, elapsedMs));
  if (left === null) return `${label}: no estimate yet (too few takes of this kind timed here)`;
  return `${label}: ${left}`;
}
