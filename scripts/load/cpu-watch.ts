import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";

/** Linux reports CPU time in clock ticks of USER_HZ, 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;
const LOOP_DELAY_RESOLUTION_MS = 10;

export type CpuUse = {
  wallS: number;
  /** CPU seconds (user + system) the watched processes together and this one used over `wallS`. */
  childS: number;
  selfS: number;
  /** This process's event loop: how late its timers fired, beyond the sampling tick. */
  loopDelayMs: { p99: number; max: number };
  /** The machine's 1-minute load average at the start and the end, and its cores. */
  loadAverage: readonly [number, number];
  cores: number;
  /**
   * The whole machine over `wallS`, from /proc/stat, as shares of all its cores: `busy` at
   * normal priority (user, system, interrupts), `niced` (processes at a lower priority: the load
   * run's simulator, anyone else's niced work), `idle` (idle and waiting for I/O). Null where
   * /proc/stat cannot be read.
   */
  machine: { busy: number; niced: number; idle: number } | null;
};

type CpuTicks = { busy: number; niced: number; idle: number };

/** The machine's CPU time so far by kind, from the first line of /proc/stat; null off Linux. */
function machineTicks(): CpuTicks | null {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { busy: user! + system! + irq! + softirq! + (steal ?? 0), niced: nice!, idle: idle! + iowait! };
  } catch {
    return null;
  }
}

/** CPU seconds a process has used so far, from /proc/<pid>/stat; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After "pid (comm) " come the fields from the third on; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Watches the CPU both sides of a load run use (the BFF's processes, this one): on a shared machine, whether either got the CPU it wanted. */
export function watchCpu(childPids: readonly number[]): { stop(): CpuUse } {
  const startedAt = performance.now();
  const childrenNow = () => childPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const child = childrenNow();
  const self = process.cpuUsage();
  const loadAtStart = loadavg()[0]!;
  const ticksAtStart = machineTicks();
  const loop = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loop.enable();
  // The histogram counts the sampling interval itself: what is left over is the delay.
  const lateMs = (ns: number) => Math.max(0, ns / 1e6 - LOOP_DELAY_RESOLUTION_MS);
  return {
    stop() {
      loop.disable();
      const used = process.cpuUsage(self);
      return {
        wallS: (performance.now() - startedAt) / 1000,
        childS: childrenNow() - child,
        selfS: (used.user + used.system) / 1e6,
        loopDelayMs: { p99: lateMs(loop.percentile(99)), max: lateMs(loop.max) },
        loadAverage: [loadAtStart, loadavg()[0]!],
        cores: availableParallelism(),
        machine: machineShares(ticksAtStart, machineTicks()),
      };
    },
  };
}

function machineShares(from: CpuTicks | null, to: CpuTicks | null): CpuUse["machine"] {
  if (!from || !to) return null;
  const busy = to.busy - from.busy;
  const niced = to.niced - from.niced;
  const idle = to.idle - from.idle;
  const all = busy + niced + idle;
  return all > 0 ? { busy: busy / all, niced: niced / all, idle: idle / all } : null;
}
