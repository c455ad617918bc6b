import type { CallsFigure, LatencySample } from "./completion";
import type { BundleFigures, LighthouseFigures } from "./frontend";
import { INSIGHTS_TAKES, type InsightsFigure, type InsightsFigures } from "./insights";
import type { MediaFigures } from "./media";
import type { PolicyFigure } from "./poll-policies";
import { kb, ms, perSecond, seconds, type Row } from "./report";
import { median, quantile } from "./stats";
import type { ThroughputFigures } from "./throughput";

export const TARGETS = {
  latencyMedianMs: 1500,
  latencyP95Ms: 3000,
  initialJsBytes: 150 * 1024,
  lighthouse: { performance: 95, accessibility: 100, bestPractices: 95 },
  listShareOfTrivial: 0.3,
  listP99Ms: 20,
  rssMb: 200,
  insightsP99Ms: 50,
};

type Inputs = {
  policies: PolicyFigure[];
  samples: LatencySample[];
  calls: CallsFigure[];
  oneTab: CallsFigure;
  twentyTabs: CallsFigure;
  throughput: ThroughputFigures;
  insights: InsightsFigures;
  bundle: BundleFigures;
  lighthouse: LighthouseFigures;
  media: MediaFigures;
  timeScale: number;
};

const perJob = (figures: readonly CallsFigure[], pick: (f: CallsFigure) => number) =>
  figures.reduce((sum, f) => sum + pick(f), 0) / figures.reduce((sum, f) => sum + f.jobs, 0);

function latencyRows(samples: readonly LatencySample[], callsOk: boolean): Row[] {
  const of = (pick: (s: LatencySample) => number) => samples.map(pick);
  const playable = of((s) => s.playableMs);
  const fixed = of((s) => s.fixedLoopMs);
  const n = samples.length;
  const stage = (label: string, pick: (s: LatencySample) => number): Row => ({
    figure: `  of which: ${label} (median)`,
    value: ms(median(of(pick))),
    baseline: "",
    target: "",
    ok: null,
  });
  return [
    {
      figure: `Completion → playable in gallery, median (n=${n})`,
      value: seconds(median(playable)),
      baseline: `${seconds(median(fixed))} fixed loop (10 s × timeScale), detection only`,
      target: "≤ 1.50 s, GETs ≤ loop",
      ok: median(playable) <= TARGETS.latencyMedianMs && callsOk,
    },
    {
      figure: `Completion → playable in gallery, p95 (n=${n})`,
      value: seconds(quantile(playable, 0.95)),
      baseline: `${seconds(quantile(fixed, 0.95))} fixed loop, detection only`,
      target: "≤ 3.00 s, GETs ≤ loop",
      ok: quantile(playable, 0.95) <= TARGETS.latencyP95Ms && callsOk,
    },
    stage("BFF poll saw it completed", (s) => s.detectedMs),
    stage("archive: download, check, poster", (s) => s.archivedMs - s.detectedMs),
    stage("video archived, take completed", (s) => s.archivedMs),
    stage("card showed it", (s) => s.shownMs),
    {
      figure: "Takes whose start (generating) the BFF recorded",
      value: `${samples.filter((s) => s.startSeen).length} of ${n}`,
      baseline: "",
      target: "100 %",
      ok: samples.every((s) => s.startSeen),
    },
    {
      figure: "  upstream create → completed (median; timeline 5 s / 13 s)",
      value: `${ms(median(of((s) => s.upstreamMs).filter((_, i) => samples[i]!.model === "gen3a_turbo")))} / ${ms(median(of((s) => s.upstreamMs).filter((_, i) => samples[i]!.model === "gen4_turbo")))}`,
      baseline: "",
      target: "",
      ok: null,
    },
  ];
}

function callsRows(calls: readonly CallsFigure[], oneTab: CallsFigure, twentyTabs: CallsFigure, timeScale: number): Row[] {
  const rows = (["gen3a_turbo", "gen4_turbo"] as const).map((model): Row => {
    const mine = calls.filter((c) => c.model === model);
    const value = perJob(mine, (c) => c.polls);
    const loop = perJob(mine, (c) => c.fixedLoopPolls);
    const timeline = model === "gen3a_turbo" ? 25 : 65;
    return {
      figure: `Upstream GETs per job, ${model} (${timeline} s × ${timeScale})`,
      value: value.toFixed(2),
      baseline: `${loop.toFixed(2)} fixed loop (${10 * timeScale} s)`,
      target: "≤ fixed loop",
      ok: value <= loop,
    };
  });
  const one = oneTab.polls / oneTab.jobs;
  const twenty = twentyTabs.polls / twentyTabs.jobs;
  rows.push({
    figure: `Upstream GETs per job, 20 tabs open (gen4_turbo)`,
    value: twenty.toFixed(2),
    baseline: `${one.toFixed(2)} with 1 tab`,
    target: "≤ 1 tab + 0.5",
    ok: twenty <= one + 0.5,
  });
  return rows;
}

/** The plan against fixed loops on the same drawn jobs (poll-policies.ts). */
function policyRows(figures: readonly PolicyFigure[]): Row[] {
  const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
  return figures.map((f): Row => {
    const [ours, two, five, ten] = f.rows as [PolicyFigure["rows"][number], PolicyFigure["rows"][number], PolicyFigure["rows"][number], PolicyFigure["rows"][number]];
    const ratio = ours.medianDelayMs / ten.medianDelayMs;
    return {
      figure: `Detection delay, ${f.model}, ${f.distribution}, ${f.jobs} jobs: median / p95, GETs per job`,
      value: `${s(ours.medianDelayMs)} / ${s(ours.p95DelayMs)}, ${ours.getsPerJob.toFixed(2)} GETs (${ratio.toFixed(2)}× the 10 s loop)`,
      baseline: [ten, five, two, f.equalGetsLoop].map((r) => `${r.policy}: ${s(r.medianDelayMs)} / ${s(r.p95DelayMs)}, ${r.getsPerJob.toFixed(2)}`).join("; "),
      target: "≤ 0.3× the 10 s loop, GETs ≤ it; beats the same-GETs loop",
      ok: ratio <= 0.3 && ours.getsPerJob <= ten.getsPerJob + 1e-9 && ours.medianDelayMs < f.equalGetsLoop.medianDelayMs,
    };
  });
}

