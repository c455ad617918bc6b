import type { Db } from "../db/database";
import type { InsightRow } from "../../shared/insights";

type Fact = {
  key: string;
  status: string;
  error_code: string | null;
  run_ms: number | null;
  cost_usd: number | null;
  review_state: string | null;
  favourite: number | null;
};

const MODERATION = new Set(["safety_input", "safety_output"]);
const TIMEOUT = new Set(["deadline_exceeded"]);
const UNKNOWN = new Set(["outcome_unknown", "submit_interrupted"]);

function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

const micro = (usd: number) => Math.round(usd * 1e6) / 1e6;

/** One group's figures from its takes' facts (kept and deleted alike). */
export function summarise(key: string, facts: readonly Fact[]): InsightRow {
  const completed = facts.filter((f) => f.status === "completed");
  const failed = facts.filter((f) => f.status === "failed");
  const failures = { moderation: 0, provider: 0, timeout: 0, unknown: 0 };
  for (const f of failed) {
    const code = f.error_code ?? "";
    if (MODERATION.has(code)) failures.moderation += 1;
    else if (TIMEOUT.has(code)) failures.timeout += 1;
    else if (UNKNOWN.has(code)) failures.unknown += 1;
    else failures.provider += 1;
  }
  const times = completed.map((f) => f.run_ms).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
  const spendUsd = micro(facts.reduce((sum, f) => sum + (f.cost_usd ?? 0), 0));
  const circled = facts.filter((f) => f.review_state === "circled").length;
  const favourites = facts.filter((f) => f.favourite === 1).length;
  const settled = completed.length + failed.length;
  return {
    key,
    takes: facts.length,
    completed: completed.length,
    failed: failed.length,
    successRate: settled ? completed.length / settled : null,
    failures,
    medianSeconds: seconds(quantile(times, 0.5)),
    p90Seconds: seconds(quantile(times, 0.9)),
    spendUsd,
    circled,
    favourites,
    costPerCircledUsd: circled ? micro(spendUsd / circled) : null,
    costPerFavouriteUsd: favourites ? micro(spendUsd / favourites) : null,
  };
}

const KEYS = {
  model: "model",
  author: "author",
  // The Monday of the take's week, UTC: SQLite's weekday 0 is Sunday.
  week: "date(created_at / 1000, 'unixepoch', '-' || ((CAST(strftime('%w', created_at / 1000, 'unixepoch') AS INTEGER) + 6) % 7) || ' days')",
} as const;

/**
 * The insights' figures for a window, grouped: kept takes with their review and timings, and
 * deleted takes (the ledger) with what they spent and how they ended.
 */
export function createInsightQueries(db: Db) {
  const statements = Object.fromEntries(
    Object.entries(KEYS).map(([group, key]) => [
      group,
      db.prepare<[number, number, number, number], Fact>(
        `SELECT ${key} AS key, status, error_code, CASE WHEN finished_at IS NOT NULL AND submitted_at IS NOT NULL THEN finished_at - submitted_at END AS run_ms,
                cost_usd, review_state, favourite
           FROM generations WHERE created_at >= ? AND created_at < ?
         UNION ALL
         SELECT ${key} AS key, status, error_code, NULL, cost_usd, NULL, NULL FROM deleted_spend WHERE created_at >= ? AND created_at < ?`,
      ),
    ]),
  ) as Record<keyof typeof KEYS, ReturnType<typeof db.prepare<[number, number, number, number], Fact>>>;
  const moderated = db.prepare<[number, number], { prompt: string; failures: number }>(
    `SELECT prompt, count(*) AS failures FROM generations
      WHERE created_at >= ? AND created_at < ? AND status = 'failed' AND error_code IN ('safety_input', 'safety_output')
      GROUP BY prompt ORDER BY failures DESC, prompt LIMIT 10`,
  );
  return {
    async grouped(groupBy: keyof typeof KEYS, from: number, to: number): Promise<InsightRow[]> {
      const byKey = new Map<string, Fact[]>();
      for (const fact of statements[groupBy].all(from, to, from, to)) byKey.set(fact.key, [...(byKey.get(fact.key) ?? []), fact]);
      return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, facts]) => summarise(key, facts));
    },
    moderatedPrompts: async (from: number, to: number) => moderated.all(from, to),
  };
}
