import { toMicroUsd as micro } from "../../shared/money";
import type { Db } from "../db/database";
import type { InsightRow } from "../../shared/insights";

/** One group's figures as SQLite counts them (a studio's month is tens of thousands of rows: none reaches JavaScript). */
type Sums = {
  takes: number;
  completed: number;
  failed: number;
  moderation: number;
  timeout: number;
  unknown: number;
  spend: number;
  circled: number;
  favourites: number;
  medianMs: number | null;
  p90Ms: number | null;
};

type Window = { from: number; to: number };
type GroupBy = "model" | "author" | "week";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

function summarise(key: string, sums: Sums): InsightRow {
  const settled = sums.completed + sums.failed;
  const spendUsd = micro(sums.spend);
  return {
    key,
    takes: sums.takes,
    completed: sums.completed,
    failed: sums.failed,
    successRate: settled ? sums.completed / settled : null,
    failures: { moderation: sums.moderation, provider: sums.failed - sums.moderation - sums.timeout - sums.unknown, timeout: sums.timeout, unknown: sums.unknown },
    medianSeconds: seconds(sums.medianMs),
    p90Seconds: seconds(sums.p90Ms),
    spendUsd,
    circled: sums.circled,
    favourites: sums.favourites,
    costPerCircledUsd: sums.circled ? micro(spendUsd / sums.circled) : null,
    costPerFavouriteUsd: sums.favourites ? micro(spendUsd / sums.favourites) : null,
  };
}

// Week n (UTC) starts on the Monday 7n − 3 days after 1970-01-01, a Thursday.
const WEEK_OF = "(created_at / 86400000 + 3) / 7";
const weekStart = (week: number) => (week * 7 - 3) * DAY_MS;
const weekLabel = (week: number) => new Date(weekStart(week)).toISOString().slice(0, 10);
const KEYS = { model: "model", author: "author", week: WEEK_OF } as const;

// percentile_cont interpolates between ranks ⌊(n−1)q⌋ and the next, as the median and p90 always have.
const KEPT = `count(*) AS takes, sum(status = 'completed') AS completed, sum(status = 'failed') AS failed,
  coalesce(sum(cost_usd), 0) AS spend, sum(review_state = 'circled') AS circled, sum(favourite) AS favourites,
  percentile_cont(CASE WHEN status = 'completed' THEN finished_at - submitted_at END, 0.5) AS medianMs,
  percentile_cont(CASE WHEN status = 'completed' THEN finished_at - submitted_at END, 0.9) AS p90Ms`;

// Deleted takes (the ledger) count in takes, spend and failures; they have no review nor timings.
const deletedSql = (key: string) => `
  SELECT ${key} AS key, count(*) AS takes, sum(status = 'completed') AS completed, sum(status = 'failed') AS failed, coalesce(sum(cost_usd), 0) AS spend
    FROM deleted_spend WHERE created_at >= @from AND created_at < @to GROUP BY key`;

const failuresSql = (key: string) => `
  SELECT key, sum(error_code IN ('safety_input', 'safety_output')) AS moderation, sum(error_code = 'deadline_exceeded') AS timeout,
         sum(error_code IN ('outcome_unknown', 'submit_interrupted')) AS unknown
    FROM (SELECT ${key} AS key, error_code FROM generations WHERE created_at >= @from AND created_at < @to AND status = 'failed'
          UNION ALL
          SELECT ${key} AS key, error_code FROM deleted_spend WHERE created_at >= @from AND created_at < @to AND status = 'failed')
   GROUP BY key`;

// Failure kinds are counted apart, over the failed takes only (failuresSql).
const NO_FAILURES = { moderation: 0, timeout: 0, unknown: 0 };
const NONE: Sums = { ...NO_FAILURES, takes: 0, completed: 0, failed: 0, spend: 0, circled: 0, favourites: 0, medianMs: null, p90Ms: null };

/** SQLite's BINARY order (UTF-8 bytes), which `ORDER BY key` gave. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Answers kept at most, until a take changes. */
const CACHED_WINDOWS = 32;

/**
 * The insights' figures for a window [from, to), grouped by model, author or week. Each group's
 * kept takes are one aggregate over a range of its covering index (migration 14): no row lookups,
 * no sort of the month's rows. Still tens of ms over a month, so answers are kept until `version`
 * (the takes' change counter, bumped by every write to a take or the ledger) moves.
 */
