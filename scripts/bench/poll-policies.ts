/**
 * Detection delay (upstream done → the BFF knows) and upstream GETs per job for Dailies' poll
 * plan against fixed loops, on the same jobs: durations drawn from the simulator's own
 * distribution (src/simulator/timing.ts) with a seeded generator, replayed through each
 * policy's code in simulated time. The plan is the job runner's: learned from the brackets its
 * own polls left on the jobs before (the last 40), made again after each one, steady polls
 * until five are known. Figures are for the jobs after the first 40, once the plan has learned.
 */
import { fromBrackets, type CompletionBracket } from "../../src/shared/completion-times";
import { nextPollDelay, planPolls } from "../../src/server/jobs/poll-plan";
import { SIM_MODELS } from "../../src/simulator/models";
import { drawTimeline, timingConfigSchema, type TimingConfig } from "../../src/simulator/timing";
import { median, quantile } from "./stats";

export type PolicyRow = { policy: string; getsPerJob: number; medianDelayMs: number; p95DelayMs: number };
export type PolicyFigure = { distribution: string; model: string; jobs: number; rows: PolicyRow[]; equalGetsLoopMs: number; equalGetsLoop: PolicyRow };

const JOBS = 240;
const LEARN = 40;
const STEADY_MS = 5_000;
const MAX_GAP_MS = 60_000;
const BUDGET_LOOP_MS = 10_000;

export const DISTRIBUTIONS: Record<string, TimingConfig> = {
  "tight (±10 %)": timingConfigSchema.parse({ spread: 0.05, outlierShare: 0 }),
  "wide (±40 %, 5 % outliers ×1.5–2.5)": timingConfigSchema.parse({ spread: 0.2, outlierShare: 0.05 }),
};

function seeded(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function summarise(policy: string, runs: readonly { gets: number; delayMs: number }[]): PolicyRow {
  const delays = runs.map((r) => r.delayMs);
  return { policy, getsPerJob: runs.reduce((sum, r) => sum + r.gets, 0) / runs.length, medianDelayMs: median(delays), p95DelayMs: quantile(delays, 0.95) };
}

function fixedLoop(durations: readonly number[], loopMs: number) {
  return durations.map((t) => {
    const gets = Math.max(1, Math.ceil(t / loopMs));
    return { gets, delayMs: gets * loopMs - t };
  });
}

function planned(durations: readonly number[]) {
  const brackets: CompletionBracket[] = [];
  return durations.map((t) => {
    const plan = planPolls(fromBrackets(brackets.slice(-40)), { maxGapMs: MAX_GAP_MS, budgetLoopMs: BUDGET_LOOP_MS });
    let at = 0;
    let before = 0;
    let gets = 0;
    while (at < t) {
      before = at;
      at += nextPollDelay(plan, at, STEADY_MS);
      gets++;
    }
    brackets.push({ lowMs: before, highMs: at });
    return { gets, delayMs: at - t };
  });
}

export function comparePollPolicies(): PolicyFigure[] {
  const figures: PolicyFigure[] = [];
  for (const [distribution, config] of Object.entries(DISTRIBUTIONS)) {
    for (const model of SIM_MODELS) {
      const random = seeded(2026);
      const durations = Array.from({ length: JOBS }, () => drawTimeline(model, 5, config, 1, random).totalMs);
      const measured = (runs: { gets: number; delayMs: number }[]) => runs.slice(LEARN);
      const ours = summarise("Dailies' plan", measured(planned(durations)));
      const rows = [ours, ...[2_000, 5_000, 10_000].map((loop) => summarise(`fixed ${loop / 1000} s loop`, measured(fixedLoop(durations, loop))))];
      // The fixed loop spending the same GETs per job as the plan (bisection on its interval).
      let low = 100;
      let high = 120_000;
      for (let round = 0; round < 40; round++) {
        const mid = (low + high) / 2;
        const gets = summarise("", measured(fixedLoop(durations, mid))).getsPerJob;
        if (gets > ours.getsPerJob) low = mid;
        else high = mid;
      }
      const equalGetsLoop = summarise(`fixed ${(high / 1000).toFixed(1)} s loop (same GETs)`, measured(fixedLoop(durations, high)));
      figures.push({ distribution, model: model.wireName, jobs: JOBS - LEARN, rows, equalGetsLoopMs: high, equalGetsLoop });
    }
  }
  return figures;
}
