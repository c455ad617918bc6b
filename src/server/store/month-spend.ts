import type { Db } from "../db/database";

/** What a kind of take typically costs: the mean USD the provider reported for the last 20 of them. */
export type TypicalUsd = (model: string, duration: number) => number | null;

/**
 * USD committed since a moment, by one person and by the studio, over the ledger (takes kept and
 * deleted, the "spend" view). A settled take counts what the provider reported (a failure that
 * reported nothing: nothing); a running take, or a completed one whose charge was not reported,
 * counts what takes of its kind typically cost, since its charge posts only after completion.
 */
export function createMonthSpend(db: Db) {
  const typical = db.prepare<[string, number], { usd: number | null }>(
    `SELECT avg(cost_usd) AS usd FROM (SELECT cost_usd FROM spend WHERE model = ? AND duration = ? AND status = 'completed' AND cost_usd > 0 ORDER BY created_at DESC LIMIT 20)`,
  );
  const groups = db.prepare<[number], { author: string; model: string; duration: number; status: string; n: number; reported: number; unreported: number }>(
    `SELECT author, model, duration, status, count(*) AS n, coalesce(sum(cost_usd), 0) AS reported, sum(cost_usd IS NULL OR cost_usd = 0) AS unreported
     FROM spend WHERE created_at >= ? GROUP BY author, model, duration, status`,
  );
  const typicalUsd: TypicalUsd = (model, duration) => typical.get(model, duration)?.usd ?? null;

  function committed(since: number, author: string): { userUsd: number; studioUsd: number } {
    let userUsd = 0;
    let studioUsd = 0;
    // One lookup per kind, not per (author, kind, status) group: this runs in every submit's admission.
    const guesses = new Map<string, number>();
    const guessOf = (model: string, duration: number) => {
      const kind = `${model}:${duration}`;
      if (!guesses.has(kind)) guesses.set(kind, typicalUsd(model, duration) ?? 0);
      return guesses.get(kind)!;
    };
    for (const g of groups.all(since)) {
      const guess = guessOf(g.model, g.duration);
      const usd = g.status === "failed" ? g.reported : g.status === "completed" ? g.reported + g.unreported * guess : g.n * guess;
      studioUsd += usd;
      if (g.author === author) userUsd += usd;
    }
    return { userUsd, studioUsd };
  }
  return { typicalUsd, committed };
}

export type MonthSpend = ReturnType<typeof createMonthSpend>;
