import { toMicroUsd as micro } from "../../shared/money";
import type { Sql } from "../db/sql";
import type { InsightRow } from "../../shared/insights";

type GroupBy = "model" | "author" | "week";

/** One group's figures over some takes: counts, sums, and the run times of its completed kept takes. */
type Tally = {
  takes: number;
  completed: number;
  failed: number;
  moderation: number;
  timeout: number;
  unknown: number;
  spend: number;
  circled: number;
  favourites: number;
  runs: number[];
};

/** One UTC day (or the part of one at a window's edge), tallied by model, by author and whole. */
type DayTally = { model: Map<string, Tally>; author: Map<string, Tally>; all: Tally; moderated: Map<string, number>; moderatedFrames: Map<string, number> };

type KeptRow = { model: string; author: string; status: string; error_code: string | null; cost_usd: number | null; circled: number; favourite: number; run_ms: number | null; prompt: string; image_upload_id: string | null; image_url: string | null };

/** A first frame as the moderation list names it: an upload by id, else the image's URL. */
export type FrameRef = { uploadId: string } | { url: string };
const frameKey = (uploadId: string | null, url: string | null) => (uploadId !== null ? `u ${uploadId}` : `l ${url ?? ""}`);
const frameOf = (key: string): FrameRef => (key.startsWith("u ") ? { uploadId: key.slice(2) } : { url: key.slice(2) });
type DeletedRow = { model: string; author: string; status: string; error_code: string | null; cost_usd: number | null };

const DAY_MS = 86_400_000;
/** The window /insights opens on: the 28 UTC days to the end of today. */
export const DEFAULT_INSIGHT_DAYS = 28;
/** The default window's days are read into the rollup this long after start-up, not on the first visit. */
const WARM_AFTER_MS = 2_000;
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
const MODERATION = new Set(["safety_input", "safety_output"]);
const UNKNOWN = new Set(["outcome_unknown", "submit_interrupted"]);

const emptyTally = (): Tally => ({ takes: 0, completed: 0, failed: 0, moderation: 0, timeout: 0, unknown: 0, spend: 0, circled: 0, favourites: 0, runs: [] });

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

function count(tally: Tally, status: string, errorCode: string | null, usd: number | null): void {
  tally.takes += 1;
  if (status === "completed") tally.completed += 1;
  if (status === "failed") {
    tally.failed += 1;
    if (errorCode !== null && MODERATION.has(errorCode)) tally.moderation += 1;
    else if (errorCode === "deadline_exceeded") tally.timeout += 1;
    else if (errorCode !== null && UNKNOWN.has(errorCode)) tally.unknown += 1;
  }
  tally.spend += usd ?? 0;
}

function add(into: Tally, from: Tally): void {
  into.takes += from.takes;
  into.completed += from.completed;
  into.failed += from.failed;
  into.moderation += from.moderation;
  into.timeout += from.timeout;
  into.unknown += from.unknown;
  into.spend += from.spend;
  into.circled += from.circled;
  into.favourites += from.favourites;
  for (const run of from.runs) into.runs.push(run);
}

/** The q-quantile of sorted values, interpolated between ranks ⌊(n−1)q⌋ and the next, as the median and p90 always have been. */
function quantile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)]!;
  const high = sorted[Math.ceil(at)]!;
  return low + (high - low) * (at - Math.floor(at));
}

function summarise(key: string, tally: Tally): InsightRow {
  const settled = tally.completed + tally.failed;
  const spendUsd = micro(tally.spend);
  const runs = Float64Array.from(tally.runs).sort();
  return {
    key,
    takes: tally.takes,
    completed: tally.completed,
    failed: tally.failed,
    successRate: settled ? tally.completed / settled : null,
    failures: { moderation: tally.moderation, provider: tally.failed - tally.moderation - tally.timeout - tally.unknown, timeout: tally.timeout, unknown: tally.unknown },
    medianSeconds: seconds(quantile(runs, 0.5)),
    p90Seconds: seconds(quantile(runs, 0.9)),
    spendUsd,
    circled: tally.circled,
    favourites: tally.favourites,
    costPerCircledUsd: tally.circled ? micro(spendUsd / tally.circled) : null,
    costPerFavouriteUsd: tally.favourites ? micro(spendUsd / tally.favourites) : null,
  };
}

