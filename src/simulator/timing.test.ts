import { describe, expect, it } from "vitest";
import { SIM_MODELS } from "./models";
import { DEFAULT_TIMING, drawTimeline, parseTimingSetting } from "./timing";

const gen3a = SIM_MODELS.find((m) => m.wireName === "gen3a_turbo")!;

/** A seeded generator, so the figures below are the same on every run. */
function seeded(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe("simulated job durations", () => {
  it("spread around the model's median like a real provider's, with a few slow outliers", () => {
    const random = seeded(42);
    const totals = Array.from({ length: 4000 }, () => drawTimeline(gen3a, 5, DEFAULT_TIMING, 1, random).totalMs).sort((a, b) => a - b);
    const median = totals[totals.length / 2]!;
    expect(median / gen3a.totalMs).toBeGreaterThan(0.97);
    expect(median / gen3a.totalMs).toBeLessThan(1.06);
    const within15 = totals.filter((t) => t > gen3a.totalMs / 1.15 && t < gen3a.totalMs * 1.15).length / totals.length;
    expect(within15).toBeGreaterThan(0.55);
    expect(within15).toBeLessThan(0.72);
    const slow = totals.filter((t) => t > gen3a.totalMs * 1.6).length / totals.length;
    expect(slow).toBeGreaterThan(0.03);
    expect(slow).toBeLessThan(0.08);
  });

  it("keeps the queue inside the job and scales with timeScale; 'fixed' is the median exactly", () => {
    const random = seeded(7);
    for (let n = 0; n < 200; n++) {
      const { queuedMs, totalMs } = drawTimeline(gen3a, 10, DEFAULT_TIMING, 0.1, random);
      expect(queuedMs).toBeGreaterThan(0);
      expect(queuedMs).toBeLessThanOrEqual(totalMs * 0.5);
    }
    expect(drawTimeline(gen3a, 5, "fixed", 0.1)).toEqual({ queuedMs: gen3a.queuedMs * 0.1, totalMs: gen3a.totalMs * 0.1 });
  });

  it("takes a median per model and length from the setting", () => {
    const config = parseTimingSetting('{"spread":0,"outlierShare":0,"medianMs":{"gen3a_turbo":{"10":40000}}}');
    expect(drawTimeline(gen3a, 10, config, 0.5).totalMs).toBe(20_000);
    expect(drawTimeline(gen3a, 5, config, 1).totalMs).toBe(gen3a.totalMs);
  });

  it("refuses a setting it cannot read, saying what to write", () => {
    expect(parseTimingSetting(undefined)).toEqual(DEFAULT_TIMING);
    expect(parseTimingSetting("fixed")).toBe("fixed");
    expect(() => parseTimingSetting("{spread")).toThrow(/SIMULATOR_TIMING must be "fixed" or JSON/);
    expect(() => parseTimingSetting('{"spread":-1}')).toThrow(/SIMULATOR_TIMING: spread/);
    expect(() => parseTimingSetting('{"sprad":0.1}')).toThrow(/SIMULATOR_TIMING/);
  });
});
