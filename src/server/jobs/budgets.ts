import type { DisplayCurrency } from "../../shared/api";
import { formatMoney, toMicroUsd as micro } from "../../shared/money";

/** Monthly budgets in USD (BUDGET_MONTHLY_PER_USER_USD, BUDGET_MONTHLY_STUDIO_USD); 0 means none. Refusals say amounts in `currency` (CURRENCY), as the form does. */
export type Budgets = { monthlyPerUserUsd: number; monthlyStudioUsd: number; currency?: DisplayCurrency };

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
  const say = (usd: number) => formatMoney(usd, budgets.currency);
  const expected = askingUsd > 0 ? `, and this submit is expected to cost about ${say(askingUsd)}` : "";
  if (over(budgets.monthlyPerUserUsd, spent.userUsd)) {
    return `You have spent ${say(spent.userUsd)} of your ${say(budgets.monthlyPerUserUsd)} monthly budget${expected}. ${resets}`;
  }
  if (over(budgets.monthlyStudioUsd, spent.studioUsd)) {
    return `The studio has spent ${say(spent.studioUsd)} of its ${say(budgets.monthlyStudioUsd)} monthly budget${expected}. ${resets}`;
  }
  return null;
}
