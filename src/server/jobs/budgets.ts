import { toMicroUsd as micro } from "../../shared/money";

/** Monthly budgets in USD (BUDGET_MONTHLY_PER_USER_USD, BUDGET_MONTHLY_STUDIO_USD); 0 means none. */
export type Budgets = { monthlyPerUserUsd: number; monthlyStudioUsd: number };

export type BudgetLine = { limitUsd: number; spentUsd: number; leftUsd: number };

/** The first moment of this calendar month, UTC: budgets count calendar months in UTC. */
export function startOfUtcMonth(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function nextUtcMonth(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** "$0.20", "$0.125": cents, or a tenth of a cent where a price needs it. */
export const money = (usd: number) => `$${Math.abs(usd * 100 - Math.round(usd * 100)) < 1e-9 ? usd.toFixed(2) : usd.toFixed(3)}`;


export function budgetLine(limitUsd: number, spentUsd: number): BudgetLine | null {
  return limitUsd > 0 ? { limitUsd, spentUsd: micro(spentUsd), leftUsd: micro(Math.max(0, limitUsd - spentUsd)) } : null;
}

/**
 * Which budget a submit expected to cost `askingUsd` would break, in words; null when it fits.
 * With no estimate (`askingUsd` 0, nothing of its kind priced yet) only a budget already spent
 * refuses it.
 */
export function checkBudgets(budgets: Budgets, spent: { userUsd: number; studioUsd: number }, askingUsd: number, now: number): string | null {
  const over = (limit: number, used: number) => limit > 0 && (used >= limit || used + askingUsd > limit);
  const resets = `It resets on ${new Date(nextUtcMonth(now)).toISOString().slice(0, 10)} (UTC).`;
  const expected = askingUsd > 0 ? `, and this submit is expected to cost about ${money(askingUsd)}` : "";
  if (over(budgets.monthlyPerUserUsd, spent.userUsd)) {
    return `You have spent ${money(spent.userUsd)} of your ${money(budgets.monthlyPerUserUsd)} monthly budget${expected}. ${resets}`;
  }
  if (over(budgets.monthlyStudioUsd, spent.studioUsd)) {
    return `The studio has spent ${money(spent.studioUsd)} of its ${money(budgets.monthlyStudioUsd)} monthly budget${expected}. ${resets}`;
  }
  return null;
}
