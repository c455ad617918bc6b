// The insights query over a studio of 50,000 takes: `GET /api/insights` per model, creator and
// week, sequential requests against a BFF started on a database seeded through the store, beside
// `GET /api/health` and the usage report measured the same way in the same run.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../src/server/db/database";
import { openStores } from "../../src/server/store/stores";
import { seedTakes, type TakeSeed } from "../../src/server/testing/seed-takes";
import { quantile } from "./stats";
import { startBenchStudio } from "./studio";
import type { BenchUpstream } from "./upstream";

export const INSIGHTS_TAKES = 50_000;
const REQUESTS = 60;
const DAY = 86_400_000;

export type InsightsFigure = { name: string; path: string; p50Ms: number; p95Ms: number; p99Ms: number };

function seeds(): TakeSeed[] {
  const now = Date.now();
  return Array.from({ length: INSIGHTS_TAKES }, (_, n) => ({
    model: n % 3 === 0 ? "gen3a_turbo" : "gen4_turbo",
    prompt: `take ${n}: ${n % 7 === 0 ? "a real person, close up" : "the harbour at dawn"}`,
    ratio: "16:9",
    duration: n % 4 === 0 ? 10 : 5,
    seed: n,
    author: `creator ${n % 40}`,
    status: n % 20 === 0 ? "failed" : "completed",
    favourite: n % 9 === 0,
    // Spread over the last 27 days, so the default window (28 days) holds them all.
    createdAt: now - (n % 27) * DAY - (n % 1000),
  }));
}

/**
 * What seeding through the store leaves out, so every figure has work behind it: how long each
 * completed take ran and what it cost, circled takes, failures of every kind, and 2 % of the
 * takes deleted through the store (their spend stays in the ledger).
 */
async function shapeStudio(dataDir: string, ids: readonly string[]): Promise<void> {
  const db = openDatabase(join(dataDir, "dailies.sqlite"));
  try {
    db.exec(`
      UPDATE generations SET finished_at = submitted_at + 20000 + (seq * 7919) % 60000, cost_usd = 0.05 * duration WHERE status = 'completed';
      UPDATE generations SET review_state = 'circled' WHERE status = 'completed' AND seq % 6 = 0;
      UPDATE generations SET error_code = CASE WHEN prompt LIKE '%real person%' THEN 'safety_input' WHEN seq % 3 = 0 THEN 'deadline_exceeded'
                                               WHEN seq % 7 = 0 THEN 'outcome_unknown' ELSE error_code END WHERE status = 'failed';`);
    const { store } = openStores(db);
    db.exec("BEGIN");
    for (const id of ids.filter((_, n) => n % 50 === 20)) await store.deleteSettled(id, "bench");
    db.exec("COMMIT");
  } finally {
    db.close();
  }
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const reply = await fetch(url);
  await reply.arrayBuffer();
  if (!reply.ok) throw new Error(`${url} answered ${reply.status}`);
  return performance.now() - started;
}

/** The bench's studio of 50,000 takes, written into `dataDir` before a BFF starts on it. */
export async function seedInsightsStudio(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await shapeStudio(dataDir, await seedTakes(dataDir, seeds()));
}

export type InsightsFigures = { seedSeconds: number; figures: InsightsFigure[] };

export async function measureInsights(upstream: BenchUpstream, dataDir: string): Promise<InsightsFigures> {
  const seeding = performance.now();
  await seedInsightsStudio(dataDir);
  const seedSeconds = (performance.now() - seeding) / 1000;
  const studio = await startBenchStudio(upstream, { dataDir, staticDir: "", pollIntervalMs: 5000 });
  try {
    // The default window's start, moved back 1 ms more on each request: a window no answer was
    // kept for, so these count the 50,000 takes every time (as after any write to a take).
    const dayStart = new Date().setUTCHours(0, 0, 0, 0);
    const fresh = (groupBy: string) => (n: number) => `/api/insights?groupBy=${groupBy}&from=${new Date(dayStart + DAY - 28 * DAY - 1 - n).toISOString()}`;
    const endpoints: Array<[string, string, (n: number) => string]> = [
      ["trivial JSON (baseline)", "/api/health"],
      ["usage report", "/api/usage"],
      ["insights by model", "/api/insights?groupBy=model"],
      ["insights by creator", "/api/insights?groupBy=author"],
      ["insights by week", "/api/insights?groupBy=week"],
      ["insights CSV by creator", "/api/insights/csv?groupBy=author"],
    ].map(([name, path]) => [name!, path!, () => path!]);
    for (const groupBy of ["model", "author", "week"]) endpoints.push([`insights by ${groupBy === "author" ? "creator" : groupBy}, counted`, `/api/insights?groupBy=${groupBy}&from=<new>`, fresh(groupBy)]);
    // Warm the JIT and SQLite's page cache first.
    for (const [, , path] of endpoints) for (let n = 0; n < 5; n++) await timed(`${studio.url}${path(REQUESTS + n)}`);
    const figures: InsightsFigure[] = [];
    for (const [name, shown, path] of endpoints) {
      const times: number[] = [];
      for (let n = 0; n < REQUESTS; n++) times.push(await timed(`${studio.url}${path(n)}`));
      figures.push({ name, path: shown, p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95), p99Ms: quantile(times, 0.99) });
    }
    return { seedSeconds, figures };
  } finally {
    await studio.stop();
  }
}
