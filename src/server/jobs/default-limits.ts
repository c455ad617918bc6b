import type { SpendLimits } from "./spend-limits";

/**
 * With a real key, paid work starts bounded: an unset LIMIT_* takes these values, so a
 * runaway script or a shared link can't spend the month's credits overnight. The simulator
 * spends nothing, so it has no default limit. An explicit 0 still means no limit.
 */
export const PAID_DEFAULT_LIMITS: SpendLimits = { runningPerUser: 4, runningStudio: 0, dailyPerUser: 0, dailyStudio: 200 };

export const LIMIT_SETTING: Record<keyof SpendLimits, string> = {
  runningPerUser: "LIMIT_RUNNING_PER_USER",
  runningStudio: "LIMIT_RUNNING_STUDIO",
  dailyPerUser: "LIMIT_DAILY_PER_USER",
  dailyStudio: "LIMIT_DAILY_STUDIO",
};

export type LimitSettings = { [K in keyof SpendLimits]: number | undefined };

export function resolveSpendLimits(settings: LimitSettings, paid: boolean): { limits: SpendLimits; defaulted: (keyof SpendLimits)[] } {
  const defaulted: (keyof SpendLimits)[] = [];
  const limits = { ...PAID_DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof SpendLimits)[]) {
    const set = settings[key];
    if (set !== undefined) limits[key] = set;
    else if (!paid) limits[key] = 0;
    else if (limits[key] > 0) defaulted.push(key);
  }
  return { limits, defaulted };
}
