import { toMicroUsd as micro } from "../../shared/money";
import type { Db } from "../db/database";
import type { InsightRow } from "../../shared/insights";

/** One group's sums, counted by SQLite (a studio's month is tens of thousands of rows: no row reaches JavaScript). */
type Sums = {
  key: string;
  takes: number;
  completed: number;
  failed: number;
  moderation: number;
  timeout: number;
  unknown: number;
  spend: number;
  circled: number;
  favourites: number;
};

/** The run times at the ranks the median and p90 interpolate between. */
type Ranked = { key: string; rn: number; n: number; run_ms: number };

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

/** The q-quantile of n sorted values, interpolated between ranks ⌊(n−1)q⌋+1 and the next (1-based). */
function quantileOf(ranks: ReadonlyMap<number, number>, n: number, q: number): number | null {
  if (!n) return null;
  const at = (n - 1) * q;
  const low = ranks.get(Math.floor(at) + 1);
  const high = ranks.get(Math.ceil(at) + 1);
  if (low === undefined || high === undefined) return null;
  return low + (high - low) * (at - Math.floor(at));
}

export function summarise(sums: Sums, ranks: ReadonlyMap<number, number>, completedTimed: number): InsightRow {
  const settled = sums.completed + sums.failed;
  const spendUsd = micro(sums.spend);
  return {
    key: sums.key,
    takes: sums.takes,
    completed: sums.completed,
    failed: sums.failed,
    successRate: settled ? sums.completed / settled : null,
    failures: { moderation: sums.moderation, provider: sums.failed - sums.moderation - sums.timeout - sums.unknown, timeout: sums.timeout, unknown: sums.unknown },
    medianSeconds: seconds(quantileOf(ranks, completedTimed, 0.5)),
    p90Seconds: seconds(quantileOf(ranks, completedTimed, 0.9)),
    spendUsd,
    circled: sums.circled,
    favourites: sums.favourites,
    costPerCircledUsd: sums.circled ? micro(spendUsd / sums.circled) : null,
    costPerFavouriteUsd: sums.favourites ? micro(spendUsd / sums.favourites) : null,
  };
}

const KEYS = {
  model: "model",
  author: "author",
  // The Monday of the take's week, UTC: SQLite's weekday 0 is Sunday.
  week: "date(created_at / 1000, 'unixepoch', '-' || ((CAST(strftime('%w', created_at / 1000, 'unixepoch') AS INTEGER) + 6) % 7) || ' days')",
} as const;

// Kept takes with their review, and deleted ones (the ledger) with what they spent and how they ended.
const facts = (key: string) => `
  SELECT ${key} AS key, status, error_code, cost_usd, review_state = 'circled' AS circled, favourite
    FROM generations WHERE created_at >= @from AND created_at < @to
  UNION ALL
  SELECT ${key} AS key, status, error_code, cost_usd, 0, 0 FROM deleted_spend WHERE created_at >= @from AND created_at < @to`;

const sumsSql = (key: string) => `
  SELECT key, count(*) AS takes,
         sum(status = 'completed') AS completed,
         sum(status = 'failed') AS failed,
         sum(status = 'failed' AND error_code IN ('safety_input', 'safety_output')) AS moderation,
         sum(status = 'failed' AND error_code = 'deadline_exceeded') AS timeout,
         sum(status = 'failed' AND error_code IN ('outcome_unknown', 'submit_interrupted')) AS unknown,
         coalesce(sum(cost_usd), 0) AS spend,
         sum(circled) AS circled, sum(favourite) AS favourites
    FROM (${facts(key)}) GROUP BY key ORDER BY key`;

// Only the ranks the quantiles need leave SQLite: the window functions sort each group's times.
const ranksSql = (key: string) => `
  SELECT key, rn, n, run_ms FROM (
    SELECT key, run_ms, row_number() OVER (PARTITION BY key ORDER BY run_ms) AS rn, count(*) OVER (PARTITION BY key) AS n
      FROM (SELECT ${key} AS key, finished_at - submitted_at AS run_ms FROM generations
             WHERE created_at >= @from AND created_at < @to AND status = 'completed' AND finished_at IS NOT NULL AND submitted_at IS NOT NULL))
   WHERE rn IN (CAST((n - 1) * 0.5 AS INTEGER) + 1, CAST((n - 1) * 0.5 AS INTEGER) + 2, CAST((n - 1) * 0.9 AS INTEGER) + 1, CAST((n - 1) * 0.9 AS INTEGER) + 2)`;

/** The insights' figures for a window [from, to), grouped by model, author or week. */
export function createInsightQueries(db: Db) {
  const prepared = Object.fromEntries(
    Object.entries(KEYS).map(([group, key]) => [group, { sums: db.prepare<[{ from: number; to: number }], Sums>(sumsSql(key)), ranks: db.prepare<[{ from: number; to: number }], Ranked>(ranksSql(key)) }]),
  ) as Record<keyof typeof KEYS, { sums: ReturnType<typeof db.prepare<[{ from: number; to: number }], Sums>>; ranks: ReturnType<typeof db.prepare<[{ from: number; to: number }], Ranked>> }>;
  const moderated = db.prepare<[number, number], { prompt: string; failures: number }>(
    `SELECT prompt, count(*) AS failures FROM generations
      WHERE created_at >= ? AND created_at < ? AND status = 'failed' AND error_code IN ('safety_input', 'safety_output')
      GROUP BY prompt ORDER BY failures DESC, prompt LIMIT 10`,
  );
  return {
    async grouped(groupBy: keyof typeof KEYS, from: number, to: number): Promise<InsightRow[]> {
      const ranks = new Map<string, { n: number; at: Map<number, number> }>();
      for (const r of prepared[groupBy].ranks.iterate({ from, to })) {
        const entry = ranks.get(r.key) ?? { n: r.n, at: new Map<number, number>() };
        entry.at.set(r.rn, r.run_ms);
        ranks.set(r.key, entry);
      }
      return prepared[groupBy].sums.all({ from, to }).map((sums) => {
        const timed = ranks.get(sums.key);
        return summarise(sums, timed?.at ?? new Map(), timed?.n ?? 0);
      });
    },
    moderatedPrompts: async (from: number, to: number) => moderated.all(from, to),
  };
}
