// `npm run load` (saturation mode): LOAD_CONNECTIONS autocannon connections in a closed loop,
// each asking again as soon as it is answered, for LOAD_SECONDS against a real studio on
// loopback. It measures how many requests the BFF can answer at all, not what open tabs do
// (that is run-studio.ts).
import autocannon from "autocannon";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startLoadStack, type LoadStack } from "./load-stack";
import { errorCount, printReport, type LoadReport } from "./report";
import { sampleRss, type RssSampler } from "./rss-sampler";
import { noiseJpeg, sleep, submitGeneration, uploadImage, waitForTerminal } from "./traffic";
import { uploadBursts } from "./upload-bursts";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const GENERATIONS = 20;
const GENERATION_GAP_MS = 400;
const UPLOADS = 10;
const UPLOAD_GAP_MS = 2_000;
const PRE_RUN_TAKES = 4;
const SETTLE_TIMEOUT_MS = 300_000;

if (!(SECONDS >= 1 && SECONDS <= 600) || !(CONNECTIONS >= 1 && CONNECTIONS <= 1000)) {
  throw new Error("LOAD_SECONDS must be 1–600 and LOAD_CONNECTIONS 1–1000.");
}

const repoRoot = resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(join(tmpdir(), "dailies-load-"));
let stack = null as LoadStack | null;
let sampler = null as RssSampler | null;

async function run(): Promise<LoadReport> {
  stack = await startLoadStack(repoRoot, dataDir);
  const { studio } = stack;
  const { url } = studio;
  sampler = sampleRss(studio.pid);
  const readyRssMb = sampler.stop().lastRssMb;
  sampler = sampleRss(studio.pid);
  console.log(`studio (pid ${studio.pid}) ready at ${url}; data in ${dataDir}`);

  // The audit's upload bursts first, on a studio that has just started: their peak is then the
  // uploads' own cost, not what the traffic run left behind.
  console.log("sending the upload bursts…");
  const bursts = await uploadBursts(url, studio.pid);

  // Before the run: a first frame, a few real takes for the detail requests, and the big files.
  const frame = await uploadImage(url, await noiseJpeg(1280, 720, 80), "first-frame.jpg");
  const uploadId = frame.body?.id;
  if (frame.status !== 201 || typeof uploadId !== "string") throw new Error(`first frame upload answered ${frame.status}`);
  const preRun = await Promise.all(Array.from({ length: PRE_RUN_TAKES }, (_, i) => submitGeneration(url, 100 + i, uploadId)));
  const takeIds = preRun.map((reply) => String(reply.body?.id));
  const bigFiles = [];
  for (let i = 0; i < UPLOADS; i++) bigFiles.push(await noiseJpeg(2400, 1800, 98));
  const settled = await waitForTerminal(url, takeIds, 120_000);
  if ([...settled.values()].some((s) => s !== "completed")) throw new Error(`pre-run takes did not complete: ${[...settled.values()].join(", ")}`);
  console.log(`${PRE_RUN_TAKES} takes ready; loading for ${SECONDS} s with ${CONNECTIONS} connections…`);

  const requests = takeIds.flatMap((id) => [{ path: "/api/generations?limit=24" }, { path: `/api/generations/${id}` }]);
  const load = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 10, requests });
  const submits = Promise.all(
    Array.from({ length: GENERATIONS }, async (_, n) => {
      await sleep(n * GENERATION_GAP_MS);
      return submitGeneration(url, n, uploadId);
    }),
  );
  const uploads = Promise.all(
    bigFiles.map(async (bytes, n) => {
      await sleep(1_000 + n * UPLOAD_GAP_MS);
      const reply = await uploadImage(url, bytes, `noise-${n}.jpg`);
      return { n, mb: bytes.length / 1024 / 1024, status: reply.error ?? String(reply.status), ms: reply.ms };
    }),
  );
  const [result, submitted, uploaded] = await Promise.all([load, submits, uploads]);

  const ids = submitted.map((reply) => (typeof reply.body?.id === "string" ? reply.body.id : null));
  const finals = await waitForTerminal(url, ids.filter((id): id is string => id !== null), SETTLE_TIMEOUT_MS);
  const memory = sampler.stop();
  sampler = null;
  return {
    command: `LOAD_SECONDS=${SECONDS} LOAD_CONNECTIONS=${CONNECTIONS} npm run load`,
    connections: CONNECTIONS,
    seconds: SECONDS,
    load: result,
    generations: submitted.map((reply, n) => ({
      n,
      model: n % 2 === 0 ? "gen3a_turbo" : "gen4_turbo",
      submit: reply.error ?? `${reply.status} in ${reply.ms.toFixed(0)} ms`,
      final: ids[n] ? (finals.get(ids[n]) ?? "unknown") : "not created",
    })),
    uploads: uploaded,
    memory: { ...memory, readyRssMb },
    bursts,
    studioLog: studio.logLines,
  };
}

let exitCode = 1;
try {
  const report = await run();
  printReport(report);
  const incomplete = report.generations.some((g) => g.final !== "completed");
  exitCode = errorCount(report) > 0 || incomplete ? 1 : 0;
} catch (error) {
  console.error("load run failed:", error instanceof Error ? error.message : error);
} finally {
  sampler?.stop();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
