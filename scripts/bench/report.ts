import type { Machine } from "./machine";

/** One line of the table: a figure, its same-run baseline, and the target it is held to (if any). */
export type Row = { figure: string; value: string; baseline: string; target: string; ok: boolean | null };

const mark = (ok: boolean | null) => (ok === null ? "" : ok ? "✓" : "✗");

function widths(rows: readonly Row[], header: Row): number[] {
  const cells = (r: Row) => [r.figure, r.value, r.baseline, r.target, mark(r.ok)];
  return cells(header).map((_, i) => Math.max(...[header, ...rows].map((r) => cells(r)[i]!.length)));
}

export function formatTable(rows: readonly Row[]): string {
  const header: Row = { figure: "Figure", value: "This run", baseline: "Baseline (same run)", target: "Target", ok: null };
  const w = widths(rows, header);
  const line = (r: Row, okCell: string) => [r.figure, r.value, r.baseline, r.target, okCell].map((c, i) => c.padEnd(w[i]!)).join("  ").trimEnd();
  return [line(header, ""), w.map((n) => "─".repeat(n)).join("  "), ...rows.map((r) => line(r, mark(r.ok)))].join("\n");
}

export function formatMachine(m: Machine): string {
  return `${m.date} · ${m.cores} cores (nproc) · ${m.cpu} · ${m.memory} RAM · Node ${m.node}`;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString("en")} ms` : "n/a");
export const seconds = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : "n/a");
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString("en")} req/s`;
