// `npm run load -- --studio` (or LOAD_MODE=studio, or `npm run load:studio`): an open loop that
// models the studio in use. LOAD_TABS tabs (default 200) each list, time and poll as the SPA
// does, while LOAD_TAKES takes (default 20) are created and LOAD_UPLOADS frames of 10 MB
// (default 10) uploaded at an even pace over LOAD_SECONDS (default 60, at most 600).
// `--replicas N` (2–4) runs the scaled shape instead (replica-stack.ts: Postgres, an s3rver
// bucket, N studios on one schema) and spreads the tabs and their creates over the studios in
// turn, as a proxy would.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { timingsResponseSchema } from "../../src/shared/api";
import { MIN_SAMPLES } from "../../src/shared/completion-times";
import { takeSchema, type Take } from "../../src/shared/take";
import { watchCpu } from "./cpu-watch";
import { ENDPOINTS, EndpointStats } from "./endpoint-stats";
import { startLoadStack, type LoadStack } from "./load-stack";
import { startReplicaStack } from "./replica-stack";
import { loadPollSchedule } from "./poll-schedule";
import { sampleRss, type RssSampler } from "./rss-sampler";
import { takeCensus } from "./studio-census";
import { requestTimesFromLog } from "./studio-log";
import { goalMet, printStudioReport, type StudioReport } from "./studio-report";
import { IDLE_RELIST_MS, StudioTab } from "./studio-tab";
import { noiseJpeg, sleep, submitGeneration, uploadImage, waitForTerminal } from "./traffic";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const TABS = Number(process.env.LOAD_TABS ?? 200);
const TAKES = Number(process.env.LOAD_TAKES ?? 20);
const UPLOADS = Number(process.env.LOAD_UPLOADS ?? 10);
const replicasAt = process.argv.indexOf("--replicas");
const REPLICAS = replicasAt === -1 ? 1 : Number(process.argv[replicasAt + 1]);
/** Enough finished takes of each model that GET /api/timings has a curve for the tabs to poll by. */
const LEARNING_TAKES = 2 * MIN_SAMPLES;
const LEARNING_TIMEOUT_MS = 120_000;
/** A tab's request still unanswered this long after the end is cut off and counted as an error. */
const DRAIN_MS = 10_000;

const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
if (!whole(SECONDS, 1, 600) || !whole(TABS, 1, 1000) || !whole(TAKES, 0, 200) || !whole(UPLOADS, 0, 50) || !whole(REPLICAS, 1, 4)) {
  throw new Error("LOAD_SECONDS must be 1–600, LOAD_TABS 1–1000, LOAD_TAKES 0–200, LOAD_UPLOADS 0–50 and --replicas 1–4 (whole numbers).");
}

const repoRoot = resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(join(tmpdir(), "dailies-studio-load-"));
let stack = null as LoadStack | null;
let samplers = [] as RssSampler[];

const at = (time: number) => sleep(Math.max(0, time - Date.now()));

