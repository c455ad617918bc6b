import type { LatencySample } from "./completion";
import type { BundleFigures, LighthouseFigures } from "./frontend";
import type { Machine } from "./machine";
import { formatMachine } from "./report";
import { median } from "./stats";
import type { ThroughputFigures } from "./throughput";

type DocInput = {
  machine: Machine;
  table: string;
  durationS: number;
  samples: LatencySample[];
  lighthouse: LighthouseFigures;
  bundle: BundleFigures;
  throughput: ThroughputFigures;
  mainRss: { peakRssMb: number };
};

const METHOD = `## How each figure is measured

Everything runs on 127.0.0.1: the simulator of the AI/ML API **in the bench's own process**
(\`startSimulator\`, \`timeScale\` 0.2, so gen3a_turbo's 25 s is 5 s and gen4_turbo's 65 s is 13 s),
and the BFF **in a child process** (\`scripts/load/studio-child.ts\`, pointed at the simulator with
\`AIMLAPI_KEY\`/\`AIMLAPI_BASE_URL\` like a real upstream, \`POLL_INTERVAL_MS\` 1000 = 5 s × 0.2),
serving a \`vite build\` made into a temporary folder (a CI run building \`dist/\` is not disturbed).

**Completion latency.** The instant the *upstream* marks a job completed is read from the
simulator itself, not from a client's poll: its status is derived from the clock on each poll
and turns \`completed\` once the scaled timeline has run out *and* the MP4 is rendered
(\`src/simulator/jobs.ts\`), so completion = max(create + timeline, render done). The bench sees
both instants in the simulator's \`log\` callback ("created …", "rendered …"), to the
millisecond. Each BFF take is matched to its upstream job because the BFF answers
\`POST /api/generations\` only after its create reached the upstream, and the bench submits
one at a time. The gallery side: headless Chromium (Playwright, \`/usr/bin/chromium\`) keeps
\`/\` open; an init script's \`MutationObserver\` notices the card of a measured take render
its \`<video>\` (the card does so only for a completed, archived take), loads it as a hover
would (\`play()\`, muted), and stamps \`Date.now()\` at \`loadeddata\`/\`canplay\` with
\`readyState ≥ 2\`: a playable video. Latency = that stamp − upstream completion. Takes are
submitted over HTTP four at a time, then the tab reloads to list them (the SPA polls each
unfinished take itself). Before measuring, 6 takes of each model run (the BFF's poll plan
learns from the brackets its polls leave on them and needs ≥ 5 per model and length); the
plan is made again after each completed take. 20 gen3a_turbo and 8 gen4_turbo takes are measured. The simulator draws each job's time
around the model's median (\`src/simulator/timing.ts\`: log-normal, spread 0.15, 5 % slow
outliers), so jobs vary as a real provider's do.

*Baseline*, computed from the same measured instants: the AI/ML API's documented client,
a fixed 10 s poll loop from submit, scaled like the timeline (10 s × 0.2 = 2 s, the loop whose
GETs make the BFF's budget); its latency is (first poll at/after completion) − completion =
⌈t/L⌉·L − t for a job that took t. It stops at the upstream: it does not include archiving the
video or a browser noticing, which the measured figure does.

*The tab's side* (\`src/features/gallery/utils/poll-delay.ts\`): each open tab asks the BFF
about a running take every 2 s until 3 s before the earliest any take like it has finished in
this studio (\`GET /api/timings\`), then every 0.4 s, easing off by a tenth of the lateness past
98 % of them; every 0.15 s while the BFF archives the video ("finishing"); every 2 s while
nothing is known. Asking the BFF costs no upstream call; it answers list and detail from memory.

**Poll plan against fixed loops** (\`scripts/bench/poll-policies.ts\`). 240 jobs per model
drawn from the simulator's own distribution with a seeded generator, tight (spread 0.05, no
outliers: about ±10 %) and wide (spread 0.2 and 5 % outliers 1.5–2.5× slower: about ±40 %),
at the real timeline (gen3a_turbo 25 s, gen4_turbo 65 s), replayed in simulated time through
the job runner's own code (\`planPolls\` and \`nextPollDelay\`, the plan learned from the
brackets its own polls left on the last 40 jobs, made again after each one) and through fixed
loops of 2, 5 and 10 s, and the fixed loop that spends the same GETs per job as the plan
(found by bisection on its interval). Delay = first poll at/after the job's end − the end.
The first 40 jobs (learning) are left out.

**Upstream calls per job.** The simulator's \`polls\` counter (\`GET /__simulator/stats\`)
before and after each batch, ÷ jobs, so warm-up and other phases are not counted. Baseline:
the fixed loop scaled like the timeline, ⌈t / (10 s × 0.2)⌉ GETs for a job that took t. With
tabs: four gen4_turbo takes run once with 1 gallery tab and once with 20 tabs (one browser
context, reduced motion) open; only the BFF polls the upstream, so the figure must not grow.
The tabs open once the simulator has rendered the takes: twenty tabs starting on two cores
otherwise starve ffmpeg, the jobs finish late, and a late job is polled more whoever watches.

**BFF throughput.** A second BFF whose database holds 5,000 settled takes, written through the
store (\`src/server/testing/seed-takes.ts\`) before it starts. autocannon, 50 connections, 10 s
per endpoint after a 2 s warm-up: \`/api/health\` (the trivial JSON endpoint, the baseline),
\`/api/generations?limit=24\` (then a deep page, status+model+search, favourites, and a
search only one prompt matches, which reads every row), and \`/api/generations/:id\` over 20
ids. The list's plans (each filter from its index, no sort) are tested in
\`src/server/store/list-query-plan.test.ts\`. RSS is sampled from
\`/proc/<pid>/status\` of the BFF child every 100 ms during this phase. autocannon runs in the
bench's process on the same 2 cores as the BFF, so absolute req/s are a floor; the ratio
to the trivial endpoint is the comparable figure.

**Insights.** A third BFF over 50,000 takes spread over the last 27 days, written through the
store (\`scripts/bench/insights.ts\`: run times, costs, circled takes, failures of every kind,
2 % deleted so the ledger counts), then \`GET /api/insights\` by model, creator and week and the
CSV, 60 sequential requests each after 5 warm-up rounds, beside \`/api/health\` and
\`/api/usage\` timed the same way. The insights keep a rollup of whole UTC days, each reread only
when a take of that day changes: "after a write" rows flip a favourite of one of today's takes
through the API before each request (today is reread, as in a studio where takes are running);
"first request after start" is the one request that reads the whole window (once per start, no
goal). Alone: \`npm run bench:insights\`.

**Front end.** Initial bytes: \`index.html\`'s entry script, its \`modulepreload\` links and
stylesheets, each gzipped with zlib (default level). Lighthouse 12 node API with
\`chrome-launcher\` (\`--headless=new\` and the flags above), desktop preset (simulated
throttling), on the gallery at the end of the latency phase (~40 completed takes).

**Media.** Upload: a 4000×3000 JPEG of blurred noise (~photo-sized) to \`POST /api/uploads\`,
request to 201 (checks, upright metadata-free copy, thumbnail). Render: the simulator's
\`renderVideo\` (ffmpeg, libx264 veryfast, faststart) called directly for gen4_turbo 16:9 from
a real frame. Archive: \`archiveVideo\` alone (the BFF's download streamed to disk, one ffmpeg
run that decodes every frame and writes the poster) on that 5 s 720p render served from a
loopback server, with each ffmpeg on the machine (Debian's, which the BFF prefers, and the
bundled 2018 build), median of 9. First frame: on a take's page in a fresh browser context (nothing cached), the
time from \`video.play()\` to the \`playing\` event.`;

