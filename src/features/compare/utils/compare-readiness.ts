import { ApiError } from "@/lib/api-client";
import type { Take } from "@/shared/take";

/** One take's query, as the page sees it. */
export type TakeLoad = { id: string; take: Take | undefined; error: Error | null };

export type Readiness =
  | { kind: "loading" }
  | { kind: "blocked"; problems: string[]; canRetry: boolean }
  | { kind: "ready"; takes: Take[] };

const name = (take: Take) => `“${take.prompt || "Untitled"}” (${take.id})`;

function problemOf({ id, take, error }: TakeLoad): string | null {
  if (error && !take) {
    if (error instanceof ApiError && error.status === 404) return `No take has the id “${id}”: it may have been deleted. Remove it from the address.`;
    return `Couldn't load the take “${id}”: ${error.message}`;
  }
  if (!take) return null;
  if (take.status === "failed") return `${name(take)} failed, so it has no video to compare. Remove it from the address.`;
  if (take.status !== "completed" || !take.video) return `${name(take)} is still being made; it joins the comparison when it has finished.`;
  return null;
}

/** Every take loaded and playable, or what stands in the way of comparing them. */
export function compareReadiness(loads: TakeLoad[]): Readiness {
  const problems = loads.map(problemOf).filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    const canRetry = loads.some(({ take, error }) => error && !(error instanceof ApiError && error.status === 404) && !take);
    return { kind: "blocked", problems, canRetry };
  }
  const takes = loads.map((load) => load.take);
  if (takes.some((take) => take === undefined)) return { kind: "loading" };
  return { kind: "ready", takes: takes as Take[] };
}
