import type { Db } from "../db/database";

/** What the spend limits count: takes running now, and takes made since a moment. */
export type SpendCounts = { runningUser: number; runningStudio: number; todayUser: number; todayStudio: number };

export type CountSpend = (author: string, since: number) => SpendCounts;

export function createSpendCounter(db: Db): CountSpend {
  const running = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM generations WHERE status IN ('queued', 'generating', 'finishing')");
  const runningBy = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM generations WHERE author = ? AND status IN ('queued', 'generating', 'finishing')",
  );
  // Takes made count whether kept or deleted since (the "spend" view, migration 11).
  const createdSince = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM spend WHERE created_at >= ?");
  const createdSinceBy = db.prepare<[number, string], { n: number }>("SELECT count(*) AS n FROM spend WHERE created_at >= ? AND author = ?");
  return (author, since) => ({
    runningUser: runningBy.get(author)!.n,
    runningStudio: running.get()!.n,
    todayUser: createdSinceBy.get(since, author)!.n,
    todayStudio: createdSince.get(since)!.n,
  });
}
