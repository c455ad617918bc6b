import type { FaultEndpoint } from "./faults-config";

export type Stats = {
  /** Jobs actually created: a create refused or failed before processing never counts. */
  creates: number;
  /** Poll requests that reached the handler (not those a fault answered first). */
  polls: number;
  /** `polls` per job the simulator knows, by its id: how many GETs each job cost, for tests that hold a client to a per-job budget. */
  pollsPerJob: Record<string, number>;
  /** Result files the handler served (2xx), including those a fault then cut short or trickled. */
  downloads: number;
  /** Renders that ended after their job's drawn end: those jobs completed late (the render, not the timeline, set their end). */
  lateRenders: number;
  /** Every authenticated call per endpoint, faulted or not: the numbers fault schedules count. */
  calls: Record<FaultEndpoint, number>;
  /** Faults applied, per endpoint, keyed by `faultLabel` (e.g. "http:503", "job-error:INTERNAL", "reset"). */
  faults: Record<FaultEndpoint, Record<string, number>>;
};

export function emptyStats(): Stats {
  return {
    creates: 0,
    polls: 0,
    pollsPerJob: {},
    downloads: 0,
    lateRenders: 0,
    calls: { create: 0, poll: 0, result: 0, logs: 0, usage: 0 },
    faults: { create: {}, poll: {}, result: {}, logs: {}, usage: {} },
  };
}