function throughputRows({ endpoints, stored, peakRssMb }: ThroughputFigures): Row[] {
  const trivial = endpoints.find((e) => e.name === "trivial JSON")!;
  const rows = endpoints.map((e): Row => {
    const share = e.rps / trivial.rps;
    const isList = e.name === "list";
    const errors = e.errors ? `, ${e.errors} errors` : "";
    return {
      figure: `BFF ${e.name} ${e.path}, 50 conn.${e === trivial ? "" : `, ${stored.toLocaleString("en")} takes`}`,
      value: `${perSecond(e.rps)}, p99 ${ms(e.p99Ms)}${errors}`,
      baseline: e === trivial ? "" : `${Math.round(share * 100)}% of trivial`,
      target: isList ? "≥ 30%, p99 ≤ 20 ms" : "",
      ok: isList ? share >= TARGETS.listShareOfTrivial && e.p99Ms <= TARGETS.listP99Ms && e.errors === 0 : e.errors === 0 ? null : false,
    };
  });
  rows.push({ figure: "BFF peak RSS under that load", value: `${peakRssMb.toFixed(0)} MB`, baseline: "", target: "≤ 200 MB", ok: peakRssMb <= TARGETS.rssMb });
  return rows;
}

/** Sequential requests (one at a time), each beside the trivial endpoint and the usage report timed the same way. */
function insightsRows({ figures }: InsightsFigures): Row[] {
  const trivial = figures.find((f) => f.path === "/api/health")!;
  const usage = figures.find((f) => f.path === "/api/usage")!;
  const triple = (f: InsightsFigure) => `${ms(f.p50Ms)} / ${ms(f.p95Ms)} / ${ms(f.p99Ms)}`;
  return figures
    .filter((f) => f.path.startsWith("/api/insights"))
    .map((f): Row => ({
      figure: `BFF ${f.name} ${f.path}, ${INSIGHTS_TAKES.toLocaleString("en")} takes: p50 / p95 / p99`,
      value: triple(f),
      baseline: `trivial ${triple(trivial)}; usage report ${triple(usage)}`,
      // The first request after a start reads the whole window (once; the default window is then read in the background): shown, not held to the goal.
      ...(f.name.includes("first request") ? { target: "once per start", ok: null } : { target: "p99 ≤ 50 ms", ok: f.p99Ms <= TARGETS.insightsP99Ms }),
    }));
}

function frontEndRows(bundle: BundleFigures, lh: LighthouseFigures): Row[] {
  const t = TARGETS.lighthouse;
  return [
    { figure: "Initial JS, gzipped", value: kb(bundle.jsGzipBytes), baseline: "", target: "≤ 150 KB", ok: bundle.jsGzipBytes <= TARGETS.initialJsBytes },
    { figure: "Initial CSS, gzipped", value: kb(bundle.cssGzipBytes), baseline: "", target: "", ok: null },
    { figure: "Lighthouse performance (desktop, gallery)", value: String(lh.performance), baseline: "", target: "≥ 95", ok: lh.performance >= t.performance },
    { figure: "Lighthouse accessibility", value: String(lh.accessibility), baseline: "", target: "100", ok: lh.accessibility >= t.accessibility },
    { figure: "Lighthouse best practices", value: String(lh.bestPractices), baseline: "", target: "≥ 95", ok: lh.bestPractices >= t.bestPractices },
  ];
}

function mediaRows(m: MediaFigures): Row[] {
  const row = (figure: string, value: string): Row => ({ figure, value, baseline: "", target: "", ok: null });
  return [
    row(`12 MP JPEG upload accepted (${m.uploadMb.toFixed(1)} MB, median of 3)`, ms(m.uploadMs)),
    row("Simulator render, 5 s clip 1280×720 (median of 3)", ms(m.render5sMs)),
    ...m.archive.map((a): Row => ({
      figure: `Archive a 5 s 720p clip (download, decode check, poster) with ${a.ffmpeg} (median of ${a.runs})`,
      value: ms(a.ms),
      baseline: "",
      target: "≤ 400 ms",
      ok: a.ms <= 400,
    })),
    row("Simulator render, 10 s clip 1280×720 (median of 3)", ms(m.render10sMs)),
    row("Simulator render, 5 s clip 1280×720, SIMULATOR_RENDER=still (median of 3)", ms(m.render5sStillMs)),
    row(`play() → first frame playing, cold (median of ${m.firstFrameRuns})`, ms(m.firstFrameMs)),
  ];
}

export function buildRows(input: Inputs): Row[] {
  const callsOk = perJob(input.calls, (c) => c.polls) <= perJob(input.calls, (c) => c.fixedLoopPolls);
  return [
    ...latencyRows(input.samples, callsOk),
    ...callsRows(input.calls, input.oneTab, input.twentyTabs, input.timeScale),
    ...policyRows(input.policies),
    ...throughputRows(input.throughput),
    ...insightsRows(input.insights),
    ...frontEndRows(input.bundle, input.lighthouse),
    ...mediaRows(input.media),
  ];
}
