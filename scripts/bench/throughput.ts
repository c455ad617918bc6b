import autocannon from "autocannon";
import { mkdirSync } from "node:fs";
import { seedTakes, type TakeSeed } from "../../src/server/testing/seed-takes";
import { sampleRss } from "../load/rss-sampler";
import { startBenchStudio } from "./studio";
import type { BenchUpstream } from "./upstream";

export type EndpointFigure = { name: string; path: string; rps: number; p99Ms: number; errors: number };
export type ThroughputFigures = { stored: number; endpoints: EndpointFigure[]; peakRssMb: number; hwmMb: number };

const STORED = 5_000;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const MODELS = ["gen4_turbo", "gen3a_turbo"] as const;

function seeds(): TakeSeed[] {
  return Array.from({ length: STORED }, (_, n) => ({
    model: MODELS[n % 2],
    prompt: `stored take ${n}: ${n % 3 === 0 ? "harbour at dawn" : "fog over a lake"}, slow push-in`,
    ratio: "16:9",
    duration: n % 4 === 0 ? 10 : 5,
    seed: n,
    status: n % 25 === 0 ? "failed" : "completed",
    favourite: n % 10 === 0,
  }));
}

async function hammer(url: string, name: string, path: string | string[]): Promise<EndpointFigure> {
  const paths = Array.isArray(path) ? path : [path];
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 10, requests: paths.map((p) => ({ path: p })) });
  return {
    name,
    path: paths.length > 1 ? `${paths[0]!.replace(/[^/]+$/, ":id")} (${paths.length} ids)` : paths[0]!,
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A second BFF over a database of 5,000 settled takes (written through the store before it starts), no static files. */
export async function measureThroughput(upstream: BenchUpstream, dataDir: string): Promise<ThroughputFigures> {
  mkdirSync(dataDir, { recursive: true });
  const ids = await seedTakes(dataDir, seeds());
  const studio = await startBenchStudio(upstream, { dataDir, staticDir: "", pollIntervalMs: 5000 });
  const sampler = sampleRss(studio.pid, 100);
  try {
    // Warm the JIT and the SQLite page cache before anything is counted.
    await autocannon({ url: studio.url, connections: 10, duration: 2, requests: [{ path: "/api/generations?limit=24" }, { path: `/api/generations/${ids[0]}` }] });
    const detailIds = ids.filter((_, n) => n % 250 === 1);
    const endpoints = [
      await hammer(studio.url, "trivial JSON", "/api/health"),
      await hammer(studio.url, "list", "/api/generations?limit=24"),
      // Keyset paging and the (column, seq) indexes should make these cost what the first page does.
      await hammer(studio.url, "list, deep page", "/api/generations?limit=24&cursor=200"),
      await hammer(studio.url, "list, status+model+search", "/api/generations?limit=24&status=completed&model=gen4_turbo&q=harbour"),
      await hammer(studio.url, "list, favourites", "/api/generations?limit=24&favourite=true"),
      // A search no index can answer: it reads every prompt, the worst case for a page.
      await hammer(studio.url, "list, rare search", "/api/generations?limit=24&q=stored%20take%204999%3A"),
      await hammer(
        studio.url,
        "detail",
        detailIds.map((id) => `/api/generations/${id}`),
      ),
    ];
    const memory = sampler.stop();
    return { stored: STORED, endpoints, peakRssMb: memory.peakRssMb, hwmMb: memory.hwmMb };
  } finally {
    sampler.stop();
    await studio.stop();
  }
}
