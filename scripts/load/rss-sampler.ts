import { readFileSync } from "node:fs";

export type RssSampler = { stop(): { peakRssMb: number; hwmMb: number; lastRssMb: number; samples: number } };

function readKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match?.[1] ? Number(match[1]) : 0;
}

/** Reads /proc/<pid>/status every `everyMs`: the largest VmRSS seen and the kernel's own peak (VmHWM). */
export function sampleRss(pid: number, everyMs = 200): RssSampler {
  let peakKb = 0;
  let hwmKb = 0;
  let lastKb = 0;
  let samples = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      lastKb = readKb(status, "VmRSS");
      peakKb = Math.max(peakKb, lastKb);
      hwmKb = Math.max(hwmKb, readKb(status, "VmHWM"));
      samples += 1;
    } catch {
      // The process is gone; keep what was seen.
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      read();
      clearInterval(timer);
      return { peakRssMb: peakKb / 1024, hwmMb: hwmKb / 1024, lastRssMb: lastKb / 1024, samples };
    },
  };
}
