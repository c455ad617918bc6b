import { resolve } from "node:path";
import { tsImport } from "tsx/esm/api";
import { timesOfTiming, type CompletionTimes } from "../../src/shared/completion-times";
import type { CompletionTiming } from "../../src/shared/api";
import type { Take } from "../../src/shared/take";

/** The signature of `nextTakePollMs` in src/features/gallery/utils/poll-delay.ts; keep the two in step. */
export type NextTakePollMs = (take: Take, times: CompletionTimes | null, now?: number) => number | false;

const POLL_DELAY = "../../src/features/gallery/utils/poll-delay.ts";

/**
 * The SPA's own poll schedule, loaded at run time. A static import would pull browser code
 * (src/lib/api-client, with XMLHttpRequest) into the Node typecheck, and tsx started from the
 * root knows no `@/` paths; tsImport resolves them with the Node config.
 */
export async function loadPollSchedule(repoRoot: string): Promise<NextTakePollMs> {
  const module = (await tsImport(POLL_DELAY, { parentURL: import.meta.url, tsconfig: resolve(repoRoot, "tsconfig.node.json") })) as Record<string, unknown>;
  const schedule = module["nextTakePollMs"];
  if (typeof schedule !== "function" || schedule.length < 2) throw new Error(`${POLL_DELAY} no longer exports nextTakePollMs(take, times, now?)`);
  return schedule as NextTakePollMs;
}

export type TimesFor = (take: Pick<Take, "model" | "duration">) => CompletionTimes | null;

/** As src/hooks/use-completion-times.ts builds them (timesOfTiming): null for a kind with too few takes. */
export function timesFrom(timings: readonly CompletionTiming[]): TimesFor {
  const byKind = new Map(timings.map((t) => [`${t.model}/${t.duration}`, timesOfTiming(t)]));
  return (take) => byKind.get(`${take.model}/${take.duration}`) ?? null;
}