function analysis(input: DocInput): string {
  const perModel = (model: string) => input.samples.filter((s) => s.model === model);
  const stage = (pick: (s: LatencySample) => number) => Math.round(median(input.samples.map(pick)));
  const lines = [
    `- Where the median goes after the upstream completes: the BFF's next poll ${stage((s) => s.detectedMs)} ms; archiving the video ` +
      `(download, probe, poster) ${stage((s) => s.archivedMs - s.detectedMs)} ms; the tab's next poll and render ${stage((s) => s.shownMs - s.archivedMs)} ms; ` +
      `loading the first frame ${stage((s) => s.playableMs - s.shownMs)} ms. The first two are the BFF's (src/server), the last two the SPA's.`,
    `- BFF child peak RSS during the latency phases (Chromium polling, archives, posters): ${input.mainRss.peakRssMb.toFixed(0)} MB.`];
  for (const model of ["gen3a_turbo", "gen4_turbo"]) {
    const samples = perModel(model);
    const worst = samples.reduce((a, b) => (b.playableMs > a.playableMs ? b : a), samples[0]!);
    if (worst) lines.push(`- Slowest ${model} take: detected ${worst.detectedMs} ms, archived ${worst.archivedMs} ms, shown ${worst.shownMs} ms, playable ${worst.playableMs} ms after completion.`);
  }
  if (input.lighthouse.failing.length) lines.push(`- Lighthouse audits scoring under 90: ${input.lighthouse.failing.join(", ")}.`);
  lines.push(`- Initial files: ${input.bundle.files.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join(", ")}.`);
  return lines.join("\n");
}

export function writeBenchDoc(input: DocInput): string {
  return `# Benchmarks

\`npm run bench\` measures the studio end to end on loopback against the simulator and rewrites
this file. Each figure sits beside a baseline taken in the same run; ✓/✗ compare it with the
target the studio holds itself to.

**Last run:** ${formatMachine(input.machine)}. The run took ${input.durationS.toFixed(0)} s.

\`\`\`
${input.table}
\`\`\`

${analysis(input)}

${METHOD}
`;
}
