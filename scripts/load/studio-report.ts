import type { CompletionTiming } from "../../src/shared/api";
import type { ChildLoopDelay } from "./child-process-life";
import type { CpuUse } from "./cpu-watch";
import type { Endpoint, EndpointSummary } from "./endpoint-stats";
import { memoryRows, row, TARGETS, verdict, type Memory } from "./report";
import { IDLE_RELIST_MS } from "./studio-tab";

export type StudioReport = {
  command: string;
  tabs: number;
  seconds: number;
  /** How long the last answers took to come in after the end. */
  drainedS: number;
  endpoints: Record<Endpoint, EndpointSummary>;
  all: EndpointSummary;
  /** The tabs' own requests together (list, detail, timings): what 200 open tabs cost the studio. */
  polling: EndpointSummary;
  /** The same requests as the BFF's request log timed them (studio-log.ts); counts of 0 where it has no log file. */
  atStudio: Record<Endpoint, EndpointSummary>;
  uploadMb: number;
  timings: CompletionTiming[];
  /** `atTheEnd`: the created takes by their last status a tab saw, e.g. "12 completed, 8 generating". */
  takes: { asked: number; created: number; atTheEnd: string };
  running: { mean: number; max: number };
  pollingPerTab: { mean: number; max: number };
  /** From the first tab to the last answer; `childS` is the BFF's (every replica's together). */
  cpu: CpuUse;
  /** Each BFF process's own event-loop delay while the tabs ran; null where it did not say. */
  studioLoopDelays: (ChildLoopDelay | null)[];
  /** One per BFF process: a single studio, or each replica of `--replicas`. */
  memory: Memory[];
  studioLog: string[];
};

const PATHS: Record<Endpoint, string> = {
  list: "GET /api/generations?limit=24",
  detail: "GET /api/generations/<id>",
  timings: "GET /api/timings",
  create: "POST /api/generations",
  upload: "POST /api/uploads",
};

/** Wider than report.ts's rows: the label names the endpoint's path. */
const tableRow = (label: string, value: string) => `  ${label.padEnd(40)} ${value}`;
const ms = (n: number) => n.toFixed(1).padStart(7);
const columns = (count: string, rate: string, errors: string, p50: string, p95: string, p99: string, max: string) =>
  `${count.padStart(8)} ${rate.padStart(7)} ${errors.padStart(6)} ${p50} ${p95} ${p99} ${max}`;

function endpointRow(label: string, s: EndpointSummary, seconds: number): string {
  return tableRow(label, columns(String(s.count), (s.count / seconds).toFixed(1), String(s.errors), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)));
}

const share = (cpuS: number, wallS: number) => `${cpuS.toFixed(1)} CPU s, ${((100 * cpuS) / Math.max(wallS, 1e-9)).toFixed(0)}% of one core`;

const pct = (share: number) => `${(100 * share).toFixed(0)} %`;

export function goalMet(report: StudioReport): boolean {
  return report.all.errors === 0 && Object.values(report.endpoints).every((s) => s.p99 <= TARGETS.p99Ms);
}

function describeTiming(t: CompletionTiming): string {
  const [first, median, last] = [0, 0.5, 1].map((p) => t.quantilesMs[Math.round(p * (t.quantilesMs.length - 1))] ?? 0);
  const curve = t.quantilesMs.length > 1 ? `, done from ${(first! / 1000).toFixed(1)} s, median ${(median! / 1000).toFixed(1)} s, all by ${(last! / 1000).toFixed(1)} s` : "";
  return row(`${t.model} ${t.duration} s`, `${t.samples} takes${curve}`);
}

