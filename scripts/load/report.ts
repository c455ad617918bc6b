import type { Result } from "autocannon";
import type { Burst } from "./upload-bursts";

export type Memory = { peakRssMb: number; hwmMb: number; readyRssMb: number; samples: number };

/** The BFF's memory lines of a report, under `heading`. */
export function memoryRows(heading: string, memory: Memory): string[] {
  return [
    heading,
    row("RSS when ready (MB)", memory.readyRssMb.toFixed(0)),
    row("peak sampled VmRSS (MB)", memory.peakRssMb.toFixed(0)),
    row("VmHWM, the kernel's peak (MB)", memory.hwmMb.toFixed(0)),
  ];
}

export type LoadReport = {
  command: string;
  connections: number;
  seconds: number;
  load: Result;
  generations: { n: number; model: string; submit: string; final: string }[];
  uploads: { n: number; mb: number; status: string; ms: number }[];
  memory: Memory;
  bursts: Burst[];
  studioLog: string[];
};

export const TARGETS = { p99Ms: 50, rssMb: 200, burstRssMb: 250 };

export const row = (label: string, value: string | number) => `  ${label.padEnd(34)} ${value}`;
export const verdict = (ok: boolean) => (ok ? "meets target" : "MISSES target");

export function errorCount(report: LoadReport): number {
  const badUploads = report.uploads.filter((u) => !u.status.startsWith("2")).length;
  const badSubmits = report.generations.filter((g) => !g.submit.startsWith("2")).length;
  const badBursts = report.bursts.filter((b) => !b.ok).length;
  return report.load.errors + report.load.timeouts + report.load.non2xx + badUploads + badSubmits + badBursts;
}

export function printReport(report: LoadReport): void {
  const { load, memory } = report;
  const completed = report.generations.filter((g) => g.final === "completed").length;
  const lines = [
    `Dailies load run (${report.command})`,
    "",
    `Saturation throughput (closed loop: ${report.connections} connections for ${report.seconds} s, each asking again as soon as it is answered),`,
    "GET /api/generations?limit=24 alternating with GET /api/generations/<id>; what open tabs do is `npm run load -- --studio`",
    row("saturation throughput, req/s mean", load.requests.average.toFixed(0)),
    row("total requests", load.requests.total),
    row("latency p50 / p90 / p99 (ms)", `${load.latency.p50} / ${load.latency.p90} / ${load.latency.p99}`),
    row("latency mean / max (ms)", `${load.latency.average.toFixed(1)} / ${load.latency.max}`),
    row("2xx", load["2xx"]),
    row("non-2xx", load.non2xx),
    row("errors / timeouts", `${load.errors} / ${load.timeouts}`),
    "",
    `Generations submitted during the run: ${completed} of ${report.generations.length} completed`,
    ...report.generations.map((g) => row(`#${String(g.n).padStart(2)} ${g.model}`, `submit ${g.submit}, final ${g.final}`)),
    "",
    "Uploads during the run (noise JPEGs, POST /api/uploads)",
    ...report.uploads.map((u) => row(`#${String(u.n).padStart(2)} ${u.mb.toFixed(1)} MB`, `${u.status} in ${u.ms.toFixed(0)} ms`)),
    "",
    ...memoryRows("BFF process memory (/proc/<pid>/status every 200 ms; the simulator runs in the load process, as an upstream would)", memory),
    "",
    "Upload bursts after the run (all at once; BFF VmRSS every 50 ms)",
    ...report.bursts.map((b) => row(b.label, `${b.statuses} (want ${b.expected}) in ${b.seconds.toFixed(1)} s; RSS ${b.startRssMb.toFixed(0)} → peak ${b.peakRssMb.toFixed(0)} MB`)),
    "",
    "Targets",
    row(`zero errors`, `${errorCount(report)} errors: ${verdict(errorCount(report) === 0)}`),
    row(`p99 under ${TARGETS.p99Ms} ms (saturated)`, `${load.latency.p99} ms: ${verdict(load.latency.p99 < TARGETS.p99Ms)}`),
    row(`peak RSS at most ${TARGETS.rssMb} MB`, `${memory.hwmMb.toFixed(0)} MB: ${verdict(memory.hwmMb <= TARGETS.rssMb)}`),
    ...report.bursts.map((b) => row(`${b.label.split(" at once")[0]} ≤ ${TARGETS.burstRssMb} MB`, `${b.peakRssMb.toFixed(0)} MB: ${verdict(b.peakRssMb <= TARGETS.burstRssMb)}`)),
    row("all generations completed", `${completed}/${report.generations.length}: ${verdict(completed === report.generations.length)}`),
  ];
  if (report.studioLog.length) {
    lines.push("", `Studio log (warn and above, ${report.studioLog.length} lines; last 10):`, ...report.studioLog.slice(-10).map((l) => `  ${l.slice(0, 300)}`));
  }
  console.log(lines.join("\n"));
}
