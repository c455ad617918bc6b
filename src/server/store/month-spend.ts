import type { Sql } from "../db/sql";

type Group = { author: string; model: string; duration: number; status: string; n: number; reported: number; unreported: number };

const TYPICAL = `SELECT avg(cost_usd) AS usd FROM (SELECT cost_usd FROM spend WHERE model = ? AND duration = ? AND status = 'completed' AND cost_usd > 0
  ORDER BY created_at DESC LIMIT 20) AS recent`;
const GROUPS = `SELECT author, model, duration, status, count(*) AS n, coalesce(sum(cost_usd), 0) AS reported,
    sum(CASE WHEN cost_usd IS NULL OR cost_usd = 0 THEN 1 ELSE 0 END) AS unreported
  FROM spend WHERE created_at >= ? GROUP BY author, model, duration, status`;

/**
 * USD committed since a moment, by one person and by the studio, over the ledger (takes kept and
 * deleted, the "spend" view). A settled take counts what the provider reported (a failure that
 * reported nothing: nothing); a running take, or a completed one whose charge was not reported,
 * counts what takes of its kind typically cost, since its charge posts only after completion.
 * `via` is a transaction's handle when the figure decides an admission (spend-counts.ts).
 */
export function createMonthSpend(sql: Sql) {
  async function typicalUsd(model: string, duration: number, via: Sql = sql): Promise<number | null> {
    return (await via.get<{ usd: number | null }>(TYPICAL, [model, duration]))?.usd ?? null;
  }

  async function committed(since: number, author: string, via: Sql = sql): Promise<{ userUsd: number; studioUsd: number }> {
    let userUsd = 0;
    let studioUsd = 0;
    // One lookup per kind, not per (author, kind, status) group: this runs in every submit's admission.
    const guesses = new Map<string, number>();
    for (const g of await via.all<Group>(GROUPS, [since])) {
      const kind = `${g.model}:${g.duration}`;
      if (!guesses.has(kind)) guesses.set(kind, (await typicalUsd(g.model, g.duration, via)) ?? 0);
      const guess = guesses.get(kind)!;
      const usd = g.status === "failed" ? g.reported : g.status === "completed" ? g.reported + g.unreported * guess : g.n * guess;
      studioUsd += usd;
      if (g.author === author) userUsd += usd;
    }
    return { userUsd, studioUsd };
  }
  return { typicalUsd, committed };
}

export type MonthSpend = ReturnType<typeof createMonthSpend>;
