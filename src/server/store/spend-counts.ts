import type { Sql } from "../db/sql";
import type { MonthSpend } from "./month-spend";

/** What the spend limits count: takes running now, and takes made since a moment. */
export type LimitCounts = { runningUser: number; runningStudio: number; todayUser: number; todayStudio: number };

/** The limits' counts and what the budgets count: USD committed since another moment (month-spend.ts). */
export type SpendCounts = LimitCounts & { monthUserUsd: number; monthStudioUsd: number };

export type CountSpend = (author: string, since: number, monthSince: number) => Promise<SpendCounts>;

/** Counted through the transaction's `tx`, so the counts and the insert they allow are one step. */
export function createSpendCounter(tx: Sql, monthSpend: MonthSpend): CountSpend {
  const count = async (text: string, params: unknown[]) => (await tx.get<{ n: number }>(text, params))!.n;
  return async (author, since, monthSince) => {
    const month = await monthSpend.committed(monthSince, author, tx);
    return {
      runningUser: await count("SELECT count(*) AS n FROM generations WHERE author = ? AND status IN ('queued', 'generating', 'finishing')", [author]),
      runningStudio: await count("SELECT count(*) AS n FROM generations WHERE status IN ('queued', 'generating', 'finishing')", []),
      // Takes made count whether kept or deleted since (the "spend" view, migration 11).
      todayUser: await count("SELECT count(*) AS n FROM spend WHERE created_at >= ? AND author = ?", [since, author]),
      todayStudio: await count("SELECT count(*) AS n FROM spend WHERE created_at >= ?", [since]),
      monthUserUsd: month.userUsd,
      monthStudioUsd: month.studioUsd,
    };
  };
}
