import { spawnSync } from "node:child_process";
import { startChildStudio, type ChildStudio } from "../load/child-studio";
import type { BenchUpstream } from "./upstream";

export const repoRoot = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** `vite build` into a folder of the bench's own, so a CI run building dist/ at the same time is not disturbed. */
export function buildSpa(outDir: string): number {
  const start = performance.now();
  const result = spawnSync("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status})`);
  return performance.now() - start;
}

/** The poll settings scaled like the simulator's timeline (see run-bench.ts). */
type StudioOptions = { dataDir: string; staticDir: string; pollIntervalMs: number; pollBudgetLoopMs?: number; pollMaxGapMs?: number };

/**
 * The BFF in its own process (its RSS can be read from outside, and its CPU is not shared
 * with the bench's event loop), talking to the bench's simulator as if it were the AI/ML API.
 */
export function startBenchStudio(upstream: BenchUpstream, options: StudioOptions): Promise<ChildStudio> {
  return startChildStudio(repoRoot, {
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: options.dataDir,
    STATIC_DIR: options.staticDir,
    AIMLAPI_KEY: upstream.apiKey,
    AIMLAPI_BASE_URL: upstream.simulator.url,
    POLL_INTERVAL_MS: String(options.pollIntervalMs),
    ...(options.pollBudgetLoopMs ? { POLL_BUDGET_LOOP_MS: String(options.pollBudgetLoopMs) } : {}),
    ...(options.pollMaxGapMs ? { POLL_MAX_GAP_MS: String(options.pollMaxGapMs) } : {}),
    LOG_LEVEL: "warn",
    // The bench's own upstream spends nothing: no default spend limits.
    LIMIT_RUNNING_PER_USER: "0",
    LIMIT_DAILY_STUDIO: "0",
  });
}