async function run(): Promise<StudioReport> {
  stack = REPLICAS > 1 ? await startReplicaStack(repoRoot, dataDir, REPLICAS) : await startLoadStack(repoRoot, dataDir, { upstream: "child" });
  const { studios } = stack;
  const { url } = stack.studio;
  /** The studio the n-th tab (and its creates) talks to: in turn, as a proxy spreads its clients. */
  const urlOf = (n: number) => studios[n % studios.length]!.url;
  const readyRssMb = studios.map((studio) => sampleRss(studio.pid).stop().lastRssMb);
  const nextTakePollMs = await loadPollSchedule(repoRoot);
  for (const studio of studios) console.log(`studio (pid ${studio.pid}) ready at ${studio.url}; data in ${dataDir}`);

  // A studio in use has history: finished takes of each model give the tabs a learned schedule.
  const frame = await uploadImage(url, await noiseJpeg(1280, 720, 80), "first-frame.jpg");
  const uploadId = frame.body?.id;
  if (frame.status !== 201 || typeof uploadId !== "string") throw new Error(`first frame upload answered ${frame.status}`);
  const learning = await Promise.all(Array.from({ length: LEARNING_TAKES }, (_, i) => submitGeneration(urlOf(i), 100 + i, uploadId)));
  const [learned, frames] = await Promise.all([
    waitForTerminal(url, learning.map((reply) => String(reply.body?.id)), LEARNING_TIMEOUT_MS),
    Promise.all(Array.from({ length: UPLOADS }, () => noiseJpeg(2400, 1800, 98))),
  ]);
  if ([...learned.values()].some((s) => s !== "completed")) throw new Error(`learning takes did not complete: ${[...learned.values()].join(", ")}`);
  const { timings } = timingsResponseSchema.parse(await (await fetch(`${url}/api/timings`)).json());
  console.log(`${LEARNING_TAKES} takes learned from; ${TABS} tabs for ${SECONDS} s…`);

  samplers = studios.map((studio) => sampleRss(studio.pid));
  const stats = new EndpointStats();
  const start = Date.now();
  const until = start + SECONDS * 1000;
  const latest = new Map<string, Take>();
  const onSeen = (take: Take) => {
    if (take.updatedAt >= (latest.get(take.id)?.updatedAt ?? "")) latest.set(take.id, take);
  };
  const tabs = Array.from({ length: TABS }, (_, i) => new StudioTab({ url: urlOf(i), until, drainMs: DRAIN_MS, nextTakePollMs, stats, onSeen }));
  const census = takeCensus(tabs, latest);
  const cpu = watchCpu(studios.map((studio) => studio.pid));
  for (const studio of studios) studio.resetLoopDelay();

  // Tabs open spread over one re-list period: the phases of tabs already open, not one stampede.
  const tabRuns = tabs.map((tab, i) => tab.run(start + (i / TABS) * Math.min(IDLE_RELIST_MS, SECONDS * 1000)));
  const creates = Array.from({ length: TAKES }, async (_, n) => {
    await at(start + ((n + 0.5) * SECONDS * 1000) / TAKES);
    // From the tab that made it, so through that tab's studio.
    const reply = await submitGeneration(urlOf(n % TABS), n, uploadId);
    stats.record("create", reply);
    const take = takeSchema.safeParse(reply.body);
    if (!take.success) return null;
    onSeen(take.data);
    tabs[n % TABS]!.created(take.data);
    return take.data.id;
  });
  const uploads = frames.map(async (bytes, n) => {
    await at(start + ((n + 0.5) * SECONDS * 1000) / UPLOADS);
    stats.record("upload", await uploadImage(urlOf(n), bytes, `frame-${n}.jpg`));
  });
  const [ids] = await Promise.all([Promise.all(creates), Promise.all(uploads), Promise.all(tabRuns)]);
  const drainedS = (Date.now() - until) / 1000;
  const seen = census.stop();
  const cpuUse = cpu.stop();
  const loopDelays = await Promise.all(studios.map((studio) => studio.loopDelay()));
  // The log file is written asynchronously: give its last lines a moment to land.
  await sleep(500);
  const atStudio = requestTimesFromLog(
    studios.flatMap((studio) => (studio.logFile ? [studio.logFile] : [])),
    start,
    Date.now(),
  );

  const created = ids.filter((id): id is string => id !== null);
  const statuses = new Map<string, number>();
  for (const id of created) {
    const status = latest.get(id)?.status ?? "unknown";
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  const memory = samplers.map((sampler, i) => ({ ...sampler.stop(), readyRssMb: readyRssMb[i]! }));
  samplers = [];
  return {
    command: `LOAD_SECONDS=${SECONDS} LOAD_TABS=${TABS} LOAD_TAKES=${TAKES} LOAD_UPLOADS=${UPLOADS} npm run load -- --studio${REPLICAS > 1 ? ` --replicas ${REPLICAS}` : ""}`,
    tabs: TABS,
    seconds: SECONDS,
    drainedS,
    endpoints: Object.fromEntries(ENDPOINTS.map((e) => [e, stats.summary(e)])) as StudioReport["endpoints"],
    all: stats.summary(...ENDPOINTS),
    polling: stats.summary("list", "detail", "timings"),
    atStudio: Object.fromEntries(ENDPOINTS.map((e) => [e, atStudio.summary(e)])) as StudioReport["atStudio"],
    uploadMb: frames.length ? frames.reduce((sum, f) => sum + f.length, 0) / frames.length / 1024 / 1024 : 0,
    timings,
    takes: { asked: TAKES, created: created.length, atTheEnd: [...statuses].map(([status, n]) => `${n} ${status}`).join(", ") },
    ...seen,
    cpu: cpuUse,
    studioLoopDelays: loopDelays,
    memory,
    studioLog: studios.flatMap((studio) => studio.logLines),
  };
}

try {
  const report = await run();
  printStudioReport(report);
  console.log(`\nGoal ${goalMet(report) ? "met" : "not met"} (reported, not enforced: the exit code says only whether the run itself worked).`);
  process.exitCode = 0;
} catch (error) {
  console.error("studio load run failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  for (const sampler of samplers) sampler.stop();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit();
