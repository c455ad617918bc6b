/**
 * The poll plan (poll-plan.ts), tried on distributions drawn at random: it never spends more
 * GETs than the fixed 10 s loop would on the same takes, never leaves a gap over the bound,
 * and no fixed loop that spends as few GETs finds the end sooner.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBrackets, type CompletionBracket } from "../../shared/completion-times";
import { evaluateSchedule, fixedLoopGets, fixedLoopTimes, nextPollDelay, planPolls } from "./poll-plan";

/** Takes around `medianMs`, spread ±`spread`, some of them slow outliers, each seen as a bracket up to `bracketMs` wide. */
const distribution = fc
  .record({
    medianMs: fc.integer({ min: 3_000, max: 180_000 }),
    spread: fc.double({ min: 0, max: 0.6, noNaN: true }),
    outlierShare: fc.double({ min: 0, max: 0.2, noNaN: true }),
    bracketMs: fc.integer({ min: 0, max: 4_000 }),
    draws: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 5, maxLength: 40 }),
  })
  .map(({ medianMs, spread, outlierShare, bracketMs, draws }): CompletionBracket[] =>
    draws.map(([a, b, c]) => {
      let t = medianMs * (1 + spread * (2 * a - 1));
      if (b < outlierShare) t *= 1.5 + c;
      return { lowMs: Math.max(0, t - bracketMs * c), highMs: t + bracketMs * (1 - c) * b };
    }),
  );
const maxGap = fc.integer({ min: 5_000, max: 120_000 });
// Fixed, as the other property tests of the house: a run draws the same distributions every time,
// so CI is not a lottery.
const SEED = 20_251_121;
// Draws a six-take distribution where a 15 s loop found the end in 11 s for 1.96 GETs and the
// plan, holding on to its early poll and tight tail, in 21 s for 2.17: kept as a second seed.
const LUMPY_SEED = 977_542_005;

