// The insights query over a studio of 50,000 takes: `GET /api/insights` per model, creator and
// week, sequential requests against a BFF started on a database seeded through the store, beside
// `GET /api/health` and the usage report measured the same way in the same run.
import { mkdirSync } from "node:fs";
import { seedTakes, type TakeSeed } from "../../src/server/testing/seed-takes";
import { quantile } from "./stats";
import { startBenchStudio } from "./studio";
import type { BenchUpstream } from "./upstream";

export const INSIGHTS_TAKES = 50_000;
const REQUESTS = 60;
const DAY = 86_400_000;

export type InsightsFigure = { name: string; path: string; p50Ms: number; p99Ms: number };

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

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const reply = await fetch(url);
  await reply.arrayBuffer();
  if (!reply.ok) throw new Error(`${url} answered ${reply.status}`);
  return performance.now() - started;
}

export async function measureInsights(upstream: BenchUpstream, dataDir: string): Promise<{ seedSeconds: number; figures: InsightsFigure[] }> {
  mkdirSync(dataDir, { recursive: true });
  const seeding = performance.now();
  await seedTakes(dataDir, seeds());
  const seedSeconds = (performance.now() - seeding) / 1000;
  const studio = await startBenchStudio(upstream, { dataDir, staticDir: "", pollIntervalMs: 5000 });
  try {
    const endpoints: Array<[string, string]> = [
      ["trivial JSON (baseline)", "/api/health"],
      ["usage report", "/api/usage"],
      ["insights by model", "/api/insights?groupBy=model"],
      ["insights by creator", "/api/insights?groupBy=author"],
      ["insights by week", "/api/insights?groupBy=week"],
      ["insights CSV by creator", "/api/insights/csv?groupBy=author"],
    ];
    // Warm the JIT and SQLite's page cache first.
    for (const [, path] of endpoints) for (let n = 0; n < 5; n++) await timed(`${studio.url}${path}`);
    const figures: InsightsFigure[] = [];
    for (const [name, path] of endpoints) {
      const times: number[] = [];
      for (let n = 0; n < REQUESTS; n++) times.push(await timed(`${studio.url}${path}`));
      figures.push({ name, path, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99) });
    }
    return { seedSeconds, figures };
  } finally {
    await studio.stop();
  }
}
