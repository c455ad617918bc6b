// The insights query over a studio of 50,000 takes: `GET /api/insights` per model, creator and
// week, sequential requests against a BFF started on a database seeded through the store, beside
// `GET /api/health` and the usage report measured the same way in the same run.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../src/server/db/database";
import { sqliteSql } from "../../src/server/db/sqlite-sql";
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
    const sql = sqliteSql(db);
    // One transaction for the lot; the stores run inside it through `tx`.
    await sql.transaction(async (tx) => {
      const { store } = openStores(tx);
      for (const id of ids.filter((_, n) => n % 50 === 20)) await store.deleteSettled(id, "bench");
    });
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
    // Cold: the first request after start reads every day of the window (the day rollup is empty).
    const cold = await timed(`${studio.url}/api/insights?groupBy=model`);
    // A busy studio writes to today's takes all the time: before each of these requests one of
    // today's takes changes (its favourite flips, through the API), so today is read again, as
    // it would be between any two visits while takes run.
    const today = ((await (await fetch(`${studio.url}/api/generations?limit=20`)).json()) as { items: { id: string }[] }).items.map((item) => item.id);
    let flips = 0;
    const writeToday = async () => {
      const id = today[flips % today.length]!;
      flips += 1;
      const reply = await fetch(`${studio.url}/api/generations/${id}`, { method: "PATCH", headers: { "content-type": "application/json", origin: studio.url }, body: JSON.stringify({ favourite: flips % 2 === 1 }) });
      if (!reply.ok) throw new Error(`PATCH /api/generations/${id} answered ${reply.status}`);
    };
    const endpoints: Array<[string, string, (() => Promise<void>) | null]> = [
      ["trivial JSON (baseline)", "/api/health", null],
      ["usage report", "/api/usage", null],
      ["insights by model", "/api/insights?groupBy=model", null],
      ["insights by creator", "/api/insights?groupBy=author", null],
      ["insights by week", "/api/insights?groupBy=week", null],
      ["insights CSV by creator", "/api/insights/csv?groupBy=author", null],
    ];
    for (const groupBy of ["model", "author", "week"]) endpoints.push([`insights by ${groupBy === "author" ? "creator" : groupBy}, after a write`, `/api/insights?groupBy=${groupBy}`, writeToday]);
    // Warm the JIT and SQLite's page cache first.
    for (const [, path, before] of endpoints) for (let n = 0; n < 5; n++) {
      await before?.();
      await timed(`${studio.url}${path}`);
    }
    const figures: InsightsFigure[] = [{ name: "insights by model, first request after start", path: "/api/insights?groupBy=model", p50Ms: cold, p95Ms: cold, p99Ms: cold }];
    for (const [name, path, before] of endpoints) {
      const times: number[] = [];
      for (let n = 0; n < REQUESTS; n++) {
        await before?.();
        times.push(await timed(`${studio.url}${path}`));
      }
      figures.push({ name, path, p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95), p99Ms: quantile(times, 0.99) });
    }
    return { seedSeconds, figures };
  } finally {
    await studio.stop();
  }
}
