import type { Db } from "../db/database";
import type { MonthSpend } from "./month-spend";

/** What the spend limits count: takes running now, and takes made since a moment. */
export type LimitCounts = { runningUser: number; runningStudio: number; todayUser: number; todayStudio: number };

/** The limits' counts and what the budgets count: USD committed since another moment (month-spend.ts). */
export type SpendCounts = LimitCounts & { monthUserUsd: number; monthStudioUsd: number };

export type CountSpend = (author: string, since: number, monthSince: number) => SpendCounts;

export function createSpendCounter(db: Db, monthSpend: MonthSpend): CountSpend {
  const running = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM generations WHERE status IN ('queued', 'generating', 'finishing')");
  const runningBy = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM generations WHERE author = ? AND status IN ('queued', 'generating', 'finishing')",
  );
  // Takes made count whether kept or deleted since (the "spend" view, migration 11).
  const createdSince = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM spend WHERE created_at >= ?");
  const createdSinceBy = db.prepare<[number, string], { n: number }>("SELECT count(*) AS n FROM spend WHERE created_at >= ? AND author = ?");
  return (author, since, monthSince) => {
    const month = monthSpend.committed(monthSince, author);
    return {
      runningUser: runningBy.get(author)!.n,
      runningStudio: running.get()!.n,
      todayUser: createdSinceBy.get(since, author)!.n,
      todayStudio: createdSince.get(since)!.n,
      monthUserUsd: month.userUsd,
      monthStudioUsd: month.studioUsd,
    };
  };
}
