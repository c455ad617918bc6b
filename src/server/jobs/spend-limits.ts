import type { LimitCounts } from "../store/spend-counts";

/** Operator limits on spending; 0 means no limit. */
export type SpendLimits = {
  runningPerUser: number;
  runningStudio: number;
  dailyPerUser: number;
  dailyStudio: number;
};

export type LimitHit = { limit: keyof SpendLimits; message: string; resetsAt: string | null };

/** The next midnight UTC: daily limits count calendar days in UTC. */
export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

export function startOfUtcDay(now: number): number {
  return nextUtcMidnight(now) - 86_400_000;
}

function inHoursAndMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m} min` : `${m} min`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Which limit `asking` more takes would break, said so the creator knows what to do and
 * when it frees up; null when they fit.
 */
export function checkSpendLimits(limits: SpendLimits, counts: LimitCounts, asking: number, now: number): LimitHit | null {
  const over = (limit: number, used: number) => limit > 0 && used + asking > limit;
  const more = asking > 1 ? ` (${asking} more would go over)` : "";
  const midnight = nextUtcMidnight(now);
  const resets = `It resets at 00:00 UTC, in ${inHoursAndMinutes(midnight - now)}.`;
  if (over(limits.runningPerUser, counts.runningUser)) {
    return {
      limit: "runningPerUser",
      message: `You have ${plural(counts.runningUser, "take")} running; the most one person may run at once is ${limits.runningPerUser}${more}. Submit again when one of them finishes.`,
      resetsAt: null,
    };
  }
  if (over(limits.runningStudio, counts.runningStudio)) {
    return {
      limit: "runningStudio",
      message: `The studio has ${plural(counts.runningStudio, "take")} running, its limit is ${limits.runningStudio}${more}. Submit again when one finishes.`,
      resetsAt: null,
    };
  }
  if (over(limits.dailyPerUser, counts.todayUser)) {
    return {
      limit: "dailyPerUser",
      message: `You have made ${plural(counts.todayUser, "take")} today; the daily limit per person is ${limits.dailyPerUser}${more}. ${resets}`,
      resetsAt: new Date(midnight).toISOString(),
    };
  }
  if (over(limits.dailyStudio, counts.todayStudio)) {
    return {
      limit: "dailyStudio",
      message: `The studio has made ${plural(counts.todayStudio, "take")} today; its daily cap is ${limits.dailyStudio}${more}. ${resets}`,
      resetsAt: new Date(midnight).toISOString(),
    };
  }
  return null;
}
