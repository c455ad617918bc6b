import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { totalmem } from "node:os";

export type Machine = { date: string; cores: string; cpu: string; memory: string; node: string };

/** What the figures were measured on: they mean little without it. */
export function describeMachine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  let cores = "?";
  try {
    cores = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // nproc missing: leave "?".
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cores,
    cpu,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
  };
}