// Week n (UTC) starts on the Monday 7n − 3 days after 1970-01-01, a Thursday.
const weekOfDay = (day: number) => Math.floor((day + 3) / 7);
const weekLabel = (week: number) => new Date((week * 7 - 3) * DAY_MS).toISOString().slice(0, 10);

/** SQLite's BINARY order (UTF-8 bytes), which `ORDER BY` gave. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The ten keys counted most over the pieces, most first, then in SQLite's byte order. */
function mostFailed(counts: readonly Map<string, number>[]): [string, number][] {
  const total = new Map<string, number>();
  for (const map of counts) for (const [key, n] of map) total.set(key, (total.get(key) ?? 0) + n);
  return [...total].sort((a, b) => b[1] - a[1] || byBytes(a[0], b[0])).slice(0, 10);
}

/** Whole days kept at most (a year of them is well under 100 MB even at 1,800 takes a day). */
const KEPT_DAYS = 400;

/**
 * The insights' figures for a window [from, to), grouped by model, author or week, from a rollup
 * of whole UTC days. Each day is read once (its kept takes and its ledger lines) and kept until
 * its version in `insight_days` moves: triggers bump a day's version whenever a take created that
 * day changes in a way the figures count, or is deleted into the ledger (migration 15). So a
 * running studio rereads today, not the month; a window's partial days at its edges are read
 * afresh. Medians and p90s stay exact: each day keeps its completed takes' run times, and a
 * window's are merged and sorted.
 */
