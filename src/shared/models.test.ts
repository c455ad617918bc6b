import { describe, expect, it } from "vitest";
import { MODELS, closestRatio, isModelId, ratioValue } from "./models";

describe("the model table's helpers", () => {
  it("knows the model ids and nothing else", () => {
    expect(isModelId("gen4_turbo")).toBe(true);
    expect(isModelId("gen3a_turbo")).toBe(true);
    expect(isModelId("gen4")).toBe(false);
    expect(isModelId("")).toBe(false);
    expect(isModelId(4)).toBe(false);
    expect(isModelId(["gen4_turbo"])).toBe(false);
  });

  it("turns a ratio label into width / height, and anything else into NaN", () => {
    expect(ratioValue("16:9")).toBeCloseTo(16 / 9, 12);
    expect(ratioValue("3:4")).toBe(0.75);
    expect(ratioValue("1:1")).toBe(1);
    expect(ratioValue("16:0")).toBeNaN();
    expect(ratioValue("0:9")).toBeNaN();
    expect(ratioValue("16")).toBeNaN();
    expect(ratioValue("wide")).toBeNaN();
  });

  it("picks the supported ratio nearest an image's shape, per model", () => {
    expect(closestRatio("gen4_turbo", 1920, 1080)).toBe("16:9");
    expect(closestRatio("gen4_turbo", 1080, 1920)).toBe("9:16");
    expect(closestRatio("gen4_turbo", 1000, 1000)).toBe("1:1");
    expect(closestRatio("gen4_turbo", 1200, 900)).toBe("4:3");
    expect(closestRatio("gen4_turbo", 900, 1200)).toBe("3:4");
    expect(closestRatio("gen4_turbo", 2520, 1080)).toBe("21:9");
    expect(closestRatio("gen3a_turbo", 2520, 1080)).toBe("16:9");
    expect(closestRatio("gen3a_turbo", 1000, 1100)).toBe("9:16");
    expect(closestRatio("gen3a_turbo", 1100, 1000)).toBe("16:9");
  });

  it("compares in log space, where 2.05:1 is nearer 21:9 though plain differences say 16:9", () => {
    // 2.05 is 0.272 from 16:9 and 0.283 from 21:9, but 0.143 and 0.130 apart in log space.
    expect(closestRatio("gen4_turbo", 2050, 1000)).toBe("21:9");
    // Between 1:1 and 4:3, 1.15 is nearer 1:1 in plain terms (0.15 vs 0.18) and in log space.
    expect(closestRatio("gen4_turbo", 1150, 1000)).toBe("1:1");
  });

  it("keeps the first listed ratio on a tie: a square image is as near 16:9 as 9:16 for gen3a_turbo", () => {
    expect(closestRatio("gen3a_turbo", 1000, 1000)).toBe("16:9");
  });

  it("falls back to the model's default ratio when no shape can be measured", () => {
    expect(closestRatio("gen4_turbo", Number.NaN, 1)).toBe(MODELS.gen4_turbo.defaultRatio);
  });
});