describe("planPolls", () => {
  it("never spends more GETs than the fixed 10 s loop, when the gap bound allows it", () => {
    let planned = 0;
    fc.assert(
      fc.property(distribution, maxGap, (brackets, maxGapMs) => {
        const times = fromBrackets(brackets);
        const plan = planPolls(times, { maxGapMs });
        const { gets } = evaluateSchedule(times, plan.timesMs);
        // The fewest GETs any schedule can spend under the bound: one per maxGapMs up to the last finish.
        const floor = fixedLoopGets(times, maxGapMs);
        if (floor <= fixedLoopGets(times, 10_000)) {
          planned++;
          expect(gets).toBeLessThanOrEqual(plan.budgetGets + 1e-6);
        }
        expect(plan.budgetGets).toBeCloseTo(fixedLoopGets(times, 10_000), 6);
      }),
      { numRuns: 60, seed: SEED },
    );
    expect(planned).toBeGreaterThan(40);
  });

  it("never leaves a gap over the bound, and its last poll is when every take seen was done", () => {
    fc.assert(
      fc.property(distribution, maxGap, (brackets, maxGapMs) => {
        const times = fromBrackets(brackets);
        const plan = planPolls(times, { maxGapMs });
        expect(plan.timesMs.length).toBeGreaterThan(0);
        let previous = 0;
        for (const at of plan.timesMs) {
          expect(at).toBeGreaterThan(previous);
          expect(at - previous).toBeLessThanOrEqual(maxGapMs + 1);
          previous = at;
        }
        expect(times.cdf(previous)).toBe(1);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it.each([SEED, LUMPY_SEED])("finds the end sooner than any fixed loop (2 s to 30 s) that spends as few GETs or fewer (seed %i)", (seed) => {
    let compared = 0;
    fc.assert(
      fc.property(distribution, fc.integer({ min: 2_000, max: 30_000 }), (brackets, loopMs) => {
        const times = fromBrackets(brackets);
        const plan = planPolls(times, { maxGapMs: 60_000 });
        const ours = evaluateSchedule(times, plan.timesMs);
        const fixed = evaluateSchedule(times, fixedLoopTimes(times, loopMs));
        if (fixed.gets > ours.gets) return;
        compared++;
        // The plan is exact on a grid of about 240 steps: allow one step of the range.
        expect(ours.delayMs).toBeLessThanOrEqual(fixed.delayMs + times.quantile(1) / 240);
      }),
      { numRuns: 100, seed },
    );
    expect(compared).toBeGreaterThan(10);
  });

  it("beats the 10 s loop by far on a tight and on a wide distribution, with fewer GETs", () => {
    for (const [medianMs, spread] of [
      [25_000, 0.1],
      [65_000, 0.4],
    ] as const) {
      const brackets = Array.from({ length: 30 }, (_, i) => {
        const t = medianMs * (1 + spread * ((2 * i) / 29 - 1));
        return { lowMs: t - 200, highMs: t + 200 };
      });
      const times = fromBrackets(brackets);
      const plan = planPolls(times, { maxGapMs: 60_000 });
      const ours = evaluateSchedule(times, plan.timesMs);
      const loop = evaluateSchedule(times, fixedLoopTimes(times, 10_000));
      expect(ours.gets).toBeLessThanOrEqual(loop.gets);
      expect(ours.delayMs).toBeLessThan(loop.delayMs * 0.4);
    }
  });

  it("leaves no gap longer than the budget's loop past the median, when the budget affords it", () => {
    // Wide: 10 s to 120 s, most around 30 s.
    const brackets = Array.from({ length: 40 }, (_, i) => {
      const t = i < 36 ? 25_000 + i * 300 : 60_000 + (i - 36) * 20_000;
      return { lowMs: t - 100, highMs: t + 100 };
    });
    const times = fromBrackets(brackets);
    const plan = planPolls(times, { maxGapMs: 60_000 });
    const median = times.quantile(0.5);
    for (let k = 1; k < plan.timesMs.length; k++) {
      if (plan.timesMs[k - 1]! >= median) expect(plan.timesMs[k]! - plan.timesMs[k - 1]!).toBeLessThanOrEqual(10_000 + 1);
    }
    expect(evaluateSchedule(times, plan.timesMs).gets).toBeLessThanOrEqual(plan.budgetGets + 1e-6);
  });

  it("puts the first poll early enough to see the job start, and late enough that it has left the queue", () => {
    const brackets = Array.from({ length: 20 }, (_, i) => ({ lowMs: 24_000 + i * 100, highMs: 24_500 + i * 100 }));
    const plan = planPolls(fromBrackets(brackets), { maxGapMs: 60_000 });
    expect(plan.timesMs[0]).toBeGreaterThan(6_000);
    expect(plan.timesMs[0]).toBeLessThanOrEqual(8_000);
  });

  it("polls at the steady interval, after one early poll, while fewer than five takes are known", () => {
    const plan = planPolls(fromBrackets([{ lowMs: 20_000, highMs: 21_000 }]), { maxGapMs: 60_000 });
    expect(plan.timesMs).toEqual([]);
    expect(nextPollDelay(plan, 0, 5_000)).toBe(2_000);
    expect(nextPollDelay(plan, 500, 5_000)).toBe(1_500);
    expect(nextPollDelay(plan, 2_000, 5_000)).toBe(5_000);
    expect(nextPollDelay(plan, 0, 50)).toBe(50);
    expect(planPolls(null, { maxGapMs: 60_000 }).timesMs).toEqual([]);
  });

  it("follows the plan, then eases off once the job is later than every take seen", () => {
    const plan = { timesMs: [8_000, 24_000, 26_000], budgetGets: 3, expectedGets: 3, expectedDelayMs: 0 };
    expect(nextPollDelay(plan, 100, 5_000)).toBe(7_900);
    expect(nextPollDelay(plan, 8_000, 5_000)).toBe(16_000);
    expect(nextPollDelay(plan, 25_000, 5_000)).toBe(1_000);
    expect(nextPollDelay(plan, 26_000, 5_000)).toBe(1_000);
    expect(nextPollDelay(plan, 30_000, 5_000)).toBe(2_000);
    expect(nextPollDelay(plan, 126_000, 5_000)).toBe(5_000);
  });
});