export function createInsightQueries(db: Db, version?: () => Promise<number>) {
  const kept = {
    model: db.prepare<[Window & { key: string }], Sums>(`SELECT ${KEPT} FROM generations WHERE model = @key AND created_at >= @from AND created_at < @to`),
    author: db.prepare<[Window & { key: string }], Sums>(`SELECT ${KEPT} FROM generations WHERE author = @key AND created_at >= @from AND created_at < @to`),
    week: db.prepare<[Window], Sums>(`SELECT ${KEPT} FROM generations WHERE created_at >= @from AND created_at < @to`),
  };
  // Every model or author ever, one index seek each (a loose scan): few, against a month of takes.
  const firstKey = { model: db.prepare<[], string | null>("SELECT min(model) FROM generations").pluck(), author: db.prepare<[], string | null>("SELECT min(author) FROM generations").pluck() };
  const nextKey = { model: db.prepare<[string], string | null>("SELECT min(model) FROM generations WHERE model > ?").pluck(), author: db.prepare<[string], string | null>("SELECT min(author) FROM generations WHERE author > ?").pluck() };
  const deleted = Object.fromEntries(Object.entries(KEYS).map(([group, key]) => [group, db.prepare<[Window], Pick<Sums, "takes" | "completed" | "failed" | "spend"> & { key: string | number }>(deletedSql(key))]));
  const failures = Object.fromEntries(Object.entries(KEYS).map(([group, key]) => [group, db.prepare<[Window], Pick<Sums, "moderation" | "timeout" | "unknown"> & { key: string | number }>(failuresSql(key))]));
  const moderated = db.prepare<[number, number], { prompt: string; failures: number }>(
    `SELECT prompt, count(*) AS failures FROM generations
      WHERE created_at >= ? AND created_at < ? AND status = 'failed' AND error_code IN ('safety_input', 'safety_output')
      GROUP BY prompt ORDER BY failures DESC, prompt LIMIT 10`,
  );

  /** Each group's kept takes, by the group's key; groups with none in the window are left out. */
  function keptSums(groupBy: GroupBy, window: Window): Map<string | number, Sums> {
    const groups = new Map<string | number, Sums>();
    if (groupBy === "week") {
      for (let week = Math.floor((Math.floor(window.from / DAY_MS) + 3) / 7); weekStart(week) < window.to; week++) {
        const sums = kept.week.get({ from: Math.max(window.from, weekStart(week)), to: Math.min(window.to, weekStart(week) + WEEK_MS) })!;
        if (sums.takes) groups.set(week, { ...NO_FAILURES, ...sums });
      }
      return groups;
    }
    for (let key = firstKey[groupBy].get(); key !== null && key !== undefined; key = nextKey[groupBy].get(key)) {
      const sums = kept[groupBy].get({ ...window, key })!;
      if (sums.takes) groups.set(key, { ...NO_FAILURES, ...sums });
    }
    return groups;
  }

  function counted(groupBy: GroupBy, from: number, to: number): InsightRow[] {
    const window = { from, to };
    const groups = keptSums(groupBy, window);
    for (const d of deleted[groupBy]!.all(window)) {
      const sums = groups.get(d.key) ?? NONE;
      groups.set(d.key, { ...sums, takes: sums.takes + d.takes, completed: sums.completed + d.completed, failed: sums.failed + d.failed, spend: sums.spend + d.spend });
    }
    for (const f of failures[groupBy]!.all(window)) {
      const sums = groups.get(f.key);
      if (sums) groups.set(f.key, { ...sums, moderation: f.moderation, timeout: f.timeout, unknown: f.unknown });
    }
    const label = (key: string | number) => (typeof key === "number" ? weekLabel(key) : key);
    return [...groups]
      .map(([key, sums]) => summarise(label(key), sums))
      .sort((a, b) => byBytes(a.key, b.key));
  }

  const answers = new Map<string, InsightRow[]>();
  let answersVersion = -1;
  return {
    async grouped(groupBy: GroupBy, from: number, to: number): Promise<InsightRow[]> {
      if (!version) return counted(groupBy, from, to);
      const now = await version();
      if (now !== answersVersion || answers.size >= CACHED_WINDOWS) answers.clear();
      answersVersion = now;
      const key = `${groupBy} ${from} ${to}`;
      let rows = answers.get(key);
      if (!rows) answers.set(key, (rows = counted(groupBy, from, to)));
      return rows;
    },
    moderatedPrompts: async (from: number, to: number) => moderated.all(from, to),
  };
}
