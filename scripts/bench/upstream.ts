import { findModel } from "../../src/simulator/models";
import { startSimulator, type Simulator } from "../../src/simulator/simulator";
import type { TimingConfig } from "../../src/simulator/timing";

type JobTimes = { createdAt: number; timelineMs: number; renderedAt: number | null };

export type BenchUpstream = {
  simulator: Simulator;
  apiKey: string;
  timeScale: number;
  /** Upstream ids created so far, in order. */
  created(): readonly string[];
  /**
   * The instant the simulator starts answering `completed` for a job: its status is derived
   * from the clock on each poll, completed once the scaled timeline has run out AND the MP4
   * is rendered (src/simulator/jobs.ts), so it is max(create + timeline, render done).
   */
  completionOf(id: string): number | null;
  /** ms from create to completion, or null while unknown. */
  elapsedOf(id: string): number | null;
};

const CREATED = /^created (\S+) \((\S+), [^,]+, (\d+) s, (\w+), due in (\d+) ms\)/;
const RENDERED = /^(?:rendered|copied) (\S+) /;

/**
 * The simulator, in this process, so its own log says when each job was created and when its
 * render finished: the upstream's completion instant to the millisecond, not as a client saw it.
 */
export async function startBenchUpstream(timeScale: number, dataDir: string, timing?: TimingConfig): Promise<BenchUpstream> {
  const jobs = new Map<string, JobTimes>();
  const order: string[] = [];
  const log = (line: string) => {
    const now = Date.now();
    const created = CREATED.exec(line);
    if (created) {
      const [, id, wireName, , , dueMs] = created;
      if (!findModel(wireName!)) throw new Error(`unknown model in simulator log: ${line}`);
      // Each job's own drawn timeline (src/simulator/timing.ts), not the model's median.
      jobs.set(id!, { createdAt: now, timelineMs: Number(dueMs), renderedAt: null });
      order.push(id!);
      return;
    }
    const rendered = RENDERED.exec(line);
    const job = rendered ? jobs.get(rendered[1]!) : undefined;
    if (job) job.renderedAt = now;
  };
  const apiKey = `bench-${process.pid}`;
  const simulator = await startSimulator({ apiKey, dataDir, timeScale, log, ...(timing ? { timing } : {}) });
  const completionOf = (id: string) => {
    const job = jobs.get(id);
    if (!job || job.renderedAt === null) return null;
    return Math.max(job.createdAt + job.timelineMs, job.renderedAt);
  };
  return {
    simulator,
    apiKey,
    timeScale,
    created: () => order,
    completionOf,
    elapsedOf(id) {
      const done = completionOf(id);
      return done === null ? null : done - jobs.get(id)!.createdAt;
    },
  };
}
