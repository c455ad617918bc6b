// `npm run bench`: the studio's figures, each beside a baseline from the same run, on
// 127.0.0.1 against the simulator. Prints a table and writes docs/benchmarks.md. Under 10 min.
import { comparePollPolicies } from "./poll-policies";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeFrame } from "../../e2e/fixtures";
import { sampleRss } from "../load/rss-sampler";
import { launchBrowser, openGallery } from "./browser";
import { measureBatch, measureTabs, warmUp, type CallsFigure, type Context, type LatencySample } from "./completion";
import { measureInitialBundle, runLighthouse } from "./frontend";
import { measureInsights } from "./insights";
import { describeMachine } from "./machine";
import { measureMedia } from "./media";
import { formatMachine, formatTable } from "./report";
import { buildRows } from "./rows";
import { buildSpa, repoRoot, startBenchStudio } from "./studio";
import { uploadFrame } from "./takes";
import { measureThroughput } from "./throughput";
import { startBenchUpstream } from "./upstream";
import { writeBenchDoc } from "./write-doc";

const TIME_SCALE = 0.2;
/** POLL_INTERVAL_MS scaled like the timeline (5 s × 0.2). */
const POLL_INTERVAL_MS = 1000;
/** The budget's fixed 10 s loop and the plan's longest gap (60 s), scaled the same way. */
const POLL_BUDGET_LOOP_MS = 10_000 * TIME_SCALE;
const POLL_MAX_GAP_MS = 60_000 * TIME_SCALE;
const BATCH = 4;
const MEASURED = { gen3a_turbo: 20, gen4_turbo: 8 };

const startedAt = performance.now();
const step = (what: string) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${what}`);
const work = mkdtempSync(join(tmpdir(), "dailies-bench-"));
const machine = describeMachine();
const cleanups: Array<() => Promise<unknown>> = [];

async function run() {
  step(`building the SPA into ${join(work, "dist")}`);
  const distDir = join(work, "dist");
  buildSpa(distDir);
  const bundle = measureInitialBundle(distDir);

  const upstream = await startBenchUpstream(TIME_SCALE, join(work, "simulator"));
  cleanups.push(() => upstream.simulator.close());
  const studio = await startBenchStudio(upstream, { dataDir: join(work, "studio"), staticDir: distDir, pollIntervalMs: POLL_INTERVAL_MS, pollBudgetLoopMs: POLL_BUDGET_LOOP_MS, pollMaxGapMs: POLL_MAX_GAP_MS });
  cleanups.push(() => studio.stop());
  const studioRss = sampleRss(studio.pid, 250);
  step(`studio (pid ${studio.pid}) at ${studio.url}, simulator at ${upstream.simulator.url}, timeScale ${TIME_SCALE}`);

  const frame = await makeFrame(1280, 720, 200);
  const ctx: Context = { baseUrl: studio.url, upstream, uploadId: await uploadFrame(studio.url, frame) };
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());

  step("warm-up: 6 takes of each model, so the BFF's poll plan has learned (it needs 5)");
  await warmUp(ctx, [
    ["gen3a_turbo", 6],
    ["gen4_turbo", 6],
  ]);

  const page = await openGallery(browser, `${studio.url}/`);
  const samples: LatencySample[] = [];
  const calls: CallsFigure[] = [];
  for (const [model, count] of Object.entries(MEASURED) as Array<[keyof typeof MEASURED, number]>) {
    for (let done = 0; done < count; done += BATCH) {
      step(`completion latency: ${model}, takes ${done + 1}–${done + BATCH} of ${count}`);
      const batch = await measureBatch(ctx, page, model, BATCH);
      samples.push(...batch.samples);
      calls.push(batch.calls);
    }
  }
  await page.close();

  step("upstream GETs per job with 1 and with 20 gallery tabs open");
  // gen4_turbo: its 13 s timeline, not the CPU-bound render, decides when it completes.
  const oneTab = await measureTabs(ctx, browser, 1, "gen4_turbo", BATCH);
  const twentyTabs = await measureTabs(ctx, browser, 20, "gen4_turbo", BATCH);
  const mainRss = studioRss.stop();

  step("Lighthouse (desktop) on the gallery");
  const lighthouse = await runLighthouse(`${studio.url}/`);

  step("media: 12 MP upload, renders, time to first frame");
  const completedIds = samples.map((s) => s.takeId);
  const media = await measureMedia(browser, studio.url, frame, completedIds, join(work, "renders"));

  step("BFF throughput over 5,000 stored takes (autocannon, 50 connections)");
  const throughput = await measureThroughput(upstream, join(work, "seeded"));

  step("insights over 50,000 stored takes (sequential requests)");
  const insights = await measureInsights(upstream, join(work, "insights"));

  step("poll plan against fixed loops on the simulator's distributions");
  const policies = comparePollPolicies();

  const rows = buildRows({ policies, samples, calls, oneTab, twentyTabs, throughput, insights, bundle, lighthouse, media, timeScale: TIME_SCALE });
  return { rows, samples, lighthouse, bundle, throughput, mainRss };
}

let exitCode = 1;
try {
  const result = await run();
  const durationS = (performance.now() - startedAt) / 1000;
  const table = formatTable(result.rows);
  console.log(`\nDailies bench — ${formatMachine(machine)} — ${durationS.toFixed(0)} s\n\n${table}\n`);
  if (result.lighthouse.failing.length) console.log(`Lighthouse audits under 90: ${result.lighthouse.failing.join(", ")}`);
  writeFileSync(join(repoRoot, "docs/benchmarks.md"), writeBenchDoc({ machine, table, durationS, ...result }));
  console.log("wrote docs/benchmarks.md");
  exitCode = 0;
} catch (error) {
  console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
