import { describe, expect, it } from "vitest";
import { SEED_MAX } from "../../shared/limits";
import { batchSeeds, freshSeed, randomSeed } from "./seeds";

const inRange = (seed: number) => Number.isInteger(seed) && seed >= 0 && seed <= SEED_MAX;

describe("batchSeeds", () => {
  it("counts up from a locked seed, wrapping past the largest seed to 0", () => {
    expect(batchSeeds(7, 3)).toEqual([7, 8, 9]);
    expect(batchSeeds(SEED_MAX - 1, 4)).toEqual([SEED_MAX - 1, SEED_MAX, 0, 1]);
    expect(batchSeeds(0, 1)).toEqual([0]);
  });

  it("gives as many distinct random seeds as asked when none is locked", () => {
    for (const locked of [null, undefined]) {
      const seeds = batchSeeds(locked, 4);
      expect(seeds).toHaveLength(4);
      expect(new Set(seeds).size).toBe(4);
      expect(seeds.every(inRange)).toBe(true);
      expect(batchSeeds(locked, 4)).not.toEqual(seeds);
    }
  });
});

describe("randomSeed and freshSeed", () => {
  it("draws seeds the upstream accepts", () => {
    expect(Array.from({ length: 50 }, randomSeed).every(inRange)).toBe(true);
  });

  it("never hands back the seed it must avoid", () => {
    for (let i = 0; i < 50; i++) {
      const avoid = randomSeed();
      const seed = freshSeed(avoid);
      expect(seed).not.toBe(avoid);
      expect(inRange(seed)).toBe(true);
    }
  });
});