export function createInsightQueries(sql: Sql) {
  const keptRows = (from: number, to: number) =>
    sql.all<KeptRow>(
      `SELECT model, author, status, error_code, cost_usd, CASE WHEN review_state = 'circled' THEN 1 ELSE 0 END AS circled, favourite,
              CASE WHEN status = 'completed' THEN finished_at - submitted_at END AS run_ms, prompt, image_upload_id, image_url
         FROM generations WHERE created_at >= ? AND created_at < ?`,
      [from, to],
    );
  const deletedRows = (from: number, to: number) =>
    sql.all<DeletedRow>("SELECT model, author, status, error_code, cost_usd FROM deleted_spend WHERE created_at >= ? AND created_at < ?", [from, to]);
  const versions = (from: number, to: number) => sql.all<{ day: number; version: number }>("SELECT day, version FROM insight_days WHERE day >= ? AND day < ?", [from, to]);

  async function read(from: number, to: number): Promise<DayTally> {
    const day: DayTally = { model: new Map(), author: new Map(), all: emptyTally(), moderated: new Map(), moderatedFrames: new Map() };
    for (const { model, author, status, error_code: errorCode, cost_usd: usd, circled, favourite, run_ms: runMs, prompt, image_upload_id: uploadId, image_url: imageUrl } of await keptRows(from, to)) {
      for (const tally of [tallyOf(day.model, model), tallyOf(day.author, author), day.all]) {
        count(tally, status, errorCode, usd);
        tally.circled += circled;
        tally.favourites += favourite;
        if (runMs !== null) tally.runs.push(runMs);
      }
      if (status === "failed" && errorCode !== null && MODERATION.has(errorCode)) {
        day.moderated.set(prompt, (day.moderated.get(prompt) ?? 0) + 1);
        const frame = frameKey(uploadId, imageUrl);
        day.moderatedFrames.set(frame, (day.moderatedFrames.get(frame) ?? 0) + 1);
      }
    }
    // Deleted takes (the ledger) count in takes, spend and failures; they have no review nor timings.
    for (const { model, author, status, error_code: errorCode, cost_usd: usd } of await deletedRows(from, to)) {
      for (const tally of [tallyOf(day.model, model), tallyOf(day.author, author), day.all]) count(tally, status, errorCode, usd);
    }
    return day;
  }

  const days = new Map<number, { version: number; tally: DayTally }>();

  /** A whole day's tally: kept while its version holds, read again when it moved. */
  async function wholeDay(day: number, version: number): Promise<DayTally> {
    let kept = days.get(day);
    if (!kept || kept.version !== version) {
      kept = { version, tally: await read(day * DAY_MS, (day + 1) * DAY_MS) };
      days.delete(day);
      days.set(day, kept);
      if (days.size > KEPT_DAYS) days.delete(days.keys().next().value!);
    }
    return kept.tally;
  }

  /** The window cut into tallies: whole days from the rollup (read again where their version moved), edges read afresh; with each piece's day. */
  async function pieces(from: number, to: number): Promise<{ day: number; tally: DayTally }[]> {
    const firstWhole = Math.ceil(from / DAY_MS);
    const endWhole = Math.floor(to / DAY_MS);
    if (firstWhole >= endWhole) {
      // No whole day inside: at most one midnight, each side in its own day (and week).
      if (from >= to) return [];
      const day = Math.floor(from / DAY_MS);
      const midnight = (day + 1) * DAY_MS;
      return to <= midnight ? [{ day, tally: await read(from, to) }] : [{ day, tally: await read(from, midnight) }, { day: day + 1, tally: await read(midnight, to) }];
    }
    const out: { day: number; tally: DayTally }[] = [];
    if (from < firstWhole * DAY_MS) out.push({ day: firstWhole - 1, tally: await read(from, firstWhole * DAY_MS) });
    const current = new Map((await versions(firstWhole, endWhole)).map((row) => [row.day, row.version]));
    for (let day = firstWhole; day < endWhole; day++) out.push({ day, tally: await wholeDay(day, current.get(day) ?? 0) });
    if (endWhole * DAY_MS < to) out.push({ day: endWhole, tally: await read(endWhole * DAY_MS, to) });
    return out;
  }

  /**
   * Reads the whole days of [from, to) into the rollup, one per turn of the event loop, so the
   * first visit after a start finds them read (a month of 50,000 takes is hundreds of ms at once).
   * Stops when `stopped()` says so (the studio closing).
   */
  async function warm(from: number, to: number, stopped: () => boolean): Promise<void> {
    for (let day = Math.ceil(from / DAY_MS); day < Math.floor(to / DAY_MS); day++) {
      if (stopped()) return;
      if (!sql.open) return;
      await wholeDay(day, (await versions(day, day + 1))[0]?.version ?? 0);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  let warming: NodeJS.Timeout | null = null;
  let stopped = false;

  return {
    /** Reads the default window's days into the rollup soon after start-up (`stop()` ends it). */
    start(): void {
      warming ??= setTimeout(() => {
        const to = (Math.floor(Date.now() / DAY_MS) + 1) * DAY_MS;
        warm(to - DEFAULT_INSIGHT_DAYS * DAY_MS, to, () => stopped).catch(() => {});
      }, WARM_AFTER_MS);
      warming.unref();
    },
    stop(): void {
      stopped = true;
      if (warming) clearTimeout(warming);
    },
    async grouped(groupBy: GroupBy, from: number, to: number): Promise<InsightRow[]> {
      const groups = new Map<string, Tally>();
      for (const { day, tally } of await pieces(from, to)) {
        if (groupBy === "week") {
          if (tally.all.takes) add(tallyOf(groups, weekLabel(weekOfDay(day))), tally.all);
          continue;
        }
        for (const [key, part] of tally[groupBy]) add(tallyOf(groups, key), part);
      }
      return [...groups].map(([key, tally]) => summarise(key, tally)).sort((a, b) => byBytes(a.key, b.key));
    },
    /** The prompts whose kept takes failed moderation most in the window (ten at most). */
    async moderatedPrompts(from: number, to: number): Promise<{ prompt: string; failures: number }[]> {
      return mostFailed((await pieces(from, to)).map(({ tally }) => tally.moderated)).map(([prompt, failures]) => ({ prompt, failures }));
    },
    /** The first frames whose kept takes failed moderation most in the window (ten at most). */
    async moderatedFrames(from: number, to: number): Promise<{ frame: FrameRef; failures: number }[]> {
      return mostFailed((await pieces(from, to)).map(({ tally }) => tally.moderatedFrames)).map(([key, failures]) => ({ frame: frameOf(key), failures }));
    },
  };
}

export type InsightQueries = ReturnType<typeof createInsightQueries>;