export function printStudioReport(report: StudioReport): void {
  const { endpoints, memory, seconds } = report;
  const errorKinds = Object.entries(endpoints).filter(([, s]) => s.errors > 0);
  const lines = [
    `Dailies studio load run (${report.command})`,
    "",
    `Open loop: ${report.tabs} tabs for ${seconds} s, opening spread over the first ${IDLE_RELIST_MS / 1000} s. Each polls every running take it`,
    "knows of when the SPA's nextTakePollMs says (times from GET /api/timings, asked again once 60 s old), and, while",
    `nothing of its own runs, re-lists every ${IDLE_RELIST_MS / 1000} s: the gallery list has no refetchInterval of its own (staleTime 10 s).`,
    `${report.takes.asked} takes created and ${endpoints.upload.count} frames of ${report.uploadMb.toFixed(1)} MB uploaded at an even pace; latency from before`,
    "each request to the end of its body, at the load process.",
    "",
    tableRow("endpoint", columns("requests", "req/s", "errors", "p50 ms".padStart(7), "p95 ms".padStart(7), "p99 ms".padStart(7), "max ms".padStart(7))),
    ...(Object.keys(PATHS) as Endpoint[]).map((e) => endpointRow(`${e.padEnd(8)} ${PATHS[e]}`, endpoints[e], seconds)),
    endpointRow("all requests", report.all, seconds),
    "  … as the BFF's request log timed them (handlers reached → response written; the rest of a tab's time",
    "  is spent in sockets, the BFF's queue and the load process):",
    ...(Object.keys(PATHS) as Endpoint[]).map((e) => endpointRow(`${e.padEnd(8)} at the BFF`, report.atStudio[e], seconds)),
    ...errorKinds.map(([e, s]) => row(`${e} errors`, s.errorKinds)),
    row("sent again (kept-alive connection closed under it)", `${report.all.resent}, on a new connection, as a browser does; each counted once, from its first send`),
    row("last answers in after the end", `${report.drainedS.toFixed(1)} s`),
    "",
    "Takes",
    row("created during the run", `${report.takes.created} of ${report.takes.asked}; at the end ${report.takes.atTheEnd || "none"}`),
    row("running at once (1 s samples)", `mean ${report.running.mean.toFixed(1)}, max ${report.running.max}`),
    row("polled per tab (1 s samples)", `mean ${report.pollingPerTab.mean.toFixed(1)}, max ${report.pollingPerTab.max.toFixed(1)}`),
    "Completion times the tabs polled by (GET /api/timings before the run)",
    ...report.timings.filter((t) => t.samples > 0).map(describeTiming),
    "",
    `CPU while the tabs ran (${report.cpu.wallS.toFixed(0)} s; a late event loop in the load process inflates every latency above)`,
    row(memory.length > 1 ? `BFF processes (${memory.length} replicas)` : "BFF process", share(report.cpu.childS, report.cpu.wallS)),
    ...report.studioLoopDelays.map((d, i) =>
      row(
        `${report.studioLoopDelays.length > 1 ? `replica ${i + 1}` : "BFF"} event-loop delay`,
        d ? `p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms` : "did not say",
      ),
    ),
    row("load process (tabs, creators)", share(report.cpu.selfS, report.cpu.wallS)),
    row("load process event-loop delay", `p99 ${report.cpu.loopDelayMs.p99.toFixed(1)} ms, max ${report.cpu.loopDelayMs.max.toFixed(1)} ms`),
    row(
      "machine CPU (/proc/stat, all cores)",
      report.cpu.machine
        ? `${pct(report.cpu.machine.busy)} busy, ${pct(report.cpu.machine.niced)} at low priority (the simulator, any niced work), ${pct(report.cpu.machine.idle)} idle`
        : "not readable here",
    ),
    row("machine load average, before/after", `${report.cpu.loadAverage[0].toFixed(1)} / ${report.cpu.loadAverage[1].toFixed(1)} (${report.cpu.cores} cores; other work shares them)`),
    "",
    ...memory.flatMap((m, i) => memoryRows(`${memory.length > 1 ? `Replica ${i + 1}` : "BFF process"} memory (/proc/<pid>/status every 200 ms while the tabs ran)`, m)),
    "",
    `Goal: at ${report.tabs} tabs, ${report.takes.asked} takes and ${endpoints.upload.count} uploads, p99 ≤ ${TARGETS.p99Ms} ms on every endpoint and zero errors`,
    ...(Object.keys(PATHS) as Endpoint[]).map((e) => row(`p99 ≤ ${TARGETS.p99Ms} ms, ${e}`, `${endpoints[e].p99.toFixed(1)} ms: ${verdict(endpoints[e].p99 <= TARGETS.p99Ms)}`)),
    row(`p99 ≤ ${TARGETS.p99Ms} ms, the tabs' polling together`, `${report.polling.p99.toFixed(1)} ms (list, detail, timings): ${verdict(report.polling.p99 <= TARGETS.p99Ms)}`),
    row("zero errors", `${report.all.errors} errors: ${verdict(report.all.errors === 0)}`),
  ];
  if (report.studioLog.length) {
    lines.push("", `Studio log (warn and above, ${report.studioLog.length} lines; last 10):`, ...report.studioLog.slice(-10).map((l) => `  ${l.slice(0, 300)}`));
  }
  console.log(lines.join("\n"));
}
